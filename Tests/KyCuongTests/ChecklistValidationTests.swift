import Foundation
import KyCuong
import Testing

/// One test per validation rule, each checking the exact line `kycuong validate` prints.
@Suite("Checklist validation")
struct ChecklistValidationTests {
  typealias J = ChecklistJSON

  /// `text` with `item` as the only item of the only section.
  func withItems(_ items: [String], extra: [String] = []) -> String {
    J.document(extra: extra, sections: [J.section("first", items)])
  }

  @Test("the base document is valid")
  func baseIsValid() throws {
    #expect(J.issues(J.document()) == [])
    let checklist = try ChecklistParser.parse(Array(J.document().utf8), file: "x.json")
    #expect(checklist.id == "test-list")
    #expect(checklist.items.map(\.id) == ["A-01"])
    #expect(checklist.items[0].weight == 1)
    #expect(checklist.sections[0].weight == 1)
    #expect(checklist.scoring == ScoringSettings())
  }

  @Test("malformed JSON, with line and column counted in characters")
  func malformedJSON() {
    let text = """
      {
        "id": "test-list",
        "title": {"vi": "Đeo thẻ"} "x": 1
      }
      """
    #expect(
      J.issues(text) == [
        #"Checklists/broken.json: malformed JSON at line 3, column 30: expected ',' or '}' after an object member, found '"'"#
      ])
    #expect(J.rules(text) == [.malformedJSON])
  }

  @Test("unknown field")
  func unknownField() {
    let text = withItems([J.item("A-01", #""wieght": 2"#)])
    #expect(
      J.issues(text) == [
        #"Checklists/broken.json: sections[0].items[0].wieght: unknown field "wieght" in an item; known fields: applicableWhen, critical, guidance, id, kind, max, scopeNote, source, tags, text, validUntil, visits, weight"#
      ])
    #expect(J.rules(text) == [.unknownField])
    let top = J.document(extra: [#""autor": "x""#])
    #expect(
      J.issues(top) == [
        #"Checklists/broken.json: autor: unknown field "autor" in a checklist; known fields: description, historical, id, scopeNote, scoring, sections, sources, tags, title, version"#
      ])
  }

  @Test("the $schema field is allowed")
  func schemaField() {
    #expect(J.issues(J.document(extra: [#""$schema": "./checklist.schema.json""#])) == [])
  }

  @Test("missing required field")
  func missingField() {
    let item = #"{"id": "A-01", "text": {"vi": "Câu"}, "kind": "check", "source": {"ref": "SRC"}}"#
    #expect(
      J.issues(withItems([item])) == [
        #"Checklists/broken.json: sections[0].items[0].guidance: an item needs the field "guidance""#
      ])
    let noVersion =
      #"{"id": "x", "title": {"vi": "T"}, "description": {"vi": "D"}, "sources": [], "sections": []}"#
    #expect(
      J.issues(noVersion) == [
        #"Checklists/broken.json: version: a checklist needs the field "version""#,
        "Checklists/broken.json: sections: must list at least one entry",
      ])
  }

  @Test("wrong type")
  func wrongType() {
    #expect(
      J.issues(withItems([J.item("A-01", #""weight": "2""#)])) == [
        "Checklists/broken.json: sections[0].items[0].weight: must be a number, found string"
      ])
    #expect(
      J.issues(withItems([J.item("A-01", #""critical": "yes""#)])) == [
        "Checklists/broken.json: sections[0].items[0].critical: must be true or false, found string"
      ])
    #expect(
      J.issues(J.document(sections: [#"{"id": "first", "title": {"vi": "P"}, "items": {}}"#])) == [
        "Checklists/broken.json: sections[0].items: must be an array, found object"
      ])
    #expect(
      J.issues("[1, 2]") == ["Checklists/broken.json: a checklist must be an object, found array"])
    #expect(J.rules(withItems([J.item("A-01", #""weight": "2""#)])) == [.wrongType])
  }

  @Test("duplicate key")
  func duplicateKey() {
    let item =
      #"{"id": "A-01", "id": "A-02", "text": {"vi": "C"}, "guidance": {"vi": "H"}, "kind": "check", "source": {"ref": "SRC"}}"#
    #expect(
      J.issues(withItems([item])) == [
        #"Checklists/broken.json: sections[0].items[0].id: the key "id" appears more than once"#
      ])
    #expect(J.rules(withItems([item])) == [.duplicateKey])
  }

  @Test("duplicate id: items, sections, citations, tags")
  func duplicateID() {
    let items = J.document(sections: [
      J.section("first", [J.item("A-01")]), J.section("second", [J.item("B-01"), J.item("A-01")]),
    ])
    #expect(
      J.issues(items) == [
        #"Checklists/broken.json: sections[1].items[1].id: duplicate item id "A-01"; item ids must be unique in the checklist"#
      ])
    let sections = J.document(sections: [
      J.section("first", [J.item("A-01")]), J.section("first", [J.item("B-01")]),
    ])
    #expect(J.issues(sections) == [#"Checklists/broken.json: sections[1].id: duplicate section id "first""#])
    let sources = J.document(
      sources:
        #"[{"id": "SRC", "type": "legal", "title": {"vi": "A"}}, {"id": "SRC", "type": "report", "title": {"vi": "B"}}]"#
    )
    #expect(J.issues(sources) == [#"Checklists/broken.json: sources[1].id: duplicate citation id "SRC""#])
    let tags = J.document(
      extra: [#""tags": [{"id": "badge", "label": {"vi": "Thẻ"}}, {"id": "badge", "label": {"vi": "Thẻ"}}]"#])
    #expect(J.issues(tags) == [#"Checklists/broken.json: tags[1].id: duplicate tag id "badge""#])
    #expect(J.rules(items) == [.duplicateID])
  }

  @Test("negative weight, at the path the format article shows")
  func negativeWeight() {
    let sections = (0..<3).map { index in
      J.section(
        "s\(index)",
        (0..<5).map { item in
          J.item("S\(index)-\(item)", index == 2 && item == 4 ? #""weight": -1"# : "")
        })
    }
    let text = J.document(sections: sections)
    #expect(
      J.issues(text) == [
        "Checklists/broken.json: sections[2].items[4].weight: weight must be a number ≥ 0, found -1"
      ])
    #expect(J.rules(text) == [.negativeWeight])
    let section = J.document(sections: [J.section("first", [J.item("A-01")], #""weight": -0.5"#)])
    #expect(
      J.issues(section) == [
        "Checklists/broken.json: sections[0].weight: weight must be a number ≥ 0, found -0.5"
      ])
  }

  @Test("missing or empty Vietnamese text")
  func missingVietnamese() {
    let missing =
      #"{"id": "A-01", "text": {"en": "Badge worn"}, "guidance": {"vi": "H"}, "kind": "check", "source": {"ref": "SRC"}}"#
    #expect(
      J.issues(withItems([missing])) == [
        #"Checklists/broken.json: sections[0].items[0].text.vi: Vietnamese text ("vi") is required"#
      ])
    let empty =
      #"{"id": "A-01", "text": {"vi": "  "}, "guidance": {"vi": "H"}, "kind": "check", "source": {"ref": "SRC"}}"#
    #expect(
      J.issues(withItems([empty])) == [
        #"Checklists/broken.json: sections[0].items[0].text.vi: Vietnamese text ("vi") must not be empty"#
      ])
    #expect(J.rules(withItems([missing])) == [.missingVietnamese])
    #expect(J.rules(withItems([empty])) == [.missingVietnamese])
  }

  @Test("unknown kind")
  func unknownKind() {
    let text = withItems([J.item("A-01", kind: #""yesno""#)])
    #expect(
      J.issues(text) == [
        #"Checklists/broken.json: sections[0].items[0].kind: unknown kind "yesno"; use one of check, observation, scale, text, yesNo"#
      ])
    #expect(J.rules(text) == [.unknownKind])
  }

  @Test("unknown tag; built-in and defined tags are accepted")
  func unknownTag() {
    let text = withItems([J.item("A-01", #""tags": ["focus-2017-2", "badge"]"#)])
    #expect(
      J.issues(text) == [
        #"Checklists/broken.json: sections[0].items[0].tags[1]: unknown tag "badge"; define it in the checklist's "tags" or use focus-2017-1, focus-2017-2, focus-2017-3"#
      ])
    #expect(J.rules(text) == [.unknownTag])
    let defined = withItems(
      [J.item("A-01", #""tags": ["focus-2017-2", "badge"]"#)],
      extra: [#""tags": [{"id": "badge", "label": {"vi": "Thẻ công chức"}}]"#])
    #expect(J.issues(defined) == [])
  }

  @Test("applicableWhen naming an unknown item")
  func conditionUnknownItem() {
    let text = withItems([
      J.item("A-01"), J.item("A-02", #""applicableWhen": {"item": "ZZ-99", "outcomes": ["pass"]}"#),
    ])
    #expect(
      J.issues(text) == [
        #"Checklists/broken.json: sections[0].items[1].applicableWhen.item: applicableWhen names "ZZ-99", which is not an earlier item; an item may depend only on items before it"#
      ])
    #expect(J.rules(text) == [.badCondition])
  }

  @Test("applicableWhen naming a later item")
  func conditionLaterItem() {
    let text = J.document(sections: [
      J.section("first", [J.item("A-01", #""applicableWhen": {"item": "B-01", "outcomes": ["pass"]}"#)]),
      J.section("second", [J.item("B-01")]),
    ])
    #expect(
      J.issues(text) == [
        #"Checklists/broken.json: sections[0].items[0].applicableWhen.item: applicableWhen names "B-01", which is not an earlier item; an item may depend only on items before it"#
      ])
    // An item cannot depend on itself either.
    let selfReference = withItems([
      J.item("A-01", #""applicableWhen": {"item": "A-01", "outcomes": ["pass"]}"#)
    ])
    #expect(J.rules(selfReference) == [.badCondition])
  }

  @Test("applicableWhen naming an item that is neither check nor yesNo")
  func conditionNonCheckController() {
    let text = withItems([
      J.item("A-01", kind: #""observation""#),
      J.item("A-02", #""applicableWhen": {"item": "A-01", "outcomes": ["pass"]}"#),
    ])
    #expect(
      J.issues(text) == [
        #"Checklists/broken.json: sections[0].items[1].applicableWhen.item: applicableWhen names "A-01", an observation item; it must name a check or yesNo item"#
      ])
  }

  @Test("applicableWhen with an outcome the controlling item cannot have")
  func conditionUnknownOutcome() {
    // "yes" is an answer of a yesNo item, not of a check item.
    let text = withItems([
      J.item("A-01"), J.item("A-02", #""applicableWhen": {"item": "A-01", "outcomes": ["pass", "yes"]}"#),
    ])
    #expect(
      J.issues(text) == [
        #"Checklists/broken.json: sections[0].items[1].applicableWhen.outcomes[1]: outcome "yes" is not an answer of "A-01"; use one of pass, partial, fail, notApplicable"#
      ])
    #expect(J.rules(text) == [.badCondition])
    let yesNo = withItems([
      J.item("A-01", kind: #""yesNo""#, #""weight": 0"#),
      J.item("A-02", #""applicableWhen": {"item": "A-01", "outcomes": ["pass"]}"#),
    ])
    #expect(
      J.issues(yesNo) == [
        #"Checklists/broken.json: sections[0].items[1].applicableWhen.outcomes[0]: outcome "pass" is not an answer of "A-01"; use one of yes, no"#
      ])
  }

  @Test("yesNo items: never scored, and may control later items")
  func yesNoItems() throws {
    let text = withItems([
      J.item("A-01", kind: #""yesNo""#, #""weight": 0"#),
      J.item("A-02", #""applicableWhen": {"item": "A-01", "outcomes": ["yes"]}"#),
    ])
    #expect(J.issues(text) == [])
    let checklist = try ChecklistParser.parse(Array(text.utf8), file: "x.json")
    #expect(checklist.items.map(\.kind) == [.yesNo, .check])
    #expect(checklist.items[1].applicableWhen == ApplicabilityCondition(item: "A-01", outcomes: [.yes]))
  }

  @Test("weight or critical on an item that is never scored")
  func unscoredKind() {
    #expect(
      J.issues(withItems([J.item("A-01", kind: #""yesNo""#)])) == [
        #"Checklists/broken.json: sections[0].items[0].weight: a yesNo item is never scored: give it "weight": 0"#
      ])
    #expect(
      J.issues(withItems([J.item("A-01", kind: #""yesNo""#, #""weight": 2"#)])) == [
        #"Checklists/broken.json: sections[0].items[0].weight: a yesNo item is never scored: give it "weight": 0"#
      ])
    #expect(
      J.issues(withItems([J.item("A-01", kind: #""text""#, #""critical": true"#)])) == [
        "Checklists/broken.json: sections[0].items[0].critical: a text item is never scored, so it cannot be critical"
      ])
    #expect(J.rules(withItems([J.item("A-01", kind: #""yesNo""#)])) == [.unscoredKind])
  }

  @Test("weights above 1000")
  func weightTooLarge() {
    let text = withItems([J.item("A-01", #""weight": 1001"#)])
    #expect(
      J.issues(text) == [
        "Checklists/broken.json: sections[0].items[0].weight: weight must be at most 1000, found 1001; weights are relative, so divide them all by the same number"
      ])
    #expect(J.rules(text) == [.weightTooLarge])
    let section = J.document(sections: [J.section("first", [J.item("A-01")], #""weight": 1e6"#)])
    #expect(J.rules(section) == [.weightTooLarge])
    #expect(J.issues(withItems([J.item("A-01", #""weight": 1000"#)])) == [])
  }

  @Test("visits that name an unknown visit type or one twice")
  func badVisits() throws {
    #expect(
      J.issues(withItems([J.item("A-01", #""visits": ["weekly"]"#)])) == [
        #"Checklists/broken.json: sections[0].items[0].visits[0]: unknown visit "weekly"; use scheduled or surprise"#
      ])
    #expect(
      J.issues(withItems([J.item("A-01", #""visits": ["surprise", "surprise"]"#)])) == [
        #"Checklists/broken.json: sections[0].items[0].visits[1]: visit "surprise" is listed twice"#
      ])
    #expect(J.rules(withItems([J.item("A-01", #""visits": ["weekly"]"#)])) == [.badVisits])
    let good = withItems([J.item("A-01", #""visits": ["scheduled"]"#)])
    #expect(try ChecklistParser.parse(Array(good.utf8), file: "x.json").items[0].visits == [.scheduled])
  }

  @Test("context conditions with an unknown level, an empty province, or no member")
  func badContext() throws {
    let level = withItems([J.item("A-01", #""applicableWhen": {"context": {"level": ["district"]}}"#)])
    #expect(
      J.issues(level) == [
        #"Checklists/broken.json: sections[0].items[0].applicableWhen.context.level[0]: unknown level "district"; use province or commune (the district level ended on 01/07/2025)"#
      ])
    #expect(J.rules(level) == [.badContext])
    let province = withItems([J.item("A-01", #""applicableWhen": {"context": {"province": [" "]}}"#)])
    #expect(
      J.issues(province) == [
        "Checklists/broken.json: sections[0].items[0].applicableWhen.context.province[0]: a province name must not be empty"
      ])
    let empty = withItems([J.item("A-01", #""applicableWhen": {"context": {}}"#)])
    #expect(
      J.issues(empty) == [
        #"Checklists/broken.json: sections[0].items[0].applicableWhen.context: a context condition needs "province", "level" or "oneStopDesk""#
      ])
    let good = withItems([
      J.item(
        "A-01",
        #""applicableWhen": {"context": {"province": ["Hà Nội"], "level": ["commune"], "oneStopDesk": true}}"#
      )
    ])
    #expect(
      try ChecklistParser.parse(Array(good.utf8), file: "x.json").items[0].applicableWhen
        == ApplicabilityCondition(
          context: ContextCondition(provinces: ["Hà Nội"], levels: [.commune], oneStopDesk: true)))
  }

  @Test("validUntil must be a day of the calendar")
  func badValidUntil() throws {
    let text = withItems([J.item("A-01", #""validUntil": "2026-02-30""#)])
    #expect(
      J.issues(text) == [
        #"Checklists/broken.json: sections[0].items[0].validUntil: validUntil "2026-02-30" must be a day YYYY-MM-DD of the calendar"#
      ])
    #expect(J.rules(text) == [.badDate])
    let good = withItems([J.item("A-01", #""validUntil": "2026-06-30""#)])
    #expect(
      try ChecklistParser.parse(Array(good.utf8), file: "x.json").items[0].validUntil
        == Fixed.day("2026-06-30"))
  }

  @Test("scale without max, max on another kind, max out of range")
  func scaleMax() {
    #expect(
      J.issues(withItems([J.item("A-01", kind: #""scale""#)])) == [
        #"Checklists/broken.json: sections[0].items[0].max: a scale item needs "max", a whole number ≥ 1"#
      ])
    #expect(
      J.issues(withItems([J.item("A-01", #""max": 4"#)])) == [
        #"Checklists/broken.json: sections[0].items[0].max: "max" belongs to scale items only; this item is a check"#
      ])
    #expect(
      J.issues(withItems([J.item("A-01", kind: #""observation""#, #""max": 4"#)])) == [
        #"Checklists/broken.json: sections[0].items[0].max: "max" belongs to scale items only; this item is an observation"#
      ])
    #expect(
      J.issues(withItems([J.item("A-01", kind: #""scale""#, #""max": 2.5"#)])) == [
        #"Checklists/broken.json: sections[0].items[0].max: "max" must be a whole number from 1 to 1000, found 2.5"#
      ])
    #expect(J.rules(withItems([J.item("A-01", kind: #""scale""#, #""max": 0"#)])) == [.scaleMax])
    #expect(J.issues(withItems([J.item("A-01", kind: #""scale""#, #""max": 4"#)])) == [])
  }

  @Test("source.ref naming no citation")
  func unknownSource() {
    let text = withItems([
      J.item("A-01", kind: #""check""#).replacingOccurrences(of: #""ref": "SRC""#, with: #""ref": "NOPE""#)
    ])
    #expect(
      J.issues(text) == [
        #"Checklists/broken.json: sections[0].items[0].source.ref: "NOPE" names no citation in "sources"; known: SRC"#
      ])
    let seeAlso = withItems([
      J.item("A-01").replacingOccurrences(
        of: #""ref": "SRC"}"#, with: #""ref": "SRC", "seeAlso": [{"ref": "SEED-9"}]}"#)
    ])
    #expect(
      J.issues(seeAlso) == [
        #"Checklists/broken.json: sections[0].items[0].source.seeAlso[0].ref: "SEED-9" names no citation in "sources"; known: SRC"#
      ])
    #expect(J.rules(text) == [.unknownSource])
  }

  func bands(_ ranges: [(String, Int, Int)]) -> String {
    let list = ranges.map {
      #"{"id": "\#($0.0)", "from": \#($0.1), "to": \#($0.2), "label": {"vi": "\#($0.0)"}}"#
    }
    return #""scoring": {"ratingBands": [\#(list.joined(separator: ", "))]}"#
  }

  @Test("rating bands that leave a gap")
  func ratingBandsGap() {
    let text = J.document(extra: [bands([("high", 60, 100), ("low", 0, 50)])])
    #expect(
      J.issues(text) == [
        "Checklists/broken.json: scoring.ratingBands[0]: rating bands leave scores 50–60 uncovered; bands must cover 0–100"
      ])
    let top = J.document(extra: [bands([("low", 0, 90)])])
    #expect(
      J.issues(top) == [
        "Checklists/broken.json: scoring.ratingBands: rating bands leave scores 90–100 uncovered; bands must cover 0–100"
      ])
    let bottom = J.document(extra: [bands([("high", 10, 100)])])
    #expect(
      J.issues(bottom) == [
        "Checklists/broken.json: scoring.ratingBands[0]: rating bands leave scores 0–10 uncovered; bands must cover 0–100"
      ])
    #expect(J.rules(text) == [.ratingBands])
  }

  @Test("rating bands that overlap or are malformed")
  func ratingBandsOverlap() {
    let text = J.document(extra: [bands([("low", 0, 60), ("high", 50, 100)])])
    #expect(
      J.issues(text) == [
        #"Checklists/broken.json: scoring.ratingBands[1]: band "high" (50–100) overlaps the band below it, which reaches 60"#
      ])
    let reversed = J.document(extra: [bands([("odd", 80, 20), ("all", 0, 100)])])
    #expect(
      J.issues(reversed) == [
        "Checklists/broken.json: scoring.ratingBands[0]: a band needs 0 ≤ from < to ≤ 100, found from 80 to 20"
      ])
    #expect(J.rules(text) == [.ratingBands])
  }

  @Test("valid custom bands are read, highest first")
  func customBands() throws {
    let text = J.document(extra: [bands([("low", 0, 60), ("high", 60, 100)])])
    let checklist = try ChecklistParser.parse(Array(text.utf8), file: "x.json")
    #expect(checklist.scoring.ratingBands.map(\.id) == ["high", "low"])
  }

  @Test("partial credit outside 0…1")
  func partialCredit() {
    let text = J.document(extra: [#""scoring": {"partialCredit": 1.5}"#])
    #expect(
      J.issues(text) == [
        "Checklists/broken.json: scoring.partialCredit: partial credit must be between 0 and 1, found 1.5"
      ])
    #expect(J.rules(J.document(extra: [#""scoring": {"partialCredit": -0.1}"#])) == [.partialCredit])
  }

  @Test("unknown scoring model")
  func unknownModel() {
    let text = J.document(extra: [#""scoring": {"model": "average"}"#])
    #expect(
      J.issues(text) == [
        #"Checklists/broken.json: scoring.model: unknown scoring model "average"; use one of weighted, flat, flatUnweighted, absolute"#
      ])
    #expect(J.rules(text) == [.unknownModel])
  }

  @Test("bad version", arguments: ["1.0", "1.0.0-beta", "01.0.0", "v1.0.0", "1..0", ""])
  func badVersion(version: String) {
    let text = J.document(version: "\"\(version)\"")
    #expect(
      J.issues(text) == [
        #"Checklists/broken.json: version: version "\#(version)" must be a semantic version MAJOR.MINOR.PATCH, e.g. 1.0.0"#
      ])
    #expect(J.rules(text) == [.badVersion])
  }

  @Test("good versions", arguments: ["0.0.0", "1.0.0", "10.20.300"])
  func goodVersion(version: String) {
    #expect(J.issues(J.document(version: "\"\(version)\"")) == [])
  }

  @Test(
    "bad date",
    arguments: [
      "2017-13", "2017-1-05", "17", "2017-02-32", "2017/02/01", "2017-02-29", "2017-04-31", "2017-02-1x",
    ])
  func badDate(date: String) {
    let text = J.document(
      sources: #"[{"id": "SRC", "type": "legal", "title": {"vi": "Q"}, "date": "\#(date)"}]"#)
    #expect(
      J.issues(text) == [
        #"Checklists/broken.json: sources[0].date: date "\#(date)" must be YYYY, YYYY-MM or YYYY-MM-DD"#
      ])
    #expect(J.rules(text) == [.badDate])
  }

  @Test("good dates", arguments: ["2017", "2017-02", "2017-02-28", "2016-02-29"])
  func goodDate(date: String) {
    #expect(
      J.issues(
        J.document(sources: #"[{"id": "SRC", "type": "legal", "title": {"vi": "Q"}, "date": "\#(date)"}]"#))
        == [])
  }

  @Test("bad ids")
  func badIDs() {
    #expect(
      J.issues(J.document(id: #""Test_List""#)) == [
        #"Checklists/broken.json: id: checklist id "Test_List" must be lower-case letters and digits joined by '-'"#
      ])
    #expect(
      J.issues(withItems([J.item("a-01")])) == [
        #"Checklists/broken.json: sections[0].items[0].id: item id "a-01" must be upper-case ASCII letters and digits joined by '-', e.g. BADGE-01"#
      ])
    #expect(J.rules(J.document(sections: [J.section("First", [J.item("A-01")])])) == [.badID])
  }

  /// F9: an id that looks like another is refused: a zero-width joiner or non-joiner, a variation selector,
  /// a combining mark or a look-alike letter makes `IT‍-01` print exactly as `IT-01`, and ids are ASCII by
  /// rule, so each of these is a bad id (item, section and checklist ids alike).
  @Test(
    "ids that look like other ids are refused",
    arguments: ["\u{200D}", "\u{200C}", "\u{FE0F}", "\u{0301}", "\u{2060}"])
  func lookAlikeIDs(_ invisible: String) {
    #expect(J.rules(withItems([J.item("IT\(invisible)-01")])) == [.badID])
    #expect(J.rules(J.document(sections: [J.section("first\(invisible)", [J.item("A-01")])])) == [.badID])
    #expect(J.rules(J.document(id: "\"test\(invisible)-list\"")) == [.badID])
    // A Cyrillic А (U+0410) for a Latin A.
    #expect(J.rules(withItems([J.item("\u{0410}-01")])) == [.badID])
  }

  @Test("empty lists")
  func emptyLists() {
    #expect(
      J.issues(J.document(sections: [J.section("first", [])])) == [
        "Checklists/broken.json: sections[0].items: must list at least one entry"
      ])
  }

  /// One file that breaks many rules gets every problem listed, in file order, each with its path.
  @Test("every problem is reported at once")
  func everyProblemAtOnce() {
    let text = J.document(
      version: #""1.0""#,
      extra: [#""scoring": {"partialCredit": 2, "model": "median"}"#, #""colour": "red""#],
      sections: [
        J.section(
          "first",
          [
            J.item("A-01", #""weight": -1"#),
            J.item("A-01", kind: #""yesno""#),
            J.item("A-03", kind: #""scale""#, #""tags": ["nope"]"#),
            J.item("A-04", #""applicableWhen": {"item": "A-09", "outcomes": ["maybe"]}"#),
          ]),
        J.section(
          "second",
          [
            #"{"id": "B-01", "text": {"vi": ""}, "guidance": {"en": "x"}, "kind": "check", "source": {"ref": "X"}}"#
          ]),
      ])
    #expect(
      J.issues(text, file: "Checklists/many.json") == [
        #"Checklists/many.json: colour: unknown field "colour" in a checklist; known fields: description, historical, id, scopeNote, scoring, sections, sources, tags, title, version"#,
        #"Checklists/many.json: version: version "1.0" must be a semantic version MAJOR.MINOR.PATCH, e.g. 1.0.0"#,
        #"Checklists/many.json: scoring.model: unknown scoring model "median"; use one of weighted, flat, flatUnweighted, absolute"#,
        "Checklists/many.json: scoring.partialCredit: partial credit must be between 0 and 1, found 2",
        "Checklists/many.json: sections[0].items[0].weight: weight must be a number ≥ 0, found -1",
        #"Checklists/many.json: sections[0].items[1].id: duplicate item id "A-01"; item ids must be unique in the checklist"#,
        #"Checklists/many.json: sections[0].items[1].kind: unknown kind "yesno"; use one of check, observation, scale, text, yesNo"#,
        #"Checklists/many.json: sections[0].items[2].max: a scale item needs "max", a whole number ≥ 1"#,
        #"Checklists/many.json: sections[0].items[2].tags[0]: unknown tag "nope"; define it in the checklist's "tags" or use focus-2017-1, focus-2017-2, focus-2017-3"#,
        #"Checklists/many.json: sections[0].items[3].applicableWhen.item: applicableWhen names "A-09", which is not an earlier item; an item may depend only on items before it"#,
        #"Checklists/many.json: sections[0].items[3].applicableWhen.outcomes[0]: outcome "maybe" is not an answer of "A-09"; use one of pass, partial, fail, notApplicable, yes, no"#,
        #"Checklists/many.json: sections[1].items[0].text.vi: Vietnamese text ("vi") must not be empty"#,
        #"Checklists/many.json: sections[1].items[0].guidance.vi: Vietnamese text ("vi") is required"#,
        #"Checklists/many.json: sections[1].items[0].source.ref: "X" names no citation in "sources"; known: SRC"#,
      ])
  }

  @Test("validate(_:) checks a checklist built in code")
  func validateBuiltChecklist() {
    #expect(ChecklistParser.validate(Build.workedExample()) == [])
    var broken = Build.workedExample()
    broken.sections[1].items[0].weight = -2
    broken.version = "2"
    #expect(
      ChecklistParser.validate(broken).map(\.description) == [
        #"<checklist>: version: version "2" must be a semantic version MAJOR.MINOR.PATCH, e.g. 1.0.0"#,
        "<checklist>: sections[1].items[0].weight: weight must be a number ≥ 0, found -2",
      ])
  }

  @Test("every rule has a test that breaks it")
  func everyRuleCovered() {
    // The rules this file breaks; unreadableFile is covered in CatalogTests.
    let broken: Set<ValidationIssue.Rule> = [
      .malformedJSON, .unknownField, .duplicateKey, .missingField, .wrongType, .duplicateID, .badID,
      .negativeWeight, .weightTooLarge, .unscoredKind, .badVisits, .badContext, .missingVietnamese,
      .unknownKind, .unknownTag, .badCondition, .scaleMax, .unknownSource, .ratingBands, .partialCredit,
      .unknownModel, .badVersion, .badDate, .emptyList, .unreadableFile,
    ]
    #expect(broken == Set(ValidationIssue.Rule.allCases))
  }
}
