import ArgumentParser

extension KyCuongCommand {
  /// `kycuong checklist`: a checklist authored in a spreadsheet, imported to its JSON file, and a checklist
  /// exported to a spreadsheet to be edited. (Named `ChecklistCommand` so that `Checklist` stays the model.)
  struct ChecklistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "checklist",
      abstract:
        "Author a checklist in a spreadsheet: import XLSX or CSV to its JSON file, export it to XLSX.",
      discussion: """
        The workbook has the sheets items, see_also, sections, sources, tags, settings and bands, one row a
        thing and one column a field (text::vi, text::en…); `kycuong checklist export` writes every column, so
        export a standard checklist to start from. A standard checklist exported and imported again is its
        file byte for byte.
        """,
      subcommands: [Import.self, Export.self]
    )
  }
}
