import ArgumentParser
import Foundation
import KyCuong

extension KyCuongCommand {
  /// `kycuong score FILE`: the scores of an audit's event log or export.
  struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print the scores of an audit (event log .jsonl or export .json) as a table or JSON."
    )

    @Argument(help: "An audit's event log or export.", completion: .file())
    var file: String

    @Option(help: "Scoring model: weighted, flat, flatUnweighted or absolute (default: the checklist's).")
    var model: ScoringModel?

    @Flag(help: "Print the score report as JSON.")
    var json = false

    @Option(help: "Language of the table: vi or en.")
    var lang: Language = .defaultFromEnvironment

    func run() throws {
      let document: AuditDocument
      do {
        document = try AuditDocument.read(contentsOf: URL(fileURLWithPath: file))
      } catch {
        throw ValidationError(error.description)
      }
      if case .log(_, let damage) = document {
        for line in damage { FileHandle.standardError.write(Data("warning: \(file): \(line)\n".utf8)) }
      }
      let report = document.score(model: model)
      if json {
        let encoder = EventLog.makeEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(report), as: UTF8.self))
      } else {
        print(ScoreTable.render(report, checklist: document.export.checklist.snapshot, language: lang))
      }
    }
  }
}

extension ScoringModel: ExpressibleByArgument {}
