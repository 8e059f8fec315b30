import Foundation
import KyCuongModel
import KyCuongSupport

/// Reads a checklist from JSON and checks every rule of the format, reporting every problem at once.
///
/// ```swift
/// let checklist = try ChecklistParser.parse(data, file: "Checklists/public-office-conduct.json")
/// ```
public enum ChecklistParser {
  /// Parses and validates a checklist file's bytes. `file` names the file in error messages.
  ///
  /// - Throws: ``ChecklistValidationError`` listing every problem.
  public static func parse(
    _ data: some Collection<UInt8>, file: String
  ) throws(ChecklistValidationError)
    -> Checklist
  {
    let json: JSONValue
    do {
      json = try JSONReader.parse(data)
    } catch {
      throw ChecklistValidationError(issues: [
        ValidationIssue(
          file: file, path: "", rule: .malformedJSON, message: "malformed JSON at \(error.description)")
      ])
    }
    return try parse(json, file: file)
  }

  /// Validates a checklist already read as JSON.
  ///
  /// - Throws: ``ChecklistValidationError`` listing every problem.
  public static func parse(_ json: JSONValue, file: String) throws(ChecklistValidationError) -> Checklist {
    var walker = Walker(file: file)
    let checklist = walker.checklist(json)
    if let checklist, walker.issues.isEmpty { return checklist }
    throw ChecklistValidationError(issues: walker.issues)
  }

  /// Checks `checklist` as if it had been read from a file (for checklists built in code).
  public static func validate(_ checklist: Checklist, file: String = "<checklist>") -> [ValidationIssue] {
    do {
      _ = try parse(checklist.jsonValue, file: file)
      return []
    } catch {
      return error.issues
    }
  }
}

/// Patterns of ids, versions and dates, shared by the parser and the JSON Schema. Ids are checked byte by
/// byte: ASCII only, so no invisible or look-alike character can make two ids that read the same.
package enum Patterns {
  package static func isKebabID(_ text: String) -> Bool {
    var partLength = 0
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): partLength += 1
      case UInt8(ascii: "-"):
        guard partLength > 0 else { return false }
        partLength = 0
      default: return false
      }
    }
    return partLength > 0
  }

  static func isSemanticVersion(_ text: String) -> Bool {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count == 3
      && parts.allSatisfy { part in
        !part.isEmpty && part.utf8.allSatisfy { (48...57).contains($0) } && (part == "0" || part.first != "0")
      }
  }

  /// `YYYY`, `YYYY-MM` or a day `YYYY-MM-DD` that exists in the calendar (no 2017-02-30).
  static func isDate(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard (1...3).contains(parts.count), parts[0].count == 4 else { return false }
    guard parts.allSatisfy({ $0.utf8.allSatisfy { (48...57).contains($0) } }) else { return false }
    if parts.count >= 2 {
      guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return false }
    }
    return parts.count < 3 || CalendarDate(text) != nil
  }
}

/// The largest weight an item or a section may have. Weights are relative, so no real checklist needs more;
/// the bound keeps every sum of weights far from overflow or loss of precision.
let maximumWeight = 1000.0

private struct Walker {
  let file: String
  var issues: [ValidationIssue] = []

  init(file: String) {
    self.file = file
  }

  mutating func report(_ path: String, _ rule: ValidationIssue.Rule, _ message: String) {
    issues.append(ValidationIssue(file: file, path: path, rule: rule, message: message))
  }

  static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

  /// The members of an object, after reporting duplicate keys, unknown fields and missing required ones.
  mutating func object(
    _ value: JSONValue, at path: String, allowed: Set<String>, required: [String], what: String
  ) -> [String: JSONValue]? {
    guard case .object(let members) = value else {
      report(path, .wrongType, "\(what) must be an object, found \(value.typeName)")
      return nil
    }
    var fields: [String: JSONValue] = [:]
    for (key, member) in members {
      if fields[key] != nil {
        report(Self.join(path, key), .duplicateKey, "the key \"\(key)\" appears more than once")
        continue
      }
      fields[key] = member
      if !allowed.contains(key) {
        let known = allowed.filter { $0 != "$schema" }.sorted().joined(separator: ", ")
        report(
          Self.join(path, key), .unknownField, "unknown field \"\(key)\" in \(what); known fields: \(known)")
      }
    }
    for key in required where fields[key] == nil {
      report(Self.join(path, key), .missingField, "\(what) needs the field \"\(key)\"")
    }
    return fields
  }

