import ArgumentParser
import Foundation
import KyCuong
import KyCuongIntegrity

extension KyCuongCommand {
  /// `kycuong report`: the inspection record of an audit, the comparison of a re-inspection, and the summary
  /// across many audits.
  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Reports: an audit's inspection record, a re-inspection compared, a summary of many audits.",
      subcommands: [Record.self, Compare.self, Summary.self, GenerateSamples.self]
    )
  }
}

/// A report error in the user's language, printed by ArgumentParser as `Error: …` (without the usage text a
/// `ValidationError` would add, since the arguments were well-formed).
struct ReportFailure: Error, CustomStringConvertible {
  let description: String

  init(_ error: ReportError, _ language: Language) {
    description = error.message(language)
  }

  init(_ message: String) {
    description = message
  }
}

/// Options every report that reads audits by id shares.
struct StoreOptions: ParsableArguments {
  @Option(
    help:
      "Folder of stored audits (default: $XDG_DATA_HOME/kycuong/audits or ~/.local/share/kycuong/audits).",
    completion: .directory)
  var store: String?

  var folder: URL { store.map { URL(fileURLWithPath: $0) } ?? AuditFiles.defaultFolder() }

  func load(_ name: String, language: Language) throws -> AuditExport {
    do {
      let (export, damage) = try AuditFiles.load(name, store: folder)
      for line in damage { warn("\(name): \(line)") }
      return export
    } catch {
      throw ReportFailure(error, language)
    }
  }
}

func warn(_ message: String) {
  FileHandle.standardError.write(Data("warning: \(message)\n".utf8))
}

/// Output formats of the inspection record.
enum RecordFormat: String, ExpressibleByArgument, CaseIterable {
  case md, html
}

extension KyCuongCommand.Report {
  /// `kycuong report record AUDIT`: the inspection record ("biên bản kiểm tra").
  struct Record: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print the inspection record (biên bản kiểm tra) of an audit as Markdown or HTML.")

    @Argument(help: "The audit: a path to its event log (.jsonl) or export (.json), or its id in the store.")
    var audit: String

    @Option(help: "Output format: md or html.")
    var format: RecordFormat = .md

    @Option(help: "Language of the record: vi or en.")
    var lang: Language = .defaultFromEnvironment

    @Option(
      help: "The record's number (default: derived from the audit id, e.g. 20261121-0930-1a2b/BB-KTCV).")
    var number: String?

    @Option(help: "An earlier audit of the same unit: adds a section comparing the two.")
    var previous: String?

    @Flag(help: "With --previous: compare even if the unit or the checklist differs.")
    var force = false

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.", completion: .file())
    var output: String?

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
      let export = try storeOptions.load(audit, language: lang)
      var comparison: AuditComparison?
      if let previous {
        let old = try storeOptions.load(previous, language: lang)
        do {
          comparison = try AuditComparison(old: old, new: export, force: force)
        } catch {
          throw ReportFailure(error, lang)
        }
      }
      let record = InspectionRecord(
        export: export, number: number, previous: comparison,
        signatureFingerprint: ExportIntegrity.signatureFingerprint(of: export))
      let text = format == .html ? record.html(language: lang) : record.markdown(language: lang)
      try emit(text, to: output)
    }
  }

  /// `kycuong report compare OLD NEW`: a re-inspection compared with the audit before it.
  struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Compare a re-inspection with the earlier audit: scores, items fixed and still failing, actions.")

    @Argument(help: "The earlier audit (path or id).")
    var old: String

    @Argument(help: "The later audit (path or id).")
    var new: String

    @Flag(help: "Print the comparison as JSON.")
    var json = false

    @Flag(help: "Compare even if the units or the checklists differ.")
    var force = false

    @Option(help: "Language of the table: vi or en.")
    var lang: Language = .defaultFromEnvironment

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
      let before = try storeOptions.load(old, language: lang)
      let after = try storeOptions.load(new, language: lang)
      let comparison: AuditComparison
      do {
        comparison = try AuditComparison(old: before, new: after, force: force)
      } catch {
        throw ReportFailure(error, lang)
      }
      if json {
        FileHandle.standardOutput.write(try comparison.jsonData())
      } else {
        print(comparison.renderText(language: lang))
      }
    }
  }
}

/// Writes `text` to `path`, or to standard output when `path` is `nil`.
func emit(_ text: String, to path: String?) throws {
  let data = Data(text.utf8)
  if let path {
    do {
      try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw ReportFailure("cannot write \(path): \(error.localizedDescription) / không ghi được \(path)")
    }
  } else {
    FileHandle.standardOutput.write(data)
  }
}

/// Output formats of the summary.
enum SummaryFormat: String, ExpressibleByArgument, CaseIterable {
  case table, json, csv, html
}

