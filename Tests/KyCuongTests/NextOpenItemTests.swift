import Foundation
import KyCuong
import KyCuongSamples
import Testing

/// `Audit.nextOpenItem(after:)`, the REPL's "where next" after every answer, against the rule it implements
/// written the plain way over ``Audit/openItems``.
@Suite("Next open item: one walk, the same item")
struct NextOpenItemTests {
  /// The rule: the first open item after `itemID` in checklist order, else the first open item.
  static func oracle(_ audit: Audit, after itemID: ItemID?) -> ItemID? {
    let open = audit.openItems.map(\.id)
    let items = audit.checklist.sections.flatMap(\.items).map(\.id)
    guard let itemID, let position = items.firstIndex(of: itemID) else { return open.first }
    return items[(position + 1)...].first { open.contains($0) } ?? open.first
  }

  @Test("every item of every state of sample audits, replayed event by event, nil and an unknown id")
  func sameAsTheRule() throws {
    var compared = 0
    var wrapped = 0
    var nothingOpen = 0
    for index in 0..<12 {
      let audit = SampleAudits.audit(index, seed: 31)
      // Every third prefix of the log: open items thin out, conditions switch items on and off.
      for count in stride(from: 1, through: audit.events.count, by: 3) {
        let partial = try Audit(replaying: Array(audit.events.prefix(count)))
        let items = partial.checklist.sections.flatMap(\.items).map(\.id)
        for id in [nil, "NO-SUCH-ITEM"] + items.map(Optional.init) {
          let expected = Self.oracle(partial, after: id)
          #expect(
            partial.nextOpenItem(after: id) == expected,
            "sample \(index), \(count) events, after \(id?.rawValue ?? "nil")")
          compared += 1
          if expected == nil { nothingOpen += 1 }
          if let id, let expected, let from = items.firstIndex(of: id),
            let to = items.firstIndex(of: expected),
            to <= from
          {
            wrapped += 1
          }
        }
      }
    }
    // The cases include going on from the top past the end, and states with nothing open.
    #expect(compared > 1_000)
    #expect(wrapped > 0)
    #expect(nothingOpen > 0)
  }
}
