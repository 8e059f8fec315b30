import KyCuong

extension ChecklistWorkbookReader {
  /// The settings sheet: one row a setting, its name in the `setting` column and its value in `value`.
  struct SettingsTable {
    let table: Table
    /// The row of each setting, by its name in ``ChecklistSheet/settingNames``.
    private var rows: [String: Int] = [:]
    /// The row below the last, where a missing setting belongs.
    private let free: Int

    /// Reads which row holds which setting, reporting rows that name no setting or one named before.
    init(table: Table, reader: inout ChecklistWorkbookReader) {
      self.table = table
      free = (table.rows.last ?? 1) + 1
      for row in table.rows {
        let (value, location) = table.cell(row: row, column: "setting")
        guard case .cell = location, let value, !value.isBlank else { continue }
        let key = ChecklistSheet.key(value.description.trimmingCharacters(in: .whitespaces))
        let name =
          ChecklistSheet.settingNames.first { ChecklistSheet.key($0) == key }
          ?? ChecklistSheet.settingNames.first { ChecklistSheet.key($0) == key + "::vi" }
        guard let name else {
          reader.file(
            location, rule: .unknownSetting,
            "unknown setting \(value.quoted); the settings are "
              + ChecklistSheet.settingNames.joined(separator: ", "))
          continue
        }
        if let first = rows[name] {
          reader.file(
            location, rule: .duplicateSetting, "the setting \"\(name)\" is given already in row \(first)")
          continue
        }
        rows[name] = row
      }
    }

    /// Where the value of setting `name` is, or belongs.
    private func cell(_ name: String) -> (value: CellValue?, location: Location) {
      guard table.sheet != nil else { return (nil, .reported) }
      guard let row = rows[name] else {
        return (
          nil,
          .absent(
            table.reference(row: free, column: 1), hint: "the settings sheet has no row \"\(name)\"")
        )
      }
      return table.cell(row: row, column: "value")
    }

    /// The value of setting `name` as JSON, remembering that `path` comes from it.
    func value(
      _ name: String, reader: inout ChecklistWorkbookReader, at path: String, as reading: Reading
    ) -> JSONValue? {
      let (value, location) = cell(name)
      return reader.json(value, location: location, at: path, as: reading, field: name)
    }

    /// The localized text of the settings `base::vi` and `base::en`.
    func localized(_ base: String, reader: inout ChecklistWorkbookReader, at path: String) -> JSONValue? {
      let vi = value("\(base)::vi", reader: &reader, at: "\(path).vi", as: .prose)
      let en = value("\(base)::en", reader: &reader, at: "\(path).en", as: .prose)
      reader.remember(path, as: "\(path).vi")
      var members: [(key: String, value: JSONValue)] = []
      ChecklistWorkbookReader.add(&members, "vi", vi)
      ChecklistWorkbookReader.add(&members, "en", en)
      return members.isEmpty ? nil : .object(members)
    }
  }
}
