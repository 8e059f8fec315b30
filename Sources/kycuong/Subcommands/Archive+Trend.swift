#if Archive
  import ArgumentParser
  import Foundation
  import KyCuong
  import KyCuongArchive

  extension KyCuongCommand.Archive {
    /// `kycuong archive trend UNIT`: a unit's scores and ratings over time, per checklist and focus area.
    struct Trend: AsyncKyCuongSubcommand {
      static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract:
          "A unit's scores and ratings over time, per checklist and focus area: a table or an SVG chart.")

      /// How a trend is written.
      enum Format: String, CaseIterable, ExpressibleByArgument {
        case table, csv, json, svg
      }

      /// One point per audit, or per month (the mean of the month's audits).
      enum Step: String, CaseIterable, ExpressibleByArgument {
        case audit, month
      }

      @Argument(help: "The unit: its name, or a part of it that only one unit's name contains.")
      var unit: String

      @Option(help: "Output: table, csv, json, or svg (one line chart per checklist and focus area).")
      var format: Format = .table

      @Option(help: "One point per audit, or per month.")
      var by: Step = .audit

      @Option(help: "Language of the chart's titles: vi or en.")
      var lang: Language = .defaultFromEnvironment

      @Option(
        name: .shortAndLong, help: "Write to this file instead of standard output.", completion: .file())
      var output: String?

      @Flag(help: "Replace the output file if it exists.")
      var force = false

      @OptionGroup var archive: ArchiveOptions

      func execute() async throws(CommandFailure) {
        let wanted = unit
        let (name, points) = try await archive.with { archive throws(CommandFailure) in
          try await Self.points(ofUnit: wanted, in: archive)
        }
        let shown = by == .month ? Self.monthly(points) : points
        let text: String
        switch format {
        case .table: text = try Listing.trend(shown).rendered(.table)
        case .csv: text = try Listing.trend(shown).rendered(.csv)
        case .json: text = try Listing.trend(shown).rendered(.json)
        case .svg: text = Self.chart(unit: name, points: shown, language: lang)
        }
        try CommandFiles.write(text, to: output, force: force)
      }

      /// The unit `wanted` names (its whole name, or a part only one unit's name contains) and its trend.
      static func points(
        ofUnit wanted: String, in archive: DepartmentArchive
      ) async throws(CommandFailure) -> (unit: String, points: [TrendPoint]) {
        do {
          let points = try await archive.scoreTrend(ofUnit: wanted)
          if let first = points.first { return (first.audit.unit, points) }
          let units = try await archive.units(matching: wanted)
          guard units.count == 1, let only = units.first else {
            throw CommandFailure(
              units.isEmpty
                ? "the archive holds no audit of a unit named like \"\(wanted)\" (`kycuong archive list`)"
                : "\"\(wanted)\" names \(units.count) units: "
                  + units.prefix(10).joined(separator: "; ") + (units.count > 10 ? "; …" : "")
                  + ". Give more of the name")
          }
          return (only, try await archive.scoreTrend(ofUnit: only))
        } catch let error as ArchiveError {
          throw CommandFailure(error)
        } catch let error as CommandFailure {
          throw error
        } catch {
          throw CommandFailure("\(error)")
        }
      }

      /// One point per checklist and month: the mean of its audits' scores, the rating left out.
      static func monthly(_ points: [TrendPoint]) -> [TrendPoint] {
        var order: [String] = []
        var groups: [String: [TrendPoint]] = [:]
        for point in points {
          let key = point.audit.checklistID + "\u{0}" + ReportFormatting.month(point.audit.startedAt)
          if groups[key] == nil { order.append(key) }
          groups[key, default: []].append(point)
        }
        func mean(_ values: [Double?]) -> Double? {
          let present = values.compactMap { $0 }
          return present.isEmpty ? nil : present.reduce(0, +) / Double(present.count)
        }
        return order.compactMap { key in
          guard let group = groups[key], var first = group.first else { return nil }
          first.audit.auditID = "\(group.count) audits"
          first.audit.overallScore = mean(group.map(\.audit.overallScore))
          first.audit.ratingID = nil
          let tags = Set(group.flatMap(\.focusAreas.keys))
          first.focusAreas = Dictionary(
            uniqueKeysWithValues: tags.map { tag in (tag, mean(group.map { $0.focusAreas[tag] ?? nil })) })
          return first
        }
      }

      /// The charts, one under the other in one SVG document: per checklist, the overall score, then each
      /// focus area.
      static func chart(unit: String, points: [TrendPoint], language: Language) -> String {
        var charts: [String] = []
        let checklists = points.reduce(into: [String]()) { ids, point in
          if !ids.contains(point.audit.checklistID) { ids.append(point.audit.checklistID) }
        }
        func datum(_ point: TrendPoint, _ value: Double?) -> SVGChart.Datum {
          SVGChart.Datum(
            label: ReportFormatting.day(point.audit.startedAt), value: value,
            valueText: value.map { NumberFormatting.score($0) } ?? "—")
        }
        for checklist in checklists {
          let series = points.filter { $0.audit.checklistID == checklist }
          charts.append(
            SVGChart.line(series.map { datum($0, $0.audit.overallScore) }, title: "\(unit) — \(checklist)"))
          for area in FocusArea.allCases where series.contains(where: { $0.focusAreas[area.tag] != nil }) {
            charts.append(
              SVGChart.line(
                series.map { datum($0, $0.focusAreas[area.tag] ?? nil) },
                title: "\(unit) — \(checklist) — \(area.title[language])"))
          }
        }
        let height = 240
        let placed = charts.enumerated().map { index, chart in
          chart.replacingOccurrences(of: "<svg ", with: "<svg y=\"\(index * height)\" ", options: .anchored)
        }
        return
          "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"680\" height=\"\(max(1, charts.count) * height)\" "
          + "viewBox=\"0 0 680 \(max(1, charts.count) * height)\">\n" + placed.joined(separator: "\n")
          + "\n</svg>\n"
      }
    }
  }
#endif
