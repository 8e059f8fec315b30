import Foundation
import KyCuongAudit
import KyCuongCatalog
import KyCuongExport
import KyCuongModel
import KyCuongScoring
import KyCuongSupport

/// Charts as inline SVG, drawn without any script or network so the page stays self-contained and prints.
public enum SVGChart {
  /// One bar or point: a label and a value (`nil` draws no bar).
  public struct Datum: Hashable, Sendable {
    /// The label.
    public var label: String
    /// The value.
    public var value: Double?
    /// The text shown at the end of the bar or above the point.
    public var valueText: String

    /// Creates a datum.
    public init(label: String, value: Double?, valueText: String) {
      self.label = label
      self.value = value
      self.valueText = valueText
    }
  }

  static func number(_ value: Double) -> String { String(format: "%.1f", value) }

  /// A horizontal bar chart: one row per datum, bars scaled to `maximum`.
  public static func bars(_ data: [Datum], maximum: Double, title: String, width: Double = 680) -> String {
    let e = ReportFormatting.escapeHTML
    let labelWidth = 250.0
    let row = 20.0
    let top = 26.0
    let height = top + row * Double(data.count) + 10
    let plot = width - labelWidth - 60
    var out = [
      "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(number(width))\" height=\"\(number(height))\" "
        + "viewBox=\"0 0 \(number(width)) \(number(height))\" aria-label=\"\(e(title))\">",
      "<title>\(e(title))</title>",
      "<text x=\"0\" y=\"16\" font-size=\"13\" font-weight=\"bold\">\(e(title))</text>",
    ]
    for (index, datum) in data.enumerated() {
      let y = top + row * Double(index)
      let label = datum.label.count > 38 ? String(datum.label.prefix(37)) + "…" : datum.label
      out.append(
        "<text x=\"\(number(labelWidth - 6))\" y=\"\(number(y + 14))\" font-size=\"11\" text-anchor=\"end\">\(e(label))</text>"
      )
      let length = maximum > 0 ? max(0, min(1, (datum.value ?? 0) / maximum)) * plot : 0
      if datum.value != nil {
        out.append(
          "<rect x=\"\(number(labelWidth))\" y=\"\(number(y + 3))\" width=\"\(number(length))\" height=\"\(number(row - 6))\" fill=\"#3b6ea5\"/>"
        )
      }
      out.append(
        "<text x=\"\(number(labelWidth + length + 4))\" y=\"\(number(y + 14))\" font-size=\"11\">\(e(datum.valueText))</text>"
      )
    }
    out.append("</svg>")
    return out.joined(separator: "\n")
  }

  /// A line chart of values 0…100 over ordered labels (months), with a point and its value at each label.
  public static func line(_ data: [Datum], title: String, width: Double = 680, height: Double = 240) -> String
  {
    let e = ReportFormatting.escapeHTML
    let left = 40.0
    let right = 20.0
    let top = 30.0
    let bottom = 40.0
    let plotWidth = width - left - right
    let plotHeight = height - top - bottom
    func x(_ index: Int) -> Double {
      data.count <= 1 ? left + plotWidth / 2 : left + plotWidth * Double(index) / Double(data.count - 1)
    }
    func y(_ value: Double) -> Double { top + plotHeight * (1 - max(0, min(100, value)) / 100) }
    var out = [
      "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(number(width))\" height=\"\(number(height))\" "
        + "viewBox=\"0 0 \(number(width)) \(number(height))\" aria-label=\"\(e(title))\">",
      "<title>\(e(title))</title>",
      "<text x=\"0\" y=\"16\" font-size=\"13\" font-weight=\"bold\">\(e(title))</text>",
    ]
    for tick in stride(from: 0.0, through: 100, by: 25) {
      out.append(
        "<line x1=\"\(number(left))\" x2=\"\(number(width - right))\" y1=\"\(number(y(tick)))\" y2=\"\(number(y(tick)))\" stroke=\"#ddd\"/>"
      )
      out.append(
        "<text x=\"\(number(left - 6))\" y=\"\(number(y(tick) + 4))\" font-size=\"10\" text-anchor=\"end\">\(Int(tick))</text>"
      )
    }
    let points = data.enumerated().compactMap { index, datum in datum.value.map { (index, $0) } }
    if points.count > 1 {
      let path = points.map { "\(number(x($0.0))),\(number(y($0.1)))" }.joined(separator: " ")
      out.append("<polyline points=\"\(path)\" fill=\"none\" stroke=\"#3b6ea5\" stroke-width=\"2\"/>")
    }
    let labelEvery = max(1, data.count / 12)
    for (index, datum) in data.enumerated() {
      if let value = datum.value {
        out.append("<circle cx=\"\(number(x(index)))\" cy=\"\(number(y(value)))\" r=\"3\" fill=\"#3b6ea5\"/>")
        if data.count <= 24 {
          out.append(
            "<text x=\"\(number(x(index)))\" y=\"\(number(y(value) - 7))\" font-size=\"10\" text-anchor=\"middle\">\(e(datum.valueText))</text>"
          )
        }
      }
      if index % labelEvery == 0 {
        out.append(
          "<text x=\"\(number(x(index)))\" y=\"\(number(height - bottom + 16))\" font-size=\"10\" text-anchor=\"middle\">\(e(datum.label))</text>"
        )
      }
    }
    out.append("</svg>")
    return out.joined(separator: "\n")
  }
}
