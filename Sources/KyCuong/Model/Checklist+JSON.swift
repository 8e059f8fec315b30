import KyCuongSupport

extension Checklist {
  /// The checklist in its file format, every field written out (defaults included), so that a snapshot
  /// read back through ``ChecklistParser`` is the same checklist.
  public var jsonValue: JSONValue {
    var members: [(key: String, value: JSONValue)] = [
      ("id", .string(id)), ("version", .string(version)), ("title", title.jsonValue),
      ("description", description.jsonValue), ("sources", .array(sources.map(\.jsonValue))),
    ]
    if !tags.isEmpty {
      members.append(
        (
          "tags",
          .array(tags.map { .object([("id", .string($0.id)), ("label", $0.label.jsonValue)]) })
        ))
    }
    members.append(("scoring", scoring.jsonValue))
    members.append(("sections", .array(sections.map(\.jsonValue))))
    if historical { members.append(("historical", .bool(true))) }
    if let scopeNote { members.append(("scopeNote", scopeNote.jsonValue)) }
    return .object(members)
  }
}

extension LocalizedText {
  /// The text as `{"vi": …, "en": …}`.
  package var jsonValue: JSONValue {
    var members: [(key: String, value: JSONValue)] = [("vi", .string(vi))]
    if let en { members.append(("en", .string(en))) }
    return .object(members)
  }
}

extension Citation {
  var jsonValue: JSONValue {
    var members: [(key: String, value: JSONValue)] = [("id", .string(id)), ("type", .string(type.rawValue))]
    if let number { members.append(("number", .string(number))) }
    members.append(("title", title.jsonValue))
    if let issuer { members.append(("issuer", issuer.jsonValue)) }
    if let date { members.append(("date", .string(date))) }
    if let article { members.append(("article", .string(article))) }
    if let url { members.append(("url", .string(url))) }
    if let note { members.append(("note", note.jsonValue)) }
    return .object(members)
  }
}

extension ScoringSettings {
  var jsonValue: JSONValue {
    .object([
      ("model", .string(model.rawValue)), ("partialCredit", .number(partialCredit)),
      (
        "ratingBands",
        .array(
          ratingBands.map {
            .object([
              ("id", .string($0.id)), ("from", .number($0.from)), ("to", .number($0.to)),
              ("label", $0.label.jsonValue),
            ])
          })
      ),
    ])
  }
}

extension Section {
  var jsonValue: JSONValue {
    .object([
      ("id", .string(id)), ("title", title.jsonValue), ("weight", .number(weight)),
      ("items", .array(items.map(\.jsonValue))),
    ])
  }
}

extension ItemSource.Reference {
  var jsonValue: JSONValue {
    var members: [(key: String, value: JSONValue)] = [("ref", .string(ref))]
    if let article { members.append(("article", .string(article))) }
    if let note { members.append(("note", note.jsonValue)) }
    return .object(members)
  }
}

extension Item {
  var jsonValue: JSONValue {
    var members: [(key: String, value: JSONValue)] = [
      ("id", .string(id.rawValue)), ("text", text.jsonValue), ("guidance", guidance.jsonValue),
      ("kind", .string(kind.name.rawValue)),
    ]
    if case .scale(let max) = kind { members.append(("max", .number(Double(max)))) }
    members.append(("weight", .number(weight)))
    members.append(("critical", .bool(critical)))
    var sourceMembers: [(key: String, value: JSONValue)]
    if case .object(let primary) = ItemSource.Reference(
      ref: source.ref, article: source.article, note: source.note
    )
    .jsonValue {
      sourceMembers = primary
    } else {
      sourceMembers = []
    }
    if !source.seeAlso.isEmpty { sourceMembers.append(("seeAlso", .array(source.seeAlso.map(\.jsonValue)))) }
    members.append(("source", .object(sourceMembers)))
    if !tags.isEmpty { members.append(("tags", .array(tags.map(JSONValue.string)))) }
    if let applicableWhen { members.append(("applicableWhen", applicableWhen.jsonValue)) }
    if let visits { members.append(("visits", .array(visits.map { .string($0.rawValue) }))) }
    if let validUntil { members.append(("validUntil", .string(validUntil.description))) }
    if let scopeNote { members.append(("scopeNote", scopeNote.jsonValue)) }
    return .object(members)
  }
}

extension ApplicabilityCondition {
  var jsonValue: JSONValue {
    var members: [(key: String, value: JSONValue)] = []
    if let item {
      members.append(("item", .string(item.rawValue)))
      members.append(("outcomes", .array(outcomes.map { .string($0.rawValue) })))
    }
    if let context {
      var fields: [(key: String, value: JSONValue)] = []
      if let provinces = context.provinces {
        fields.append(("province", .array(provinces.map(JSONValue.string))))
      }
      if let levels = context.levels { fields.append(("level", .array(levels.map { .string($0.rawValue) }))) }
      if let oneStopDesk = context.oneStopDesk { fields.append(("oneStopDesk", .bool(oneStopDesk))) }
      members.append(("context", .object(fields)))
    }
    return .object(members)
  }
}