  mutating func string(_ value: JSONValue?, at path: String) -> String? {
    guard let value else { return nil }
    guard case .string(let text) = value else {
      report(path, .wrongType, "must be a string, found \(value.typeName)")
      return nil
    }
    return text
  }

  mutating func array(_ value: JSONValue?, at path: String, nonEmpty: Bool = false) -> [JSONValue]? {
    guard let value else { return nil }
    guard case .array(let elements) = value else {
      report(path, .wrongType, "must be an array, found \(value.typeName)")
      return nil
    }
    if nonEmpty && elements.isEmpty { report(path, .emptyList, "must list at least one entry") }
    return elements
  }

  mutating func number(_ value: JSONValue?, at path: String) -> Double? {
    guard let value else { return nil }
    guard case .number(let number) = value else {
      report(path, .wrongType, "must be a number, found \(value.typeName)")
      return nil
    }
    return number
  }

  mutating func weight(_ value: JSONValue?, at path: String) -> Double {
    guard let weight = number(value, at: path) else { return 1 }
    if weight < 0 {
      report(path, .negativeWeight, "weight must be a number ≥ 0, found \(Self.format(weight))")
      return 0
    }
    if weight > maximumWeight {
      report(
        path, .weightTooLarge,
        "weight must be at most \(Self.format(maximumWeight)), found \(Self.format(weight)); weights are relative, "
          + "so divide them all by the same number")
      return 0
    }
    return weight
  }

