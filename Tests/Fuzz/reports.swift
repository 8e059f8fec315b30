import Foundation
import KyCuong
import KyCuongSupport

/// Fuzz target: the renderers of the record (HTML, Markdown), the comparison (text) and the summary (text,
/// HTML, CSV), in both languages, on any export the reader takes. Never a crash, and:
/// - every rendering is deterministic (twice the same text);
/// - no `<` of the input's texts reaches the HTML unescaped: the page of the export has exactly as many `<`
///   as the page of the same export with every `<` of its strings replaced by `x` (the markup depends on the
///   document's structure, never on its characters);
/// - no CSV field begins with `=`, `+`, `-`, `@`, a tab or a CR (a spreadsheet formula) unless neutralised
///   with a leading `'`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReports(_ pointer: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let data = FuzzInput.data(pointer, count)
  guard let export = try? AuditExport(data: data) else { return 0 }
  let pages = Pages(export)
  if let json = try? JSONReader.parse(data), let bland = try? CanonicalJSON.data(withoutAngles(json)),
    let plain = try? AuditExport(data: bland)
  {
    let other = Pages(plain)
    for (name, html) in pages.html {
      let mine = html.utf8.count(where: { $0 == UInt8(ascii: "<") })
      let theirs = other.html[name]?.utf8.count(where: { $0 == UInt8(ascii: "<") })
      if mine != theirs { fatalError("\(name): \(mine) '<' against \(theirs ?? -1) without the input's '<'") }
    }
  }
  for (name, text) in pages.csv { checkCSV(text, name) }
  if Pages(export).all != pages.all { fatalError("a rendering differs between two runs") }
  return 0
}

/// Every rendering of one export, by name.
struct Pages {
  var html: [String: String] = [:]
  var text: [String: String] = [:]
  var csv: [String: String] = [:]

  init(_ export: AuditExport) {
    let comparison = try? AuditComparison(old: export, new: export)
    let record = InspectionRecord(export: export, previous: comparison)
    let summary = Self.summary(of: export)
    for language in Language.allCases {
      let key = language.rawValue
      html["record-\(key)"] = record.html(language: language)
      text["record-\(key)"] = record.markdown(language: language)
      text["compare-\(key)"] = comparison?.renderText(language: language)
      if let summary {
        html["summary-\(key)"] = summary.html(language: language, top: 0)
        text["summary-\(key)"] = summary.renderText(language: language, top: 0)
        for table in AuditSummary.CSVTable.allCases {
          csv["\(table.rawValue)-\(key)"] = summary.csv(table, language: language)
        }
      }
    }
  }

  var all: [String: String] {
    html.merging(text.map { ("text-" + $0.key, $0.value) }, uniquingKeysWith: { $1 })
      .merging(csv.map { ("csv-" + $0.key, $0.value) }, uniquingKeysWith: { $1 })
  }

  /// The summary of the export alone (the summary reads files: one in this process's temporary file).
  static func summary(of export: AuditExport) -> AuditSummary? {
    let url = FileManager.default.temporaryDirectory.appending(
      path: "kycuong-fuzz-reports-\(ProcessInfo.processInfo.processIdentifier).json")
    guard let data = try? export.jsonData(), (try? data.write(to: url)) != nil else { return nil }
    defer { try? FileManager.default.removeItem(at: url) }
    guard let today = CalendarDate(year: 2026, month: 6, day: 30) else { return nil }
    return AuditSummary(files: [url], filter: SummaryFilter(), today: today)
  }
}

/// `value` with every `<` in its strings (not its keys) replaced by `x`.
func withoutAngles(_ value: JSONValue) -> JSONValue {
  switch value {
  case .string(let text): .string(text.replacingOccurrences(of: "<", with: "x"))
  case .array(let elements): .array(elements.map(withoutAngles))
  case .object(let members): .object(members.map { ($0.key, withoutAngles($0.value)) })
  default: value
  }
}

/// Fails when a field of the CSV `text` (RFC 4180, after its byte order mark) would be read as a formula.
func checkCSV(_ text: String, _ name: String) {
  for field in CSVFields.parse(text) {
    if let first = field.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
      fatalError("\(name): a CSV field begins with a formula character: \(field.debugDescription)")
    }
  }
}
