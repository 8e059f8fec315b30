import Foundation
import KyCuong

/// Reads a checklist from the sheets of ``ChecklistSheet``: the cells become the checklist's JSON, which
/// ``/KyCuong/ChecklistParser`` checks; each JSON path the JSON was built from is remembered with its cell, so that
/// every problem the parser finds is reported at the cell it comes from.
struct ChecklistWorkbookReader {
  let workbook: Spreadsheet
  private var issues: [SpreadsheetIssue] = []
  private var locations: [String: Location] = [:]

  init(workbook: Spreadsheet) {
    self.workbook = workbook
  }

  /// Where a value of the JSON came from.
  enum Location: Hashable {
    /// A cell.
    case cell(CellReference)
    /// A column or row that is not there: a problem is reported at `cell` (the start of the row, or below
    /// the last setting) with `hint` saying what is missing.
    case absent(CellReference, hint: String)
    /// A place whose problem is reported already (a cell that could not be read, a sheet or column that
    /// is missing).
    case reported
  }

  mutating func read() throws(ChecklistSpreadsheetError) -> ChecklistFile {
    let tables = Dictionary(uniqueKeysWithValues: ChecklistSheet.allCases.map { ($0, table($0)) })
    let settings = SettingsTable(table: tables[.settings] ?? table(.settings), reader: &self)
    var members: [(key: String, value: JSONValue)] = []
    let schema = settings.value("schema", reader: &self, at: "$schema", as: .code)
    Self.add(&members, "$schema", schema)
    Self.add(&members, "id", settings.value("id", reader: &self, at: "id", as: .code))
    Self.add(&members, "version", settings.value("version", reader: &self, at: "version", as: .code))
    Self.add(&members, "title", settings.localized("title", reader: &self, at: "title"))
    Self.add(&members, "description", settings.localized("description", reader: &self, at: "description"))
    Self.add(&members, "scopeNote", settings.localized("scope_note", reader: &self, at: "scopeNote"))
    Self.add(&members, "historical", settings.value("historical", reader: &self, at: "historical", as: .flag))
    members.append(("sources", .array(rows(of: tables[.sources], at: "sources", Self.citation))))
    if let tags = tables[.tags], !tags.rows.isEmpty {
      members.append(("tags", .array(rows(of: tags, at: "tags", Self.tagDefinition))))
    }
    var scoring: [(key: String, value: JSONValue)] = []
    Self.add(&scoring, "model", settings.value("scoring", reader: &self, at: "scoring.model", as: .code))
    Self.add(
      &scoring, "partialCredit",
      settings.value("partial_credit", reader: &self, at: "scoring.partialCredit", as: .number))
    if let bands = tables[.bands], !bands.rows.isEmpty {
      locations["scoring.ratingBands"] = .cell(bands.reference(row: 2, column: 1))
      scoring.append(("ratingBands", .array(rows(of: bands, at: "scoring.ratingBands", Self.ratingBand))))
    }
    if !scoring.isEmpty { members.append(("scoring", .object(scoring))) }
    members.append(("sections", sections(tables)))
    let json = JSONValue.object(members)
    // A missing sheet or column leaves every cross-reference into it unresolved: the checklist's own rules
    // would then report a problem on every row that is only the same problem again. Say what is missing.
    if issues.contains(where: { $0.rule == .missingSheet || $0.rule == .missingColumn }) {
      throw ChecklistSpreadsheetError(issues: sorted(issues))
    }
    do {
      let checklist = try ChecklistParser.parse(json, file: "workbook")
      if issues.isEmpty {
        return ChecklistFile(
          checklist: checklist, schema: schema.flatMap { if case .string(let s) = $0 { s } else { nil } })
      }
    } catch {
      for issue in error.issues { report(issue) }
    }
    throw ChecklistSpreadsheetError(issues: sorted(issues))
  }

  // MARK: - Sheets and columns

  /// A sheet of the layout as the workbook has it: which column holds what, and its rows of data.
  struct Table {
    let layout: ChecklistSheet
    let sheet: Sheet?
    /// The column number of each layout column present, by column name.
    var columns: [String: Int] = [:]
    /// The required columns that are missing (reported once, at the header).
    var missing: Set<String> = []
    /// The rows below the header that are not blank.
    var rows: [Int] = []

