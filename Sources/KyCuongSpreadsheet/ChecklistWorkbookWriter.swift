import KyCuong

/// Lays a checklist out in the sheets of ``ChecklistSheet``.
struct ChecklistWorkbookWriter {
  let checklist: Checklist
  let schema: String?

  func spreadsheet() -> Spreadsheet {
    Spreadsheet(sheets: ChecklistSheet.allCases.map(sheet))
  }

  private func sheet(_ layout: ChecklistSheet) -> Sheet {
    var sheet = Sheet(name: layout.name, rows: [layout.columns.map { .text($0.name) }])
    for row in rows(layout) {
      sheet.append(layout.columns.map { row[$0.name] ?? nil })
    }
    return sheet
  }

  private func rows(_ layout: ChecklistSheet) -> [[String: CellValue?]] {
    switch layout {
    case .items:
      checklist.sections.flatMap { section in section.items.map { itemRow($0, section: section) } }
    case .seeAlso:
      checklist.items.flatMap { item in
        item.source.seeAlso.map { reference in
          merge(
            ["item": text(item.id.rawValue), "ref": text(reference.ref), "article": text(reference.article)],
            localized(reference.note, "note"))
        }
      }
    case .sections:
      checklist.sections.map {
        merge(["id": text($0.id), "weight": .number($0.weight)], localized($0.title, "title"))
      }
    case .sources:
      checklist.sources.map { citation in
        merge(
          [
            "id": text(citation.id), "type": text(citation.type.rawValue), "number": text(citation.number),
            "date": text(citation.date), "article": text(citation.article), "url": text(citation.url),
          ], localized(citation.title, "title"), localized(citation.issuer, "issuer"),
          localized(citation.note, "note"))
      }
    case .tags: checklist.tags.map { merge(["id": text($0.id)], localized($0.label, "label")) }
    case .settings:
      ChecklistSheet.settingNames.map { ["setting": .text($0), "value": setting($0)] }
    case .bands:
      checklist.scoring.ratingBands.map {
        merge(
          ["id": text($0.id), "from": .number($0.from), "to": .number($0.to)], localized($0.label, "label"))
      }
    }
  }

  private func itemRow(_ item: Item, section: Section) -> [String: CellValue?] {
    var max: CellValue?
    if case .scale(let top) = item.kind { max = .number(Double(top)) }
    return merge(
      [
        "id": text(item.id.rawValue), "section": text(section.id), "kind": text(item.kind.name.rawValue),
        "weight": .number(item.weight), "critical": item.critical ? .bool(true) : nil,
        "tags": text(item.tags.isEmpty ? nil : item.tags.joined(separator: ", ")),
        "source": text(item.source.ref), "applicable_when": text(item.applicableWhen.map(ConditionCell.text)),
        "max": max, "visits": text(item.visits.map { $0.map(\.rawValue).joined(separator: ", ") }),
        "valid_until": text(item.validUntil?.description), "source_article": text(item.source.article),
      ], localized(item.text, "text"), localized(item.guidance, "guidance"),
      localized(item.scopeNote, "scope_note"), localized(item.source.note, "source_note"))
  }

  private func setting(_ name: String) -> CellValue? {
    switch name {
    case "id": text(checklist.id)
    case "version": text(checklist.version)
    case "title::vi": text(checklist.title.vi)
    case "title::en": text(checklist.title.en)
    case "description::vi": text(checklist.description.vi)
    case "description::en": text(checklist.description.en)
    case "scoring": text(checklist.scoring.model.rawValue)
    case "partial_credit": .number(checklist.scoring.partialCredit)
    case "historical": checklist.historical ? .bool(true) : nil
    case "scope_note::vi": text(checklist.scopeNote?.vi)
    case "scope_note::en": text(checklist.scopeNote?.en)
    case "schema": text(schema)
    default: nil
    }
  }

  private func text(_ value: String?) -> CellValue? {
    guard let value, !value.isEmpty else { return nil }
    return .text(value)
  }

  private func localized(_ value: LocalizedText?, _ column: String) -> [String: CellValue?] {
    ["\(column)::vi": text(value?.vi), "\(column)::en": text(value?.en)]
  }

  private func merge(_ parts: [String: CellValue?]...) -> [String: CellValue?] {
    parts.reduce(into: [:]) { result, part in result.merge(part) { first, _ in first } }
  }
}
