import ArgumentParser
import Foundation
import KyCuong
import KyCuongSpreadsheet

extension KyCuongCommand.ChecklistCommand {
  /// `kycuong checklist import FILE… -o ID.json`: the checklist a workbook writes, as its JSON file.
  struct Import: KyCuongSubcommand {
    static let configuration = CommandConfiguration(
      commandName: "import",
      abstract: "Read a checklist from an XLSX workbook or CSV files and write its JSON file.",
      discussion: """
        A .csv file holds one sheet: the one its name ends in (sections.csv, my-list.sources.csv), else the
        items; UTF-8 with or without a byte order mark, RFC 4180. Later files replace the sheets of earlier
        ones, so `kycuong checklist import base.xlsx items.csv` takes the items from the CSV file and the rest
        from the workbook. Every problem is printed to standard error with its sheet, row and column
        (items!G14: …), at most --limit of them; the exit status is then 1 and nothing is written.
        """
    )

    @Argument(
      help: "XLSX workbooks and CSV files, - for standard input.",
      completion: .file(extensions: ["xlsx", "csv"]))
    var files: [String]

    @Option(
      name: .shortAndLong, help: "Write the JSON file here instead of standard output.", completion: .file())
    var output: String?

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    @Option(help: "The most problems printed (0: all); the total is always given.")
    var limit = 200

    func execute() throws(CommandFailure) {
      var workbook = Spreadsheet()
      for path in files {
        let data = try CommandFiles.read(path, limit: SpreadsheetLimits.standard.fileSize)
        do {
          // An XLSX file is a zip, which starts with "PK"; any other file is read as CSV.
          if data.starts(with: [0x50, 0x4B]) || path.lowercased().hasSuffix(".xlsx") {
            workbook.merge(try Spreadsheet(xlsx: data))
          } else {
            let name = path == "-" ? "items.csv" : URL(fileURLWithPath: path).lastPathComponent
            workbook.merge(try Spreadsheet(csv: data, sheet: ChecklistSpreadsheet.sheetName(forCSV: name)))
          }
        } catch {
          throw CommandFailure("\(path == "-" ? "standard input" : path): \(error.description)")
        }
      }
      let file: ChecklistFile
      do {
        file = try ChecklistSpreadsheet.checklist(from: workbook)
      } catch {
        let shown = limit > 0 ? Array(error.issues.prefix(limit)) : error.issues
        for issue in shown { Diagnostics.note(issue.description) }
        if shown.count < error.issues.count {
          Diagnostics.note("… and \(error.issues.count - shown.count) more")
        }
        throw CommandFailure(
          "\(error.issues.count) problem(s) in the workbook; nothing written", status: .negative)
      }
      try CommandFiles.write(file.data, to: output, force: force)
      if let output, output != "-" {
        Diagnostics.note(
          "\(output): \(file.checklist.id) \(file.checklist.version), \(file.checklist.sections.count) sections, "
            + "\(file.checklist.items.count) items")
      }
    }
  }
}