extension AuditSummary.CSVTable: ExpressibleByArgument {}

extension KyCuongCommand.Report {
  /// `kycuong report summary [PATH…]`: figures across many audits.
  struct Summary: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Summarise many audits: per unit, checklist, focus area and month; ranking; failing items; overdue actions.",
      discussion: """
        PATHs are event logs (.jsonl), exports (.json) or folders searched for both; the default is the store.
        Files that are not audits or are damaged are listed with the reason and skipped.
        """)

    @Argument(help: "Files or folders (default: the store).", completion: .file())
    var paths: [String] = []

    @Option(help: "Output: table, json, csv or html.")
    var format: SummaryFormat = .table

    @Option(help: "With --format csv: the table to write (groups, ranking, items, critical, overdue).")
    var table: AuditSummary.CSVTable = .groups

    @Option(help: "Only units whose name contains this (accents and case ignored).")
    var unit: String?

    @Option(help: "Only this checklist id.")
    var checklist: String?

    @Option(help: "Only audits started on or after this day (YYYY-MM-DD).")
    var from: String?

    @Option(help: "Only audits started on or before this day (YYYY-MM-DD).")
    var to: String?

    @Option(help: "Only this focus area (focus-2017-1, focus-2017-2 or focus-2017-3).")
    var focus: String?

    @Option(help: "The day overdue actions are measured against (YYYY-MM-DD; default: today).")
    var today: String?

    @Option(help: "Number of failing items listed (0: all).")
    var top = 10

    @Option(help: "Language: vi or en.")
    var lang: Language = .defaultFromEnvironment

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.", completion: .file())
    var output: String?

    @Option(help: "Folder of stored audits (the default PATH).", completion: .directory)
    var store: String?

    func run() throws {
      let filter: SummaryFilter
      do {
        filter = try SummaryFilter(unit: unit, checklist: checklist, from: from, to: to, focus: focus)
        if let today, !Audit.isCalendarDate(today) {
          throw ReportError.badDate(option: "--today", value: today)
        }
      } catch let error as ReportError {
        throw ReportFailure(error, lang)
      }
      let roots =
        paths.isEmpty
        ? [store.map { URL(fileURLWithPath: $0) } ?? AuditFiles.defaultFolder()]
        : paths.map { URL(fileURLWithPath: $0) }
      let reading = SummaryReader.read(AuditFiles.auditFiles(in: roots))
      for file in reading.skipped { warn("skipped / bỏ qua \(file.path): \(file.reason)") }
      for file in reading.warnings { warn("\(file.path): \(file.reason)") }
      let summary = AuditSummary(reading, filter: filter, today: today ?? ReportFormatting.day(Date()))
      switch format {
      case .table: try emit(summary.renderText(language: lang, top: top) + "\n", to: output)
      case .json: try emit(String(decoding: try summary.jsonData(), as: UTF8.self), to: output)
      case .csv: try emit(summary.csv(table, language: lang), to: output)
      case .html: try emit(summary.html(language: lang, top: top), to: output)
      }
    }
  }

  /// `kycuong report generate-samples DIR`: writes sample audits (hidden; for demos and the benchmark).
  struct GenerateSamples: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "generate-samples", abstract: "Write sample audits as exports (for demos and benchmarks).",
      shouldDisplay: false)

    @Argument(help: "Folder to write the exports to.", completion: .directory)
    var folder: String

    @Option(help: "Number of audits.")
    var count = 20

    @Option(help: "Seed of the generator.")
    var seed: UInt64 = 1

    @Flag(help: "Write event logs (.jsonl) instead of exports.")
    var logs = false

    func run() throws {
      let url = URL(fileURLWithPath: folder)
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
      let count = self.count
      let seed = self.seed
      let logs = self.logs
      let failures = FailureCount()
      DispatchQueue.concurrentPerform(iterations: count) { index in
        let audit = SampleAudits.audit(index, seed: seed)
        do {
          if logs {
            var data = Data()
            for event in audit.events { data.append(try EventLog.line(for: event)) }
            try data.write(to: url.appending(path: "\(audit.id).jsonl"))
          } else {
            try AuditExport(audit).jsonData().write(to: url.appending(path: "\(audit.id).json"))
          }
        } catch {
          failures.add()
        }
      }
      if failures.value > 0 {
        throw ReportFailure("\(failures.value) sample(s) could not be written to \(folder)")
      }
    }
  }
}

/// A counter the generator's worker threads share.
final class FailureCount: @unchecked Sendable {
  private var count = 0
  private let lock = NSLock()

  func add() {
    lock.lock()
    count += 1
    lock.unlock()
  }

  var value: Int {
    lock.lock()
    defer { lock.unlock() }
    return count
  }
}
