import Foundation
import KyCuongArchive
import Testing

@Suite("How two documents of one audit relate")
struct AuditVersionTests {
  static let identity = AuditVersion.Identity(
    unit: "UBND phường Hàng Bạc", checklistDigest: "sha256:aa",
    startedAt: Date(timeIntervalSince1970: 1_795_253_400),
    leader: "Nguyễn Văn An")
  static let chain = (1...10).map { "sha256:line\($0)" }

  static func log(_ events: Int, finished: Bool = false) -> AuditVersion {
    AuditVersion(
      identity: identity, eventCount: events, chainHead: chain[events - 1], finished: finished,
      stateDigest: "state\(events)", chain: Array(chain.prefix(events)))
  }

  static func export(
    _ events: Int, sealed: Bool = true, finished: Bool = false, state: String? = nil
  )
    -> AuditVersion
  {
    AuditVersion(
      identity: identity, eventCount: events, chainHead: sealed ? chain[events - 1] : nil, finished: finished,
      stateDigest: state ?? "state\(events)", chain: nil)
  }

  @Test("the same state in any form; later and earlier proved by the chain")
  func provedByChain() {
    #expect(Self.export(6).relation(to: Self.log(6)) == .sameState)
    #expect(Self.export(6, sealed: false).relation(to: Self.log(6)) == .sameState)
    #expect(Self.log(9).relation(to: Self.log(6)) == .later(proved: true))
    #expect(Self.log(9).relation(to: Self.export(6)) == .later(proved: true))
    #expect(Self.export(4).relation(to: Self.log(6)) == .earlier)
    // A log whose lines do not hold the archived head: diverged.
    var other = Self.log(9)
    other.chain = (1...9).map { "sha256:other\($0)" }
    other.chainHead = other.chain?.last
    guard case .conflict(let reason) = other.relation(to: Self.log(6)) else {
      Issue.record("diverged chains accepted")
      return
    }
    #expect(
      reason == "its chain does not contain the archived state's head sha256:line6: the two logs diverge")
  }

  @Test("without lines to prove it, the event count decides, and a finished state has no later one")
  func byEventCount() {
    #expect(Self.export(9).relation(to: Self.export(6)) == .later(proved: false))
    #expect(Self.export(3).relation(to: Self.export(6)) == .earlier)
    guard case .conflict(let finished) = Self.export(9).relation(to: Self.export(6, finished: true)) else {
      Issue.record("a state after a finished one accepted")
      return
    }
    #expect(finished.hasPrefix("the archived state (6 events) is finished, so no later state exists"))
    guard
      case .conflict(let same) = Self.export(6, state: "edited").relation(to: Self.export(6, sealed: false))
    else {
      Issue.record("other content with the same count accepted")
      return
    }
    #expect(
      same.hasPrefix("it has the same number of events (6) as the archived state but different content"))
    guard case .conflict(let head) = Self.export(6, state: "edited").relation(to: Self.log(6)) else {
      Issue.record("a claimed chain head with other content accepted")
      return
    }
    #expect(head.hasPrefix("it claims the archived state's chain head sha256:line6 but its content differs"))
  }

  @Test("another visit under the same id is a conflict, naming what differs")
  func otherVisit() {
    var other = Self.export(6)
    other.identity.unit = "UBND phường Cửa Nam"
    guard case .conflict(let reason) = other.relation(to: Self.log(6)) else {
      Issue.record("another unit accepted")
      return
    }
    #expect(
      reason
        == "it is another visit under the same audit id: unit \"UBND phường Hàng Bạc\" archived, "
        + "\"UBND phường Cửa Nam\" here")
  }
}
