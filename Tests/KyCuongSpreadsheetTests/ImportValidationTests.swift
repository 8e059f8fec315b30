import Foundation
import KyCuong
import KyCuongSpreadsheet
import Testing

/// Every problem names its sheet, row and column, and every problem is reported at once.
@Suite("Import: problems at their cells")
struct ImportValidationTests {
  @Test("a standard checklist's workbook imports with no problem")
  func cleanWorkbook() throws {
    #expect(Workbooks.problems(try Workbooks.standard()) == [])
  }

  @Test("a weight that is not a number, at its cell")
  func weightNotANumber() throws {
    var workbook = try Workbooks.standard()
    try workbook.set("items", "BADGE-01", "weight", .text("heavy"))
    let cell = try workbook.address("items", "BADGE-01", "weight")
    #expect(Workbooks.problems(workbook) == ["\(cell): weight must be a number, found \"heavy\""])
  }

  @Test("a weight with a decimal comma, as a Vietnamese CSV writes it, is a number")
  func decimalComma() throws {
    var workbook = try Workbooks.standard()
    try workbook.set("items", "BADGE-01", "weight", .text("1,5"))
    let imported = try ChecklistSpreadsheet.checklist(from: workbook)
    #expect(imported.checklist.item(withID: "BADGE-01")?.weight == 1.5)
  }

  @Test("the checklist parser's problems come back at the cells they come from")
  func parserProblemsAtCells() throws {
    var workbook = try Workbooks.standard()
    try workbook.set("items", "BADGE-01", "kind", .text("chek"))
    try workbook.set("items", "BADGE-02", "source", .text("NO-SUCH-DOC"))
    try workbook.set("items", "DRESS-01", "text::vi", nil)
    try workbook.set("items", "CONDUCT-01", "guidance::vi", nil)
    try workbook.set("items", "CONDUCT-01", "guidance::en", nil)
    try workbook.set("items", "CONDUCT-02", "tags", .text("courtesy, no-such-tag"))
    try workbook.set("items", "CONDUCT-03", "visits", .text("sometimes"))
    try workbook.set("items", "CONDUCT-04", "valid_until", .text("2025-02-30"))
    try workbook.set("items", "CONDUCT-05", "critical", .text("maybe"))
    let problems = Workbooks.problems(workbook)
    let expected = [
      "\(try workbook.address("items", "BADGE-01", "kind")): unknown kind \"chek\"; use one of check, observation, scale, text, yesNo",
      "\(try workbook.address("items", "BADGE-02", "source")): \"NO-SUCH-DOC\" names no citation in \"sources\"",
      "\(try workbook.address("items", "DRESS-01", "text::vi")): Vietnamese text (\"vi\") is required",
      "\(try workbook.address("items", "CONDUCT-01", "guidance::vi")): an item needs the field \"guidance\"",
      "\(try workbook.address("items", "CONDUCT-02", "tags")): unknown tag \"no-such-tag\"",
      "\(try workbook.address("items", "CONDUCT-03", "visits")): unknown visit \"sometimes\"; use scheduled or surprise",
      "\(try workbook.address("items", "CONDUCT-04", "valid_until")): validUntil \"2025-02-30\" must be a day YYYY-MM-DD of the calendar",
      "\(try workbook.address("items", "CONDUCT-05", "critical")): critical must be TRUE or FALSE, found \"maybe\"",
    ]
    #expect(problems.count == expected.count, "\(problems)")
    for (problem, prefix) in zip(problems, expected) {
      #expect(problem.hasPrefix(prefix), "\(problem) does not start with \(prefix)")
    }
  }

