import Foundation
import KyCuong
import KyCuongSupport
import Testing

/// The standard checklists in `Checklists/`: complete, bilingual, sourced, and scoring 100 and 0 at the extremes.
struct StandardChecklistsTests {
  /// The rules the checklists issue names, by the id of the item that checks each.
  static let namedRules: [String: [String: String]] = [
    "public-office-conduct": [
      "BADGE-01": "ID card worn", "BADGE-02": "card shows unit, photo, name, title, number",
      "DRESS-01": "dress neat and polite", "DRESS-03": "prescribed uniform worn", "CONDUCT-01": "greeting",
      "CONDUCT-02": "listening", "CONDUCT-03": "clear explanation", "CONDUCT-04": "no arrogance",
      "CONDUCT-05": "no harassment or obstruction", "CONDUCT-06": "no indifference",
      "CONDUCT-08": "telephone: name",
      "CONDUCT-09": "telephone: manners", "COMMIT-01": "10 commitments posted", "COMMIT-02": "the ten listed",
      "PROHIB-01": "no alcohol", "PROHIB-02": "no smoking indoors", "PROHIB-03": "no personal business",
      "OFFICE-01": "name plates with names and titles", "OFFICE-02": "room for receiving citizens",
    ],
    "procedure-posting": [
      "POST-01": "procedures posted", "POST-02": "all procedures posted", "POST-03": "matching the decision",
      "POST-04": "current", "POST-05": "clear", "POST-06": "right place", "POST-07": "easy to reach",
      "POST-08": "feedback channel posted", "ONESTOP-01": "one-stop list", "ONESTOP-02": "sequence",
      "ONESTOP-03": "receiving body", "ONESTOP-04": "channel", "ONESTOP-05": "apology slip",
      "RULES-01": "internal rules current", "RULES-02": "working regulations current",
    ],
    "authority-and-responsibility": [
      "AUTH-01": "nothing passed up", "AUTH-02": "nothing passed sideways", "AUTH-03": "no other unit's work",
      "AUTH-04": "out-of-scope files returned", "AUTH-06": "consultation not abused",
      "AUTH-08": "disagreements settled before submission", "TASK-02": "overdue tasks cleared",
      "ASSIGN-01": "rõ người, rõ việc, rõ trách nhiệm", "STAFF-01": "weak or shirking staff handled",
      "STAFF-02": "good work commended",
    ],
    "discipline-year-2017": [
      "Y2017-1-01": "focus area 1", "Y2017-2-04": "work plans reported to the head",
      "Y2017-2-06": "evaluation of heads of divisions", "Y2017-3-02": "no feasts or gifts",
      "Y2017-3-03": "simple ceremonies", "Y2017-3-05": "no lavish receptions",
    ],
    "discipline-review-2013": [
      "R2013-01": "internal rules reviewed", "R2013-02": "internal rules enforced",
      "R2013-03": "head's responsibility", "R2013-04": "duties assigned", "R2013-05": "fewer meetings",
      "R2013-06": "regular checks", "R2013-07": "breaches handled", "R2013-09": "IT monitoring",
      "R2013-11": "self-review",
    ],
  ]

  @Test func theFiveChecklistsAreBuiltInAndValid() throws {
    let catalog = try Catalog.standard
    #expect(catalog.checklists.map(\.id).sorted() == Self.namedRules.keys.sorted())
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appending(path: "Checklists")
    let fromFiles = try Catalog.load([folder])
    #expect(fromFiles.checklists == catalog.checklists, "the built-in copy differs from Checklists/")
  }

  @Test(arguments: namedRules.keys.sorted())
  func everyNamedRuleIsPresent(_ id: String) throws {
    let checklist = try #require(try Catalog.standard[id])
    for (itemID, rule) in Self.namedRules[id] ?? [:] {
      #expect(checklist.item(withID: ItemID(itemID)) != nil, "\(id) has no item \(itemID) (\(rule))")
    }
  }