    var name: String { sheet?.name ?? layout.name }

    func reference(row: Int, column: Int) -> CellReference {
      CellReference(sheet: name, row: row, column: column)
    }

    /// The cell of `column` in `row`, and where a problem with it is reported.
    func cell(row: Int, column: String) -> (value: CellValue?, location: Location) {
      guard let sheet else { return (nil, .reported) }
      guard let number = columns[column] else {
        if missing.contains(column) { return (nil, .reported) }
        return (nil, .absent(reference(row: row, column: 1), hint: "the sheet has no column \"\(column)\""))
      }
      return (sheet[row, number], .cell(reference(row: row, column: number)))
    }
  }

  private mutating func table(_ layout: ChecklistSheet) -> Table {
    guard let sheet = workbook[sheet: layout.name] else {
      var table = Table(layout: layout, sheet: nil)
      if layout.isRequired {
        let names = workbook.sheets.map { "\"\($0.name)\"" }.joined(separator: ", ")
        issues.append(
          SpreadsheetIssue(
            cell: table.reference(row: 1, column: 1), rule: .missingSheet,
            message: "the workbook has no sheet \"\(layout.name)\""
              + (names.isEmpty ? "" : "; its sheets are \(names)")))
      }
      table.missing = Set(layout.columns.map(\.name))
      return table
    }
    var table = Table(layout: layout, sheet: sheet)
    let known = layout.columns.map(\.name)
    for column in 1...max(1, sheet.rows.first?.count ?? 0) {
      guard let header = sheet[1, column], !header.isBlank else { continue }
      let key = ChecklistSheet.key(header.description.trimmingCharacters(in: .whitespaces))
      let match =
        known.first { ChecklistSheet.key($0) == key }
        ?? known.first { ChecklistSheet.key($0) == key + "::vi" }
      let cell = table.reference(row: 1, column: column)
      guard let match else {
        issues.append(
          SpreadsheetIssue(
            cell: cell, rule: .unknownColumn,
            message: "unknown column \(header.quoted); the columns of \(layout.name) are "
              + known.joined(separator: ", ")))
        continue
      }
      guard table.columns[match] == nil else {
        issues.append(
          SpreadsheetIssue(
            cell: cell, rule: .duplicateColumn,
            message: "a second column \"\(match)\"; the first is column "
              + CellReference.columnName(table.columns[match] ?? 1)))
        continue
      }
      table.columns[match] = column
    }
    var free = (sheet.rows.first?.count ?? 0) + 1
    for column in layout.columns where column.required && table.columns[column.name] == nil {
      table.missing.insert(column.name)
      issues.append(
        SpreadsheetIssue(
          cell: table.reference(row: 1, column: free), rule: .missingColumn,
          message: "the sheet has no column \"\(column.name)\"; every row of \(layout.name) needs one"))
      free += 1
    }
    table.rows = sheet.rowCount < 2 ? [] : (2...sheet.rowCount).filter { !sheet.isBlank(row: $0) }
    return table
  }

  // MARK: - Cells as JSON

  /// How a cell is read.
  enum Reading {
    /// An id, a name or a date: text without surrounding white space (a number as it is written).
    case code
    /// Prose: the text exactly as typed.
    case prose
    /// A number.
    case number
    /// A truth value.
    case flag
    /// A list of ids or names.
    case list
    /// An `applicable_when` condition.
    case condition
  }

  /// The JSON of a cell read as `reading`, remembering where `path` came from; `nil` for a blank cell or one
  /// that cannot be read (which is reported).
  mutating func json(
    _ value: CellValue?, location: Location, at path: String, as reading: Reading, field: String
  ) -> JSONValue? {
    locations[path] = location
    guard let value, !value.isBlank else { return nil }
    let text: String =
      switch value {
      case .text(let text): reading == .prose ? text : text.trimmingCharacters(in: .whitespacesAndNewlines)
      default: value.description
      }
    switch reading {
    case .code: return .string(text)
    case .prose: return .string(text)
    case .number:
      if case .number(let number) = value { return .number(number) }
      if case .text = value, let number = CellReading.number(text) { return .number(number) }
      return wrongType(location, at: path, "\(field) must be a number, found \(value.quoted)")
    case .flag:
      switch value {
      case .bool(let flag): return .bool(flag)
      case .number(let number) where number == 0 || number == 1: return .bool(number == 1)
      case .text where CellReading.bool(text) != nil: return CellReading.bool(text).map(JSONValue.bool)
      default: return wrongType(location, at: path, "\(field) must be TRUE or FALSE, found \(value.quoted)")
      }
    case .list: return .array(CellReading.list(text).map(JSONValue.string))
    case .condition:
      switch ConditionCell.json(text) {
      case .success(let condition): return condition
      case .failure(let problem):
        file(location, rule: .checklist(.badCondition), problem.description)
        locations[path] = .reported
        return nil
      }
    }
  }

