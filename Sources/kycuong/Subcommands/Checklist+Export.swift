import ArgumentParser
import Foundation
import KyCuong
import KyCuongSpreadsheet

extension KyCuongCommand.ChecklistCommand {
  /// `kycuong checklist export ID|FILE -o FILE.xlsx`: a checklist as a workbook to edit.
  struct Export: KyCuongSubcommand {
    static let configuration = CommandConfiguration(
      commandName: "export",
      abstract: "Write a checklist as an XLSX workbook to edit in Excel or LibreOffice.",
      discussion: """
        Every field of the format has its column (or its row in the settings sheet), blank where the checklist
        leaves it out. Import the workbook with `kycuong checklist import`.
        """
    )

    @Argument(
      help: "A standard checklist's id, or a checklist file (- for standard input).",
      completion: .custom { _, _, _ in KyCuongCommand.checklistIDs })
    var checklist: String

    @Option(name: .shortAndLong, help: "The XLSX file to write (- for standard output).", completion: .file())
    var output: String

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    func execute() throws(CommandFailure) {
      let file = try Self.checklistFile(checklist)
      let data: Data
      do {
        data = try ChecklistSpreadsheet.xlsxData(for: file.checklist, schema: file.schema)
      } catch {
        throw CommandFailure(error.description)
      }
      try CommandFiles.write(data, to: output, force: force)
    }

    /// A standard checklist with the schema its file names, or a checklist file as it is.
    static func checklistFile(_ name: String) throws(CommandFailure) -> ChecklistFile {
      if let standard = try standardCatalog()[name] {
        return ChecklistFile(checklist: standard, schema: ChecklistFile.standardSchema)
      }
      if name != "-", !FileManager.default.fileExists(atPath: name) {
        // The same words as every command that takes a checklist.
        _ = try resolveChecklist(name)
      }
      let data = try CommandFiles.read(name, limit: BoundedFile.maximumChecklistSize)
      do {
        return try ChecklistFile(data: data, file: name == "-" ? "standard input" : name)
      } catch {
        throw CommandFailure(error.description, status: .negative)
      }
    }
  }
}