  @Test("a condition: its syntax, and an item it may not depend on")
  func conditions() throws {
    var workbook = try Workbooks.standard()
    try workbook.set("items", "BADGE-01", "applicable_when", .text("province Hà Nội"))
    try workbook.set("items", "BADGE-02", "applicable_when", .text("COMMIT-01: yes"))
    try workbook.set("items", "DRESS-01", "applicable_when", .text("DRESS-02: maybe"))
    try workbook.set("items", "DRESS-03", "applicable_when", .text("level: district"))
    try workbook.set("items", "CONDUCT-01", "applicable_when", .text("oneStopDesk: sometimes"))
    let problems = Workbooks.problems(workbook)
    #expect(
      problems == [
        "\(try workbook.address("items", "BADGE-01", "applicable_when")): \"province Hà Nội\" is not a condition: write clauses NAME: VALUES joined by \";\", e.g. \"POST-00: yes; province: Hà Nội\"",
        "\(try workbook.address("items", "BADGE-02", "applicable_when")): applicableWhen names \"COMMIT-01\", which is not an earlier item; an item may depend only on items before it",
        "\(try workbook.address("items", "DRESS-01", "applicable_when")): applicableWhen names \"DRESS-02\", which is not an earlier item; an item may depend only on items before it",
        "\(try workbook.address("items", "DRESS-01", "applicable_when")): outcome \"maybe\" is not an answer of \"DRESS-02\"; use one of pass, partial, fail, notApplicable, yes, no",
        "\(try workbook.address("items", "DRESS-03", "applicable_when")): unknown level \"district\"; use province or commune (the district level ended on 01/07/2025)",
        "\(try workbook.address("items", "CONDUCT-01", "applicable_when")): oneStopDesk must be true or false, found \"sometimes\"",
      ])
  }

  @Test("sections: an unknown one, a blank one, and one left with no items")
  func sections() throws {
    var workbook = try Workbooks.standard()
    try workbook.set("items", "BADGE-01", "section", .text("badges"))
    try workbook.set("items", "BADGE-02", "section", nil)
    for id in ["PROHIB-01", "PROHIB-02", "PROHIB-03"] {
      try workbook.set("items", id, "section", .text("office"))
    }
    let problems = Workbooks.problems(workbook)
    let known = "context, hours, badge, dress, courtesy, commitments, prohibited, office"
    #expect(
      problems == [
        "\(try workbook.address("items", "BADGE-01", "section")): \"badges\" names no row of the sections sheet; its sections are \(known)",
        "\(try workbook.address("items", "BADGE-02", "section")): the item needs a section: the id of a row of the sections sheet (\(known))",
        "\(try workbook.address("sections", "prohibited", "id")): the section \"prohibited\" has no items: name it in the section column of the items sheet, or delete its row",
      ])
  }

  @Test("settings: a bad id, a missing row, an unknown row, a setting twice")
  func settings() throws {
    var workbook = try Workbooks.standard()
    try workbook.set("settings", "id", "value", .text("Public Office"))
    let versionRow = try workbook.row("version", in: "settings")
    let settings = try workbook.index(of: "settings")
    workbook.sheets[settings][versionRow, 1] = .text("edition")
    let rows = workbook.sheets[settings].rowCount
    workbook.sheets[settings][rows + 1, 1] = .text("title::vi")
    workbook.sheets[settings][rows + 1, 2] = .text("Một tên khác")
    let problems = Workbooks.problems(workbook)
    #expect(
      problems == [
        "settings!B2: checklist id \"Public Office\" must be lower-case letters and digits joined by '-'",
        "settings!A3: unknown setting \"edition\"; the settings are id, version, title::vi, title::en, description::vi, description::en, scoring, partial_credit, historical, scope_note::vi, scope_note::en, schema",
        "settings!A\(rows + 1): the setting \"title::vi\" is given already in row 4",
        "settings!A\(rows + 2): a checklist needs the field \"version\" (the settings sheet has no row \"version\")",
      ])
  }

  @Test("rating bands that are not numbers, or leave a gap")
  func bands() throws {
    var workbook = try Workbooks.standard()
    try workbook.set("bands", "good", "from", .text("seventy"))
    try workbook.set("bands", "fulfilled", "to", .number(60))
    let from = try workbook.address("bands", "good", "from")
    let problems = Workbooks.problems(workbook)
    #expect(problems == ["\(from): from must be a number, found \"seventy\""], "\(problems)")
  }

  @Test("a further reference for an item that does not exist, or to a citation that does not")
  func seeAlso() throws {
    var workbook = try Workbooks.standard()
    let sheet = try workbook.index(of: "see_also")
    workbook.sheets[sheet][2, 1] = .text("NO-ITEM")
    workbook.sheets[sheet][3, 2] = .text("NO-DOC")
    let problems = Workbooks.problems(workbook)
    #expect(problems.count == 2, "\(problems)")
    #expect(problems.first == "see_also!A2: \"NO-ITEM\" names no row of the items sheet")
    #expect(problems.last?.hasPrefix("see_also!B3: \"NO-DOC\" names no citation in \"sources\"") == true)
  }

  @Test("columns: unknown, twice, a required one missing (once, not on every row), an optional one missing")
  func columns() throws {
    var workbook = try Workbooks.standard()
    let items = try workbook.index(of: "items")
    let kind = try workbook.column("kind", in: "items")
    let max = try workbook.column("max", in: "items")
    let width = workbook.sheets[items].rows[0].count
    workbook.sheets[items][1, kind] = .text("kinds")
    workbook.sheets[items][1, max] = .text("text::en")
    let problems = Workbooks.problems(workbook)
    let text = CellReference.columnName(try workbook.column("text::en", in: "items"))
    #expect(
      problems == [
        "items!\(CellReference.columnName(kind))1: unknown column \"kinds\"; the columns of items are id, section, text::vi, text::en, guidance::vi, guidance::en, kind, weight, critical, tags, source, applicable_when, max, visits, valid_until, scope_note::vi, scope_note::en, source_article, source_note::vi, source_note::en",
        "items!\(CellReference.columnName(max))1: a second column \"text::en\"; the first is column \(text)",
        "items!\(CellReference.columnName(width + 1))1: the sheet has no column \"kind\"; every row of items needs one",
      ])
  }

  @Test("a scale item in a sheet with no max column: at the row, saying which column is missing")
  func missingOptionalColumn() throws {
    var workbook = try Workbooks.standard("discipline-review-2013")
    let items = try workbook.index(of: "items")
    let max = try workbook.column("max", in: "items")
    let scale = try #require(
      workbook.sheets[items].rows.firstIndex { $0.count >= max && $0[max - 1] != nil && $0[0] != .text("id") }
    )
    let id = try #require(workbook.sheets[items].rows[scale].first ?? nil)
    workbook.sheets[items] = Sheet(
      name: "items",
      rows: workbook.sheets[items].rows.map { row in
        row.enumerated().filter { $0.offset != max - 1 }.map(\.element)
      })
    #expect(
      Workbooks.problems(workbook)
        == [
          "items!A\(scale + 1): a scale item needs \"max\", a whole number ≥ 1 (the sheet has no column \"max\") [\(id)]"
        ].map { $0.replacingOccurrences(of: " [\(id)]", with: "") })
  }

  @Test("a missing sheet, by name, with the sheets the workbook has")
  func missingSheet() throws {
    var workbook = try Workbooks.standard()
    try workbook.removeSheet("sources")
    let problems = Workbooks.problems(workbook)
    #expect(
      problems == [
        "sources!A1: the workbook has no sheet \"sources\"; its sheets are \"items\", \"see_also\", \"sections\", \"tags\", \"settings\", \"bands\""
      ])
  }

  @Test("every problem at once, sheet by sheet and row by row")
  func everyProblemAtOnce() throws {
    var workbook = try Workbooks.standard()
    try workbook.set("settings", "version", "value", .text("two"))
    try workbook.set("items", "PROHIB-01", "weight", .number(-1))
    try workbook.set("items", "BADGE-01", "weight", .text("heavy"))
    try workbook.set("sources", "QD-129-2007", "type", .text("law"))
    let problems = Workbooks.problems(workbook)
    #expect(problems.count == 4)
    #expect(problems.map { $0.prefix { $0 != "!" } } == ["items", "items", "sources", "settings"])
    #expect(problems[0].hasPrefix(try workbook.address("items", "BADGE-01", "weight")))
    #expect(problems[1].hasPrefix(try workbook.address("items", "PROHIB-01", "weight")))
  }

  @Test("headers in another spelling name the same columns: validUntil, Valid Until, text for text::vi")
  func headerSpellings() throws {
    var workbook = try Workbooks.standard()
    let items = try workbook.index(of: "items")
    workbook.sheets[items][1, try workbook.column("valid_until", in: "items")] = .text("validUntil")
    workbook.sheets[items][1, try workbook.column("scope_note::vi", in: "items")] = .text("Scope Note::VI")
    workbook.sheets[items][1, try workbook.column("text::vi", in: "items")] = .text("text")
    let original = try ChecklistSpreadsheet.checklist(from: try Workbooks.standard())
    #expect(try ChecklistSpreadsheet.checklist(from: workbook) == original)
  }
}