  private mutating func wrongType(_ location: Location, at path: String, _ message: String) -> JSONValue? {
    file(location, rule: .checklist(.wrongType), message)
    locations[path] = .reported
    return nil
  }

  /// The cell of `column` in `row` of `table` as JSON (``json(_:location:at:as:field:)``).
  mutating func cell(
    _ table: Table, _ row: Int, _ column: String, at path: String, as reading: Reading
  ) -> JSONValue? {
    let (value, location) = table.cell(row: row, column: column)
    return json(value, location: location, at: path, as: reading, field: column)
  }

  /// A localized text from the columns `base::vi` and `base::en`, `nil` when both are blank.
  mutating func localized(_ table: Table, _ row: Int, _ base: String, at path: String) -> JSONValue? {
    let vi = cell(table, row, "\(base)::vi", at: "\(path).vi", as: .prose)
    let en = cell(table, row, "\(base)::en", at: "\(path).en", as: .prose)
    remember(path, as: "\(path).vi")
    var members: [(key: String, value: JSONValue)] = []
    Self.add(&members, "vi", vi)
    Self.add(&members, "en", en)
    return members.isEmpty ? nil : .object(members)
  }

  /// Remembers that `path` comes from where `other` does.
  mutating func remember(_ path: String, as other: String) {
    locations[path] = locations[other]
  }

  static func add(_ members: inout [(key: String, value: JSONValue)], _ key: String, _ value: JSONValue?) {
    if let value { members.append((key, value)) }
  }

  /// The rows of `table` as JSON objects at `path[0]`, `path[1]`…, each built by `build`.
  private mutating func rows(
    of table: Table?, at path: String, _ build: (inout Self, Table, Int, String) -> JSONValue
  ) -> [JSONValue] {
    guard let table else { return [] }
    return table.rows.enumerated().map { index, row in
      let elementPath = "\(path)[\(index)]"
      locations[elementPath] = table.cell(row: row, column: table.layout.columns[0].name).location
      return build(&self, table, row, elementPath)
    }
  }

  // MARK: - Sources, tags, bands

  private static func citation(_ reader: inout Self, _ table: Table, _ row: Int, _ path: String) -> JSONValue
  {
    var members: [(key: String, value: JSONValue)] = []
    for (key, reading) in [("id", Reading.code), ("type", .code), ("number", .code)] {
      Self.add(&members, key, reader.cell(table, row, key, at: "\(path).\(key)", as: reading))
    }
    Self.add(&members, "title", reader.localized(table, row, "title", at: "\(path).title"))
    Self.add(&members, "issuer", reader.localized(table, row, "issuer", at: "\(path).issuer"))
    for key in ["date", "article", "url"] {
      Self.add(&members, key, reader.cell(table, row, key, at: "\(path).\(key)", as: .code))
    }
    Self.add(&members, "note", reader.localized(table, row, "note", at: "\(path).note"))
    return .object(members)
  }

  private static func tagDefinition(
    _ reader: inout Self, _ table: Table, _ row: Int, _ path: String
  ) -> JSONValue {
    var members: [(key: String, value: JSONValue)] = []
    Self.add(&members, "id", reader.cell(table, row, "id", at: "\(path).id", as: .code))
    Self.add(&members, "label", reader.localized(table, row, "label", at: "\(path).label"))
    return .object(members)
  }

  private static func ratingBand(
    _ reader: inout Self, _ table: Table, _ row: Int, _ path: String
  ) -> JSONValue {
    var members: [(key: String, value: JSONValue)] = []
    Self.add(&members, "id", reader.cell(table, row, "id", at: "\(path).id", as: .code))
    Self.add(&members, "from", reader.cell(table, row, "from", at: "\(path).from", as: .number))
    Self.add(&members, "to", reader.cell(table, row, "to", at: "\(path).to", as: .number))
    Self.add(&members, "label", reader.localized(table, row, "label", at: "\(path).label"))
    return .object(members)
  }