  mutating func localized(_ value: JSONValue?, at path: String) -> LocalizedText? {
    guard let value else { return nil }
    guard let fields = object(value, at: path, allowed: ["vi", "en"], required: [], what: "localized text")
    else { return nil }
    let english = string(fields["en"], at: Self.join(path, "en"))
    guard let vietnameseValue = fields["vi"] else {
      report(
        Self.join(path, "vi"), .missingVietnamese, "Vietnamese text (\"vi\") is required")
      return nil
    }
    guard let vietnamese = string(vietnameseValue, at: Self.join(path, "vi")) else { return nil }
    if vietnamese.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      report(Self.join(path, "vi"), .missingVietnamese, "Vietnamese text (\"vi\") must not be empty")
      return nil
    }
    return LocalizedText(vi: vietnamese, en: english)
  }

  static func format(_ number: Double) -> String {
    number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
  }

  mutating func bool(_ value: JSONValue?, at path: String) -> Bool? {
    guard let value else { return nil }
    guard case .bool(let flag) = value else {
      report(path, .wrongType, "must be true or false, found \(value.typeName)")
      return nil
    }
    return flag
  }

  // MARK: - Checklist

  mutating func checklist(_ json: JSONValue) -> Checklist? {
    let allowed: Set<String> = [
      "$schema", "id", "version", "title", "description", "sources", "tags", "scoring", "sections",
      "historical",
      "scopeNote",
    ]
    guard
      let fields = object(
        json, at: "", allowed: allowed,
        required: ["id", "version", "title", "description", "sources", "sections"],
        what: "a checklist")
    else { return nil }
    _ = string(fields["$schema"], at: "$schema")
    let id = string(fields["id"], at: "id")
    if let id, !Patterns.isKebabID(id) {
      report("id", .badID, "checklist id \"\(id)\" must be lower-case letters and digits joined by '-'")
    }
    let version = string(fields["version"], at: "version")
    if let version, !Patterns.isSemanticVersion(version) {
      report(
        "version", .badVersion,
        "version \"\(version)\" must be a semantic version MAJOR.MINOR.PATCH, e.g. 1.0.0")
    }
    let title = localized(fields["title"], at: "title")
    let description = localized(fields["description"], at: "description")
    let sources = citations(fields["sources"])
    let tags = tagDefinitions(fields["tags"])
    let scoring = fields["scoring"].flatMap { scoringSettings($0) } ?? ScoringSettings()
    let knownTags = Set(tags.map(\.id)).union(FocusArea.allCases.map(\.tag))
    let sections = self.sections(
      fields["sections"], sourceIDs: Set(sources.map(\.id)), knownTags: knownTags)
    let historical = bool(fields["historical"], at: "historical") ?? false
    let scopeNote = localized(fields["scopeNote"], at: "scopeNote")
    guard let id, let version, let title, let description else { return nil }
    return Checklist(
      id: id, version: version, title: title, description: description, sources: sources, tags: tags,
      scoring: scoring, sections: sections, historical: historical, scopeNote: scopeNote)
  }

  mutating func citations(_ value: JSONValue?) -> [Citation] {
    guard let elements = array(value, at: "sources") else { return [] }
    var seen: Set<String> = []
    var result: [Citation] = []
    let allowed: Set<String> = ["id", "type", "number", "title", "issuer", "date", "article", "url", "note"]
    for (index, element) in elements.enumerated() {
      let path = "sources[\(index)]"
      guard
        let fields = object(
          element, at: path, allowed: allowed, required: ["id", "type", "title"], what: "a citation")
      else { continue }
      let id = string(fields["id"], at: "\(path).id")
      if let id {
        if id.isEmpty { report("\(path).id", .badID, "a citation id must not be empty") }
        if !seen.insert(id).inserted {
          report("\(path).id", .duplicateID, "duplicate citation id \"\(id)\"")
        }
      }
      var type: Citation.DocumentType?
      if let name = string(fields["type"], at: "\(path).type") {
        type = Citation.DocumentType(rawValue: name)
        if type == nil {
          report("\(path).type", .wrongType, "citation type \"\(name)\" must be \"legal\" or \"report\"")
        }
      }
      let title = localized(fields["title"], at: "\(path).title")
      let date = string(fields["date"], at: "\(path).date")
      if let date, !Patterns.isDate(date) {
        report("\(path).date", .badDate, "date \"\(date)\" must be YYYY, YYYY-MM or YYYY-MM-DD")
      }
      let citation = Citation(
        id: id ?? "", type: type ?? .legal, number: string(fields["number"], at: "\(path).number"),
        title: title ?? LocalizedText(vi: ""), issuer: localized(fields["issuer"], at: "\(path).issuer"),
        date: date, article: string(fields["article"], at: "\(path).article"),
        url: string(fields["url"], at: "\(path).url"), note: localized(fields["note"], at: "\(path).note"))
      result.append(citation)
    }
    return result
  }

  mutating func tagDefinitions(_ value: JSONValue?) -> [TagDefinition] {
    guard let elements = array(value, at: "tags") else { return [] }
    var seen: Set<String> = []
    var result: [TagDefinition] = []
    for (index, element) in elements.enumerated() {
      let path = "tags[\(index)]"
      guard
        let fields = object(
          element, at: path, allowed: ["id", "label"], required: ["id", "label"], what: "a tag definition")
      else { continue }
      let id = string(fields["id"], at: "\(path).id")
      if let id {
        if !Patterns.isKebabID(id) {
          report("\(path).id", .badID, "tag id \"\(id)\" must be lower-case letters and digits joined by '-'")
        } else if FocusArea(tag: id) != nil {
          report("\(path).id", .duplicateID, "tag \"\(id)\" is built in and must not be redefined")
        } else if !seen.insert(id).inserted {
          report("\(path).id", .duplicateID, "duplicate tag id \"\(id)\"")
        }
      }
      let label = localized(fields["label"], at: "\(path).label")
      if let id, let label { result.append(TagDefinition(id: id, label: label)) }
    }
    return result
  }

  mutating func scoringSettings(_ value: JSONValue) -> ScoringSettings? {
    guard
      let fields = object(
        value, at: "scoring", allowed: ["model", "partialCredit", "ratingBands"], required: [],
        what: "scoring settings")
    else { return nil }
    var settings = ScoringSettings()
    if let name = string(fields["model"], at: "scoring.model") {
      if let model = ScoringModel(rawValue: name) {
        settings.model = model
      } else {
        let names = ScoringModel.allCases.map(\.rawValue).joined(separator: ", ")
        report("scoring.model", .unknownModel, "unknown scoring model \"\(name)\"; use one of \(names)")
      }
    }
    if let credit = number(fields["partialCredit"], at: "scoring.partialCredit") {
      if (0...1).contains(credit) {
        settings.partialCredit = credit
      } else {
        report(
          "scoring.partialCredit", .partialCredit,
          "partial credit must be between 0 and 1, found \(Self.format(credit))")
      }
    }
    if let elements = array(fields["ratingBands"], at: "scoring.ratingBands", nonEmpty: true),
      !elements.isEmpty
    {
      if let bands = ratingBands(elements) { settings.ratingBands = bands }
    }
    return settings
  }

  mutating func ratingBands(_ elements: [JSONValue]) -> [RatingBand]? {
    var bands: [(band: RatingBand, index: Int)] = []
    var complete = true
    var seen: Set<String> = []
    for (index, element) in elements.enumerated() {
      let path = "scoring.ratingBands[\(index)]"
      guard
        let fields = object(
          element, at: path, allowed: ["id", "from", "to", "label"], required: ["id", "from", "to", "label"],
          what: "a rating band")
      else {
        complete = false
        continue
      }
      let id = string(fields["id"], at: "\(path).id")
      if let id, !seen.insert(id).inserted {
        report("\(path).id", .duplicateID, "duplicate rating band id \"\(id)\"")
      }
      let from = number(fields["from"], at: "\(path).from")
      let to = number(fields["to"], at: "\(path).to")
      let label = localized(fields["label"], at: "\(path).label")
      guard let id, let from, let to, let label else {
        complete = false
        continue
      }
      if !(0...100).contains(from) || !(0...100).contains(to) || from >= to {
        report(
          path, .ratingBands,
          "a band needs 0 ≤ from < to ≤ 100, found from \(Self.format(from)) to \(Self.format(to))")
        complete = false
        continue
      }
      bands.append((RatingBand(id: id, from: from, to: to, label: label), index))
    }
    guard complete else { return nil }
    let sorted = bands.sorted { $0.band.from < $1.band.from }
    var reach = 0.0
    var valid = true
    for (band, index) in sorted {
      let path = "scoring.ratingBands[\(index)]"
      if band.from > reach {
        report(
          path, .ratingBands,
          "rating bands leave scores \(Self.format(reach))–\(Self.format(band.from)) uncovered; bands must cover 0–100"
        )
        valid = false
      } else if band.from < reach {
        report(
          path, .ratingBands,
          "band \"\(band.id)\" (\(Self.format(band.from))–\(Self.format(band.to))) overlaps the band below it, which reaches \(Self.format(reach))"
        )
        valid = false
      }
      reach = max(reach, band.to)
    }
    if reach < 100 {
      report(
        "scoring.ratingBands", .ratingBands,
        "rating bands leave scores \(Self.format(reach))–100 uncovered; bands must cover 0–100")
      valid = false
    }
    // Highest first, the order people read a grading scale in.
    return valid ? sorted.map(\.band).reversed() : nil
  }

  // MARK: - Sections and items

  mutating func sections(_ value: JSONValue?, sourceIDs: Set<String>, knownTags: Set<String>) -> [Section] {
    guard let elements = array(value, at: "sections", nonEmpty: true) else { return [] }
    var sectionIDs: Set<String> = []
    var itemKinds: [ItemID: ItemKind?] = [:]
    var result: [Section] = []
    for (sectionIndex, element) in elements.enumerated() {
      let path = "sections[\(sectionIndex)]"
      guard
        let fields = object(
          element, at: path, allowed: ["id", "title", "weight", "items"], required: ["id", "title", "items"],
          what: "a section")
      else { continue }
      let id = string(fields["id"], at: "\(path).id")
      if let id {
        if !Patterns.isKebabID(id) {
          report(
            "\(path).id", .badID, "section id \"\(id)\" must be lower-case letters and digits joined by '-'")
        } else if !sectionIDs.insert(id).inserted {
          report("\(path).id", .duplicateID, "duplicate section id \"\(id)\"")
        }
      }
      let title = localized(fields["title"], at: "\(path).title")
      let weight = fields["weight"] == nil ? 1 : self.weight(fields["weight"], at: "\(path).weight")
      var items: [Item] = []
      for (itemIndex, itemValue) in (array(fields["items"], at: "\(path).items", nonEmpty: true) ?? [])
        .enumerated()
      {
        let itemPath = "\(path).items[\(itemIndex)]"
        if let item = item(
          itemValue, at: itemPath, sourceIDs: sourceIDs, knownTags: knownTags, earlier: &itemKinds)
        {
          items.append(item)
        }
      }
      if let id, let title { result.append(Section(id: id, title: title, weight: weight, items: items)) }
    }
    return result
  }

  mutating func item(
    _ value: JSONValue, at path: String, sourceIDs: Set<String>, knownTags: Set<String>,
    earlier: inout [ItemID: ItemKind?]
  ) -> Item? {
    let allowed: Set<String> = [
      "id", "text", "guidance", "kind", "max", "weight", "critical", "source", "tags", "applicableWhen",
      "visits",
      "validUntil", "scopeNote",
    ]
    guard
      let fields = object(
        value, at: path, allowed: allowed, required: ["id", "text", "guidance", "kind", "source"],
        what: "an item")
    else { return nil }
    let id = string(fields["id"], at: "\(path).id").map { ItemID($0) }
    var duplicate = false
    if let id {
      if !id.isWellFormed {
        report(
          "\(path).id", .badID,
          "item id \"\(id)\" must be upper-case ASCII letters and digits joined by '-', e.g. BADGE-01")
      } else if earlier.keys.contains(id) {
        report(
          "\(path).id", .duplicateID, "duplicate item id \"\(id)\"; item ids must be unique in the checklist")
        duplicate = true
      }
    }
    let text = localized(fields["text"], at: "\(path).text")
    let guidance = localized(fields["guidance"], at: "\(path).guidance")
    let kind = itemKind(fields, at: path)
    let weight = fields["weight"] == nil ? 1 : self.weight(fields["weight"], at: "\(path).weight")
    let critical = bool(fields["critical"], at: "\(path).critical") ?? false
    if let kind, !kind.isScored {
      // A yes/no question is not a rule: a weight or a critical flag would score or fail what is only a fact.
      if kind == .yesNo, fields["weight"] == nil || weight != 0 {
        report("\(path).weight", .unscoredKind, "a yesNo item is never scored: give it \"weight\": 0")
      }
      if critical {
        report(
          "\(path).critical", .unscoredKind,
          "\(withArticle(kind.name.rawValue)) item is never scored, so it cannot be critical")
      }
    }
    let source = fields["source"].flatMap { itemSource($0, at: "\(path).source", sourceIDs: sourceIDs) }
    var tags: [String] = []
    for (index, tagValue) in (array(fields["tags"], at: "\(path).tags") ?? []).enumerated() {
      guard let tag = string(tagValue, at: "\(path).tags[\(index)]") else { continue }
      if !knownTags.contains(tag) {
        report(
          "\(path).tags[\(index)]", .unknownTag,
          "unknown tag \"\(tag)\"; define it in the checklist's \"tags\" or use focus-2017-1, focus-2017-2, focus-2017-3"
        )
      } else if tags.contains(tag) {
        report("\(path).tags[\(index)]", .duplicateID, "tag \"\(tag)\" is listed twice")
      } else {
        tags.append(tag)
      }
    }
    let condition = fields["applicableWhen"].flatMap {
      self.condition($0, at: "\(path).applicableWhen", earlier: earlier)
    }
    let visits = self.visits(fields["visits"], at: "\(path).visits")
    var validUntil: CalendarDate?
    if let text = string(fields["validUntil"], at: "\(path).validUntil") {
      validUntil = CalendarDate(text)
      if validUntil == nil {
        report(
          "\(path).validUntil", .badDate, "validUntil \"\(text)\" must be a day YYYY-MM-DD of the calendar")
      }
    }
    let scopeNote = localized(fields["scopeNote"], at: "\(path).scopeNote")
    // Record the id even when its kind is invalid, so a later duplicate is still reported.
    if let id, !duplicate { earlier[id] = .some(kind) }
    guard let id, let text, let guidance, let kind, let source else { return nil }
    return Item(
      id: id, text: text, guidance: guidance, kind: kind, weight: weight, critical: critical, source: source,
      tags: tags, applicableWhen: condition, visits: visits, validUntil: validUntil, scopeNote: scopeNote)
  }

  mutating func visits(_ value: JSONValue?, at path: String) -> [VisitType]? {
    guard let elements = array(value, at: path, nonEmpty: true) else { return nil }
    var visits: [VisitType] = []
    for (index, element) in elements.enumerated() {
      guard let name = string(element, at: "\(path)[\(index)]") else { continue }
      guard let visit = VisitType(rawValue: name) else {
        report("\(path)[\(index)]", .badVisits, "unknown visit \"\(name)\"; use scheduled or surprise")
        continue
      }
      if visits.contains(visit) {
        report("\(path)[\(index)]", .badVisits, "visit \"\(name)\" is listed twice")
      } else {
        visits.append(visit)
      }
    }
    return visits.isEmpty ? nil : visits
  }

  mutating func itemKind(_ fields: [String: JSONValue], at path: String) -> ItemKind? {
    let max = fields["max"]
    guard let name = string(fields["kind"], at: "\(path).kind") else { return nil }
    guard let kindName = ItemKind.Name(rawValue: name) else {
      report(
        "\(path).kind", .unknownKind,
        "unknown kind \"\(name)\"; use one of \(ItemKind.Name.allCases.map(\.rawValue).joined(separator: ", "))"
      )
      return nil
    }
    if kindName != .scale {
      if max != nil {
        report(
          "\(path).max", .scaleMax, "\"max\" belongs to scale items only; this item is \(withArticle(name))")
      }
      switch kindName {
      case .check: return .check
      case .observation: return .observation
      case .text: return .text
      case .yesNo: return .yesNo
      case .scale: return nil
      }
    }
    guard let max else {
      report("\(path).max", .scaleMax, "a scale item needs \"max\", a whole number ≥ 1")
      return nil
    }
    guard let value = number(max, at: "\(path).max") else { return nil }
    guard value >= 1, value == value.rounded(), value <= 1000 else {
      report(
        "\(path).max", .scaleMax,
        "\"max\" must be a whole number from 1 to 1000, found \(Self.format(value))")
      return nil
    }
    return .scale(max: Int(value))
  }

  mutating func reference(
    _ fields: [String: JSONValue], at path: String, sourceIDs: Set<String>
  ) -> ItemSource.Reference? {
    let ref = string(fields["ref"], at: "\(path).ref")
    if let ref, !sourceIDs.contains(ref) {
      report(
        "\(path).ref", .unknownSource,
        "\"\(ref)\" names no citation in \"sources\"; known: \(sourceIDs.sorted().joined(separator: ", "))")
    }
    let article = string(fields["article"], at: "\(path).article")
    let note = localized(fields["note"], at: "\(path).note")
    guard let ref else { return nil }
    return ItemSource.Reference(ref: ref, article: article, note: note)
  }

  mutating func itemSource(_ value: JSONValue, at path: String, sourceIDs: Set<String>) -> ItemSource? {
    guard
      let fields = object(
        value, at: path, allowed: ["ref", "article", "note", "seeAlso"], required: ["ref"],
        what: "an item source")
    else { return nil }
    let primary = reference(fields, at: path, sourceIDs: sourceIDs)
    var seeAlso: [ItemSource.Reference] = []
    for (index, element) in (array(fields["seeAlso"], at: "\(path).seeAlso") ?? []).enumerated() {
      let elementPath = "\(path).seeAlso[\(index)]"
      guard
        let referenceFields = object(
          element, at: elementPath, allowed: ["ref", "article", "note"], required: ["ref"],
          what: "a reference")
      else { continue }
      if let reference = reference(referenceFields, at: elementPath, sourceIDs: sourceIDs) {
        seeAlso.append(reference)
      }
    }
    guard let primary else { return nil }
    return ItemSource(ref: primary.ref, article: primary.article, note: primary.note, seeAlso: seeAlso)
  }

  mutating func condition(
    _ value: JSONValue, at path: String, earlier: [ItemID: ItemKind?]
  )
    -> ApplicabilityCondition?
  {
    guard
      let fields = object(
        value, at: path, allowed: ["item", "outcomes", "context"], required: [], what: "a condition")
    else { return nil }
    let context = fields["context"].flatMap { self.context($0, at: "\(path).context") }
    guard fields["item"] != nil || fields["outcomes"] != nil else {
      if fields["context"] == nil {
        report(path, .badCondition, "a condition needs \"item\" and \"outcomes\", or \"context\", or both")
      }
      return context.map { ApplicabilityCondition(context: $0) }
    }
    for key in ["item", "outcomes"] where fields[key] == nil {
      report(Self.join(path, key), .missingField, "a condition on an earlier item needs the field \"\(key)\"")
    }
    let itemID = string(fields["item"], at: "\(path).item").map { ItemID($0) }
    var possible: [ConditionOutcome]?
    if let itemID {
      switch earlier[itemID] {
      case nil, .some(nil):
        report(
          "\(path).item", .badCondition,
          "applicableWhen names \"\(itemID)\", which is not an earlier item; an item may depend only on items before it"
        )
      case .some(let kind?):
        possible = ConditionOutcome.possible(for: kind)
        if possible == nil {
          report(
            "\(path).item", .badCondition,
            "applicableWhen names \"\(itemID)\", \(withArticle(kind.name.rawValue)) item; it must name a check or yesNo item"
          )
        }
      }
    }
    var outcomes: [ConditionOutcome] = []
    for (index, element) in (array(fields["outcomes"], at: "\(path).outcomes", nonEmpty: true) ?? [])
      .enumerated()
    {
      guard let name = string(element, at: "\(path).outcomes[\(index)]") else { continue }
      let names = (possible ?? ConditionOutcome.allCases).map(\.rawValue).joined(separator: ", ")
      guard let outcome = ConditionOutcome(rawValue: name), possible?.contains(outcome) ?? true else {
        report(
          "\(path).outcomes[\(index)]", .badCondition,
          "outcome \"\(name)\" is not an answer of \(itemID.map { "\"\($0)\"" } ?? "the controlling item"); use one of \(names)"
        )
        continue
      }
      outcomes.append(outcome)
    }
    guard let itemID else { return nil }
    return ApplicabilityCondition(item: itemID, outcomes: outcomes, context: context)
  }

  mutating func context(_ value: JSONValue, at path: String) -> ContextCondition? {
    guard
      let fields = object(
        value, at: path, allowed: ["province", "level", "oneStopDesk"], required: [],
        what: "a context condition")
    else { return nil }
    var condition = ContextCondition()
    if let elements = array(fields["province"], at: "\(path).province", nonEmpty: true) {
      var provinces: [String] = []
      for (index, element) in elements.enumerated() {
        guard let name = string(element, at: "\(path).province[\(index)]") else { continue }
        if name.trimmingCharacters(in: .whitespaces).isEmpty {
          report("\(path).province[\(index)]", .badContext, "a province name must not be empty")
        } else {
          provinces.append(name)
        }
      }
      condition.provinces = provinces
    }
    if let elements = array(fields["level"], at: "\(path).level", nonEmpty: true) {
      var levels: [GovernmentLevel] = []
      for (index, element) in elements.enumerated() {
        guard let name = string(element, at: "\(path).level[\(index)]") else { continue }
        if let level = GovernmentLevel(rawValue: name) {
          levels.append(level)
        } else {
          report(
            "\(path).level[\(index)]", .badContext,
            "unknown level \"\(name)\"; use province or commune (the district level ended on 01/07/2025)")
        }
      }
      condition.levels = levels
    }
    condition.oneStopDesk = bool(fields["oneStopDesk"], at: "\(path).oneStopDesk")
    if condition == ContextCondition() {
      report(path, .badContext, "a context condition needs \"province\", \"level\" or \"oneStopDesk\"")
      return nil
    }
    return condition
  }
}