  @Test(arguments: namedRules.keys.sorted())
  func everyItemIsBilingualGuidedAndSourced(_ id: String) throws {
    let checklist = try #require(try Catalog.standard[id])
    #expect(checklist.title.en?.isEmpty == false)
    #expect(checklist.description.en?.isEmpty == false)
    for item in checklist.items {
      #expect(item.text.en?.isEmpty == false, "\(item.id) has no English text")
      #expect(item.guidance.en?.isEmpty == false, "\(item.id) has no English guidance")
      #expect(!item.guidance.vi.isEmpty, "\(item.id) has no Vietnamese guidance")
      #expect(checklist.citation(withID: item.source.ref) != nil, "\(item.id) cites an unknown source")
      // Vietnamese with diacritics, not ASCII transliteration.
      #expect(
        item.text.vi.unicodeScalars.contains { !$0.isASCII }, "\(item.id) Vietnamese text has no diacritics")
    }
  }

  @Test func postingItemsApplyOnlyWhereTheUnitReceivesApplications() throws {
    let checklist = try #require(try Catalog.standard["procedure-posting"])
    let posting = checklist.items.filter { $0.id.rawValue.hasPrefix("POST-") && $0.id != "POST-00" }
    #expect(!posting.isEmpty)
    for item in posting { #expect(item.applicableWhen?.item == "POST-00", "\(item.id)") }
  }

  @Test func eachFocusAreaSectionTagsItsItems() throws {
    let checklist = try #require(try Catalog.standard["discipline-year-2017"])
    #expect(checklist.sections.count == 3)
    for (index, section) in checklist.sections.enumerated() {
      for item in section.items {
        #expect(item.tags.contains("focus-2017-\(index + 1)"), "\(item.id) lacks focus-2017-\(index + 1)")
      }
    }
  }

  @Test(arguments: namedRules.keys.sorted(), ScoringModel.allCases)
  func aFullyPassingAuditScores100AndAFullyFailingOne0(_ id: String, _ model: ScoringModel) throws {
    let checklist = try #require(try Catalog.standard[id])
    let passing = try Self.audit(of: checklist, passing: true).score(model: model)
    #expect(passing.overall == 100)
    #expect(passing.rating?.id == "excellent")
    #expect(passing.criticalFailures.isEmpty)
    #expect(passing.completeness.answered == passing.completeness.applicable)
    let failing = try Self.audit(of: checklist, passing: false).score(model: model)
    #expect(failing.overall == 0)
    #expect(failing.rating?.id == "notFulfilled")
    #expect(failing.criticalFailures == checklist.items.filter(\.critical).map(\.id))
  }

  /// Answers every item that applies, walking in order so that gates (`applicableWhen`) open first: gates
  /// pass (or answer yes); every other item takes its best or worst answer.
  /// The audit is a scheduled visit to a one-stop desk of a commune in Hà Nội, where every item can apply.
  static func audit(
    of checklist: Checklist, passing: Bool,
    context: AuditContext = AuditContext(province: "Hà Nội", level: .commune, oneStopDesk: true),
    visit: VisitType = .scheduled
  ) throws -> Audit {
    let time = Date(timeIntervalSince1970: 1_800_000_000)
    var audit = Audit(
      header: AuditHeader(
        id: "t", checklist: checklist, unit: InspectedUnit(name: "Đơn vị"), team: InspectionTeam(leader: "A"),
        visitType: visit, context: context), by: "A", at: time)
    let gates = Set(checklist.items.compactMap(\.applicableWhen?.item))
    for item in checklist.items where audit.applicability.isApplicable(item.id) {
      let outcome: Outcome
      switch item.kind {
      case .check: outcome = passing || gates.contains(item.id) ? .pass : .fail
      case .observation: outcome = .observation(compliant: passing ? 5 : 0, observed: 5)
      case .scale(let max): outcome = .scale(passing ? max : 0)
      case .text: outcome = .text("ghi nhận")
      // A yes/no question is not scored; "yes" opens the items that depend on it.
      case .yesNo: outcome = .yes
      }
      try audit.record(.answered(item: item.id, outcome: outcome, remark: nil), by: "A", at: time)
    }
    return audit
  }

  /// Items that apply only in Hà Nội: their context names the province.
  static func isHanoiOnly(_ item: Item) -> Bool {
    item.applicableWhen?.context?.provinces?.contains { VietnameseFolding.fold($0) == "ha noi" } ?? false
  }

  @Test(arguments: namedRules.keys.sorted())
  func aSurpriseVisitToACommuneDeskOutsideHanoiScoresNoHanoiOnlyItem(_ id: String) throws {
    let checklist = try #require(try Catalog.standard[id])
    let audit = try Self.audit(
      of: checklist, passing: false,
      context: AuditContext(province: "Thành phố Hải Phòng", level: .commune, oneStopDesk: true),
      visit: .surprise)
    let hanoiOnly = checklist.items.filter(Self.isHanoiOnly)
    for item in hanoiOnly {
      #expect(!audit.applicability.isApplicable(item.id), "\(item.id) applies outside Hà Nội")
    }
    let export = AuditExport(audit)
    let scored = export.items.filter { $0.score != nil }.map(\.id)
    #expect(Set(scored).isDisjoint(with: hanoiOnly.map(\.id)))
    // The same visit in Hà Nội does check them (those not ended by their `validUntil`).
    let inHanoi = try Self.audit(of: checklist, passing: false, visit: .surprise)
    for item in hanoiOnly
    where item.applicableWhen?.item == nil && (item.validUntil.map { $0 >= inHanoi.startDay } ?? true) {
      #expect(inHanoi.applicability.isApplicable(item.id), "\(item.id) does not apply in Hà Nội")
    }
  }

  @Test func hanoiOnlyItemsAreTheOnesTheChecklistsSayAreHanoiOnly() throws {
    let conduct = try #require(try Catalog.standard["public-office-conduct"])
    for id: ItemID in ["DRESS-04", "COMMIT-01", "COMMIT-02", "COMMIT-03"] {
      let item = try #require(conduct.item(withID: id))
      #expect(Self.isHanoiOnly(item), "\(id) should apply only in Hà Nội")
    }
    let year2017 = try #require(try Catalog.standard["discipline-year-2017"])
    #expect(year2017.historical)
    #expect(year2017.items.allSatisfy(Self.isHanoiOnly))
  }
}