  // MARK: - Sections and items

  private mutating func sections(_ tables: [ChecklistSheet: Table]) -> JSONValue {
    guard let sections = tables[.sections], let items = tables[.items] else { return .array([]) }
    var ids: [(row: Int, id: String?)] = []
    for row in sections.rows {
      let (value, _) = sections.cell(row: row, column: "id")
      ids.append((row, value.map { $0.description.trimmingCharacters(in: .whitespaces) }))
    }
    var grouped = Array(repeating: [Int](), count: ids.count)
    for row in items.rows {
      let (value, location) = items.cell(row: row, column: "section")
      guard case .cell = location else { continue }
      let name = value.map { $0.description.trimmingCharacters(in: .whitespaces) } ?? ""
      if let index = ids.firstIndex(where: { $0.id == name }), !name.isEmpty {
        grouped[index].append(row)
      } else if sections.sheet != nil {
        let known = ids.compactMap(\.id).joined(separator: ", ")
        file(
          location, rule: .unknownSection,
          name.isEmpty
            ? "the item needs a section: the id of a row of the sections sheet (\(known))"
            : "\"\(name)\" names no row of the sections sheet; its sections are \(known)")
      }
    }
    if ids.isEmpty {
      if sections.sheet != nil {
        file(
          .cell(sections.reference(row: 2, column: 1)), rule: .checklist(.emptyList),
          "the checklist needs at least one section: a row below the header")
      }
      locations["sections"] = .reported
    }
    let references = (table: tables[.seeAlso], rows: seeAlso(tables[.seeAlso], items: items))
    var result: [JSONValue] = []
    for (index, section) in ids.enumerated() {
      let path = "sections[\(index)]"
      locations[path] = sections.cell(row: section.row, column: "id").location
      var members: [(key: String, value: JSONValue)] = []
      Self.add(&members, "id", cell(sections, section.row, "id", at: "\(path).id", as: .code))
      Self.add(&members, "title", localized(sections, section.row, "title", at: "\(path).title"))
      Self.add(&members, "weight", cell(sections, section.row, "weight", at: "\(path).weight", as: .number))
      if grouped[index].isEmpty {
        file(
          sections.cell(row: section.row, column: "id").location, rule: .checklist(.emptyList),
          "the section \"\(section.id ?? "")\" has no items: name it in the section column of the items sheet, "
            + "or delete its row")
        locations["\(path).items"] = .reported
      }
      let itemValues = grouped[index].enumerated().map { itemIndex, row in
        item(items, row, at: "\(path).items[\(itemIndex)]", references: references)
      }
      members.append(("items", .array(itemValues)))
      result.append(.object(members))
    }
    return .array(result)
  }

  /// The rows of the see_also sheet by the id of their item, after reporting those whose item the items
  /// sheet does not have.
  private mutating func seeAlso(_ table: Table?, items: Table) -> [String: [Int]] {
    guard let table else { return [:] }
    var itemIDs: Set<String> = []
    for row in items.rows {
      if let value = items.cell(row: row, column: "id").value {
        itemIDs.insert(value.description.trimmingCharacters(in: .whitespaces))
      }
    }
    var references: [String: [Int]] = [:]
    for row in table.rows {
      let (value, location) = table.cell(row: row, column: "item")
      guard case .cell = location else { continue }
      let id = value.map { $0.description.trimmingCharacters(in: .whitespaces) } ?? ""
      guard itemIDs.contains(id) else {
        file(
          location, rule: .unknownItem,
          id.isEmpty
            ? "the reference needs its item: the id of a row of the items sheet"
            : "\"\(id)\" names no row of the items sheet")
        continue
      }
      references[id, default: []].append(row)
    }
    return references
  }

  private mutating func item(
    _ table: Table, _ row: Int, at path: String, references: (table: Table?, rows: [String: [Int]])
  ) -> JSONValue {
    locations[path] = table.cell(row: row, column: "id").location
    var members: [(key: String, value: JSONValue)] = []
    let id = cell(table, row, "id", at: "\(path).id", as: .code)
    Self.add(&members, "id", id)
    Self.add(&members, "text", localized(table, row, "text", at: "\(path).text"))
    Self.add(&members, "guidance", localized(table, row, "guidance", at: "\(path).guidance"))
    Self.add(&members, "scopeNote", localized(table, row, "scope_note", at: "\(path).scopeNote"))
    Self.add(&members, "kind", cell(table, row, "kind", at: "\(path).kind", as: .code))
    Self.add(&members, "max", cell(table, row, "max", at: "\(path).max", as: .number))
    Self.add(&members, "weight", cell(table, row, "weight", at: "\(path).weight", as: .number))
    Self.add(&members, "critical", cell(table, row, "critical", at: "\(path).critical", as: .flag))
    var source: [(key: String, value: JSONValue)] = []
    Self.add(&source, "ref", cell(table, row, "source", at: "\(path).source.ref", as: .code))
    Self.add(&source, "article", cell(table, row, "source_article", at: "\(path).source.article", as: .code))
    Self.add(&source, "note", localized(table, row, "source_note", at: "\(path).source.note"))
    locations["\(path).source"] = locations["\(path).source.ref"]
    if case .string(let itemID)? = id, let rows = references.rows[itemID], let seeAlso = references.table {
      let entries = rows.enumerated().map { index, referenceRow in
        reference(seeAlso, referenceRow, at: "\(path).source.seeAlso[\(index)]")
      }
      source.append(("seeAlso", .array(entries)))
    }
    if !source.isEmpty { members.append(("source", .object(source))) }
    Self.add(&members, "tags", cell(table, row, "tags", at: "\(path).tags", as: .list))
    Self.add(
      &members, "applicableWhen",
      cell(table, row, "applicable_when", at: "\(path).applicableWhen", as: .condition))
    Self.add(&members, "visits", cell(table, row, "visits", at: "\(path).visits", as: .list))
    Self.add(&members, "validUntil", cell(table, row, "valid_until", at: "\(path).validUntil", as: .code))
    return .object(members)
  }

  private mutating func reference(_ table: Table, _ row: Int, at path: String) -> JSONValue {
    locations[path] = table.cell(row: row, column: "ref").location
    var members: [(key: String, value: JSONValue)] = []
    Self.add(&members, "ref", cell(table, row, "ref", at: "\(path).ref", as: .code))
    Self.add(&members, "article", cell(table, row, "article", at: "\(path).article", as: .code))
    Self.add(&members, "note", localized(table, row, "note", at: "\(path).note"))
    return .object(members)
  }

  // MARK: - Issues

  mutating func file(_ location: Location, rule: SpreadsheetIssue.Rule, _ message: String) {
    switch location {
    case .cell(let cell): issues.append(SpreadsheetIssue(cell: cell, rule: rule, message: message))
    case .absent(let cell, let hint):
      issues.append(SpreadsheetIssue(cell: cell, rule: rule, message: "\(message) (\(hint))"))
    case .reported: break
    }
  }

  /// Files a problem the checklist parser found, at the cell its JSON path came from.
  private mutating func report(_ issue: ValidationIssue) {
    var path = issue.path
    while true {
      if let location = locations[path] {
        file(location, rule: .checklist(issue.rule), issue.message)
        return
      }
      guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
      path = String(path[..<cut])
    }
    let sheet = workbook[sheet: ChecklistSheet.settings.rawValue]?.name ?? ChecklistSheet.settings.rawValue
    file(.cell(CellReference(sheet: sheet, row: 1, column: 1)), rule: .checklist(issue.rule), issue.message)
  }

  /// The issues sheet by sheet in the order of the tabs, then row by row, then column by column.
  private func sorted(_ issues: [SpreadsheetIssue]) -> [SpreadsheetIssue] {
    let order = ChecklistSheet.allCases.map(\.name)
    func rank(_ issue: SpreadsheetIssue) -> Int {
      order.firstIndex(of: Spreadsheet.key(issue.cell.sheet)) ?? order.count
    }
    return issues.enumerated().sorted { left, right in
      let a = left.element.cell
      let b = right.element.cell
      let keyA = (rank(left.element), a.row, a.column)
      let keyB = (rank(right.element), b.row, b.column)
      return keyA != keyB ? keyA < keyB : left.offset < right.offset
    }.map(\.element)
  }
}
