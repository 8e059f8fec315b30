import Foundation
import KyCuong
import KyCuongSamples
import Testing

/// Team audits merged from their devices' logs (issue 16): deterministic, idempotent, nothing lost,
/// conflicts shown until resolved, member logs without the leader's changes.
@Suite("Team audits merged across devices")
struct TeamMergeTests {
  static let checklist = AuditTests.checklist
  static let member2 = "Lê Văn Cường"

  /// The leader's audit, with a team of three.
  func leaderAudit() -> Audit {
    var header = Build.header(Self.checklist)
    header.team = InspectionTeam(leader: Fixed.inspector, members: [Fixed.colleague, Self.member2])
    var audit = Audit(header: header, by: Fixed.inspector, at: Fixed.start)
    for member in [Fixed.colleague, Self.member2] {
      _ = try? audit.record(.invited(member: member), by: Fixed.inspector, at: Fixed.at(1))
    }
    return audit
  }

  /// A member's audit: the leader's `started`, then `joined` on `device`.
  func memberAudit(_ leader: Audit, _ name: String, device: String, at seconds: TimeInterval) throws -> Audit
  {
    var audit = try Audit(replaying: [leader.events[0]])
    try audit.record(.joined(device: device), by: name, at: Fixed.at(seconds))
    return audit
  }

  func log(_ audit: Audit, _ name: String) -> DeviceLog { DeviceLog(name: name, events: audit.events) }

  /// The error `body` throws, or `nil`.
  func failure<E: Error>(_ type: E.Type, _ body: () throws -> Void) -> E? {
    do {
      try body()
      return nil
    } catch let error as E {
      return error
    } catch {
      Issue.record("unexpected error: \(error)")
      return nil
    }
  }

  /// Three devices: the leader checks the badges, Bình the postings, Cường one badge too.
  func threeDevices() throws -> (leader: Audit, binh: Audit, cuong: Audit) {
    var leader = leaderAudit()
    var binh = try memberAudit(leader, Fixed.colleague, device: "binh-laptop", at: 5)
    var cuong = try memberAudit(leader, Self.member2, device: "cuong-laptop", at: 6)
    try leader.record(
      .answered(item: "BADGE-01", outcome: .pass, remark: nil), by: Fixed.inspector, at: Fixed.at(10))
    try binh.record(
      .answered(item: "POST-00", outcome: .fail, remark: nil), by: Fixed.colleague, at: Fixed.at(11))
    try binh.record(
      .noted(item: "POST-00", text: "Không niêm yết 10 cam kết"), by: Fixed.colleague, at: Fixed.at(12))
    try cuong.record(
      .answered(item: "BADGE-02", outcome: .observation(compliant: 3, observed: 4), remark: nil),
      by: Self.member2,
      at: Fixed.at(12))
    try leader.record(.noted(item: nil, text: "Đoàn đến lúc 9 giờ 30"), by: Fixed.inspector, at: Fixed.at(12))
    return (leader, binh, cuong)
  }

  @Test("every device's events are in the merged audit, in time order, each with its device and recorder")
  func mergesEveryEvent() throws {
    let (leader, binh, cuong) = try threeDevices()
    let merged = try TeamMerge.merge([log(leader, "a"), log(binh, "b"), log(cuong, "c")])
    // started, 2 invitations, 2 joins, 5 recorded.
    #expect(merged.events.count == 10)
    #expect(merged.events.map(\.sequence) == Array(1...10))
    #expect(zip(merged.events, merged.events.dropFirst()).allSatisfy { $0.time <= $1.time })
    #expect(merged.records["POST-00"]?.state == .answered(.fail))
    #expect(merged.records["POST-00"]?.by == Fixed.colleague)
    #expect(merged.records["BADGE-02"]?.by == Self.member2)
    #expect(merged.records["BADGE-01"]?.by == Fixed.inspector)
    #expect(merged.records["POST-00"]?.notes.map(\.text) == ["Không niêm yết 10 cam kết"])
    // Ties in time (12 s) go by device id: binh-laptop, cuong-laptop, leader.
    let atTwelve = merged.events.filter { $0.time == Fixed.at(12) }.compactMap {
      merged.origins[$0.sequence]?.device
    }
    #expect(atTwelve == ["binh-laptop", "cuong-laptop", "leader"])
    #expect(
      merged.origins[merged.records["POST-00"]!.event!] == EventReference(device: "binh-laptop", sequence: 3))
    #expect(merged.conflicts.isEmpty)
    #expect(merged.isMerged && !leader.isMerged)
    #expect(binh.isMembersLog && !leader.isMembersLog)
  }

  @Test(
    "any order, any grouping and repeated or shorter copies give the same audit and the same export bytes")
  func deterministicAndIdempotent() throws {
    let (leader, binh, cuong) = try threeDevices()
    let logs = [log(leader, "a"), log(binh, "b"), log(cuong, "c")]
    let reference = try TeamMerge.merge(logs)
    let bytes = try AuditExport(reference).jsonData()
    let orders = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]]
    for order in orders {
      let merged = try TeamMerge.merge(order.map { logs[$0] })
      #expect(merged == reference)
      #expect(try AuditExport(merged).jsonData() == bytes)
    }
    // Merged again with itself, and with a copy of Bình's log cut short: nothing changes.
    let shorter = DeviceLog(name: "b-old", events: Array(binh.events.prefix(3)))
    let again = try TeamMerge.merge(logs + logs + [shorter])
    #expect(again == reference)
    #expect(try AuditExport(again).jsonData() == bytes)
    // A merged audit's events, merged as the leader's log is not: merging is over device logs only.
    #expect(try TeamMerge.merge([logs[0]]).events.count == leader.events.count)
  }

  @Test("seeded random team audits: every permutation of the logs merges to the same audit")
  func randomInterleavings() throws {
    var generator = SampleAudits.Generator(state: 16)
    let items: [ItemID] = ["BADGE-01", "BADGE-03", "BADGE-04", "POST-00"]
    for _ in 0..<40 {
      var leader = leaderAudit()
      var devices = [
        try memberAudit(leader, Fixed.colleague, device: "m1", at: 1),
        try memberAudit(leader, Self.member2, device: "m2", at: 1),
      ]
      var count = 0
      for step in 0..<24 {
        let time = Fixed.at(TimeInterval(2 + Int.random(in: 0..<20, using: &generator) + step))
        let who = Int.random(in: 0..<3, using: &generator)
        let item = items.randomElement(using: &generator)!
        let change: AuditEvent.Change =
          switch Int.random(in: 0..<4, using: &generator) {
          case 0: .noted(item: item, text: "ghi chú \(step)")
          case 1:
            .answered(
              item: item, outcome: item == "BADGE-03" ? .scale(2) : item == "BADGE-04" ? .text("đủ") : .pass,
              remark: nil)
          case 2:
            .answered(
              item: item,
              outcome: item == "BADGE-03" ? .scale(4) : item == "BADGE-04" ? .text("thiếu") : .fail,
              remark: nil)
          default: .skipped(item: item, reason: "vắng")
          }
        if who == 0 {
          if (try? leader.record(change, by: Fixed.inspector, at: time)) != nil { count += 1 }
        } else if (try? devices[who - 1].record(change, by: devices[who - 1].events[1].author, at: time))
          != nil
        {
          count += 1
        }
      }
      let logs = [log(leader, "l"), log(devices[0], "m1"), log(devices[1], "m2")]
      let merged = try TeamMerge.merge(logs)
      // Nothing lost: every recorded event, both invitations and joins, and the start.
      #expect(merged.events.count == count + 5)
      let bytes = try AuditExport(merged).jsonData()
      for order in [[2, 1, 0], [1, 0, 2], [0, 2, 1]] {
        #expect(try AuditExport(TeamMerge.merge(order.map { logs[$0] })).jsonData() == bytes)
      }
      // Every conflicted item is open; every open answerable item is in conflict or unanswered everywhere.
      for (item, conflict) in merged.conflicts {
        #expect(merged.records[item]?.state == .unanswered)
        #expect(conflict.answers.count >= 2)
        #expect(Set(conflict.answers.map(\.reference.device)).count == conflict.answers.count)
      }
      // The leader settles every conflict, its laptop's clock anywhere from the start to past the end of the
      // visit: the merge still takes each resolution, and still in any order of the logs.
      let others = Array(logs.dropFirst())
      for (item, conflict) in merged.conflicts.sorted(by: { $0.key < $1.key }) {
        let time = Fixed.at(TimeInterval(2 + Int.random(in: 0..<48, using: &generator)))
        try TeamMerge.record(
          .resolved(item: item, outcome: nil, reason: "đã xem lại", settles: conflict.references),
          by: Fixed.inspector, at: time, on: &leader, with: others)
      }
      let settledLogs = [log(leader, "l")] + others
      let settled = try TeamMerge.merge(settledLogs)
      #expect(settled.conflicts.isEmpty)
      let settledBytes = try AuditExport(settled).jsonData()
      for order in [[2, 1, 0], [1, 0, 2], [0, 2, 1]] {
        #expect(try AuditExport(TeamMerge.merge(order.map { settledLogs[$0] })).jsonData() == settledBytes)
      }
    }
  }

  @Test("two devices answering one item differently is a conflict: open, finish refused, until resolved")
  func conflictAndResolution() throws {
    var (leader, binh, cuong) = try threeDevices()
    try binh.record(
      .answered(item: "BADGE-01", outcome: .fail, remark: nil), by: Fixed.colleague, at: Fixed.at(20))
    try cuong.record(
      .answered(item: "BADGE-01", outcome: .pass, remark: nil), by: Self.member2, at: Fixed.at(21))
    var others = [log(binh, "b"), log(cuong, "c")]
    let merged = try TeamMerge.merge([log(leader, "a")] + others)
    let conflict = try #require(merged.conflicts["BADGE-01"])
    // The leader's and Cường's pass, Bình's fail: three current answers, with recorders and times.
    #expect(conflict.answers.map(\.recorder) == [Fixed.inspector, Fixed.colleague, Self.member2])
    #expect(conflict.answers.map(\.state) == [.answered(.pass), .answered(.fail), .answered(.pass)])
    #expect(conflict.answers.map(\.time) == [Fixed.at(10), Fixed.at(20), Fixed.at(21)])
    #expect(merged.records["BADGE-01"]?.state == .unanswered)
    #expect(merged.openItems.map(\.id).contains("BADGE-01"))
    // Answer the rest, on the leader's device: finishing is still refused for the conflict alone.
    for (item, outcome) in [("BADGE-03", Outcome.scale(3)), ("BADGE-04", .text("đủ"))] {
      try TeamMerge.record(
        .answered(item: ItemID(item), outcome: outcome, remark: nil), by: Fixed.inspector, at: Fixed.at(30),
        on: &leader, with: others)
    }
    let refusal = failure(TeamMergeError.self) {
      try TeamMerge.record(.finished, by: Fixed.inspector, at: Fixed.at(40), on: &leader, with: others)
    }
    #expect(refusal == .refused(.openItems(["BADGE-01"])))
    // The leader's own log alone has items open that members answered: a team audit is judged merged.
    #expect(leader.openItems.map(\.id).contains("POST-00"))
    // Resolved: the leader's answer, settling the three.
    try TeamMerge.record(
      .resolved(
        item: "BADGE-01", outcome: .fail, reason: "Ảnh chụp cho thấy 2 cán bộ không đeo thẻ",
        settles: conflict.references),
      by: Fixed.inspector, at: Fixed.at(41), on: &leader, with: others)
    var resolved = try TeamMerge.merge([log(leader, "a")] + others)
    #expect(resolved.conflicts.isEmpty)
    #expect(resolved.records["BADGE-01"]?.state == .answered(.fail))
    #expect(resolved.records["BADGE-01"]?.by == Fixed.inspector)
    #expect(resolved.records["BADGE-01"]?.remark == "Ảnh chụp cho thấy 2 cán bộ không đeo thẻ")
    // A later answer the resolution did not settle is a new conflict.
    try cuong.record(
      .answered(item: "BADGE-01", outcome: .pass, remark: "xem lại"), by: Self.member2, at: Fixed.at(50))
    others = [log(binh, "b"), log(cuong, "c")]
    resolved = try TeamMerge.merge([log(leader, "a")] + others)
    #expect(resolved.conflicts["BADGE-01"]?.answers.map(\.recorder) == [Fixed.inspector, Self.member2])
    #expect(
      failure(TeamMergeError.self) {
        try TeamMerge.record(.finished, by: Fixed.inspector, at: Fixed.at(60), on: &leader, with: others)
      } == .refused(.openItems(["BADGE-01"])))
  }

  @Test("a resolution comes after the answers it settles even when the leader's clock was behind")
  func resolutionAfterWhatItSettlesDespiteClocks() throws {
    var (leader, binh, _) = try threeDevices()
    try binh.record(
      .answered(item: "BADGE-01", outcome: .fail, remark: nil), by: Fixed.colleague, at: Fixed.at(20))
    let others = [log(binh, "b")]
    let conflict = try #require(try TeamMerge.merge([log(leader, "a")] + others).conflicts["BADGE-01"])
    // The leader's laptop is five minutes behind Bình's tablet: its decision is stamped before her answer.
    let decision = try TeamMerge.record(
      .resolved(item: "BADGE-01", outcome: .fail, reason: "Đã đếm lại", settles: conflict.references),
      by: Fixed.inspector, at: Fixed.at(15), on: &leader, with: others)
    let merged = try TeamMerge.merge([log(leader, "a")] + others)
    #expect(merged.conflicts.isEmpty)
    #expect(merged.records["BADGE-01"]?.state == .answered(.fail))
    let placed = try #require(merged.events.last)
    #expect(placed.change == decision.change && placed.time == Fixed.at(15), "kept as recorded, placed last")
    #expect(try TeamMerge.merge(others + [log(leader, "a")]).events == merged.events, "in any order")
  }

  @Test("devices that agree are no conflict; withdrawing an answer brings back the device's earlier one")
  func agreementAndRetraction() throws {
    var (leader, binh, _) = try threeDevices()
    try binh.record(
      .answered(item: "BADGE-01", outcome: .pass, remark: nil), by: Fixed.colleague, at: Fixed.at(20))
    var merged = try TeamMerge.merge([log(leader, "a"), log(binh, "b")])
    #expect(merged.conflicts.isEmpty)
    #expect(merged.records["BADGE-01"]?.state == .answered(.pass))
    // Bình changes to fail (conflict), then withdraws it (no conflict again): the retraction names Bình's own
    // event 6, which the merge maps to its merged number.
    let changed = try binh.record(
      .answered(item: "BADGE-01", outcome: .fail, remark: "nhầm"), by: Fixed.colleague, at: Fixed.at(21))
    merged = try TeamMerge.merge([log(leader, "a"), log(binh, "b")])
    #expect(merged.conflicts["BADGE-01"] != nil)
    try binh.record(
      .retracted(event: changed.sequence, reason: "ghi nhầm"), by: Fixed.colleague, at: Fixed.at(22))
    merged = try TeamMerge.merge([log(leader, "a"), log(binh, "b")])
    #expect(merged.conflicts.isEmpty)
    #expect(merged.records["BADGE-01"]?.state == .answered(.pass))
    let retraction = try #require(merged.retractions.first)
    #expect(
      merged.origins[retraction.withdrawn.sequence]
        == EventReference(device: "binh-laptop", sequence: changed.sequence))
  }

  @Test("a member's log takes no finishing, reopening, signing or resolving, live or read back")
  func membersMayNotClose() throws {
    var (leader, binh, _) = try threeDevices()
    for change: AuditEvent.Change in [
      .finished, .reopened(reason: "x"), .recordDetails(pages: 1, copies: 1),
      .refusedToSign(name: "A", reason: "x"),
      .signed(signer: "A", keyFingerprint: nil),
      .resolved(
        item: "BADGE-01", outcome: .pass, reason: "x",
        settles: [EventReference(device: "leader", sequence: 2)]),
    ] {
      #expect(throws: AuditError.leadersOnly(type: change.typeName)) {
        try binh.record(change, by: Fixed.colleague, at: Fixed.at(90))
      }
    }
    // A member's log edited to hold a finishing is refused on reading, and so by the merge.
    var forged = binh.events
    forged.append(
      AuditEvent(sequence: forged.count + 1, time: Fixed.at(95), author: Fixed.colleague, change: .finished))
    let error = failure(TeamMergeError.self) {
      _ = try TeamMerge.merge([log(leader, "a"), DeviceLog(name: "b", events: forged)])
    }
    #expect(
      error
        == .notAnAudit(
          log: "b",
          reason: .invalidEvent(
            sequence: forged.count, type: "finished", reason: .leadersOnly(type: "finished"))))
    // `joined` only second; device ids are checked.
    #expect(throws: AuditError.joinedOutOfPlace) {
      try leader.record(.joined(device: "x1"), by: Fixed.colleague, at: Fixed.at(99))
    }
    var fresh = try Audit(replaying: [leader.events[0]])
    #expect(throws: AuditError.invalidDevice("leader")) {
      try fresh.record(.joined(device: "leader"), by: Fixed.colleague, at: Fixed.at(99))
    }
    #expect(throws: AuditError.invalidDevice("Laptop 1")) {
      try fresh.record(.joined(device: "Laptop 1"), by: Fixed.colleague, at: Fixed.at(99))
    }
  }

  @Test("refused: a forked device, another audit, a stranger, a resolution naming no answer")
  func refusals() throws {
    let (leader, binh, _) = try threeDevices()
    // Two copies of Bình's device that part at event 3.
    var other = try memberAudit(leader, Fixed.colleague, device: "binh-laptop", at: 5)
    try other.record(
      .answered(item: "POST-00", outcome: .pass, remark: nil), by: Fixed.colleague, at: Fixed.at(11))
    #expect(
      failure(TeamMergeError.self) {
        _ = try TeamMerge.merge([log(leader, "a"), log(binh, "b1"), log(other, "b2")])
      }
        == .forked(device: "binh-laptop", sequence: 3, logs: ["b1", "b2"]))
    // A log of another audit.
    var header = Build.header(Self.checklist, id: "20261122-1000-khac-0001")
    header.team = InspectionTeam(leader: Fixed.inspector, members: [Fixed.colleague])
    let stranger = Audit(header: header, by: Fixed.inspector, at: Fixed.start)
    #expect(
      failure(TeamMergeError.self) { _ = try TeamMerge.merge([log(leader, "a"), log(stranger, "x")]) }
        == .differentAudit(log: "x", expected: leader.id, found: header.id))
    // Someone not in the team joins.
    let outsider = try memberAudit(leader, "Người Lạ", device: "x1", at: 7)
    #expect(
      failure(TeamMergeError.self) { _ = try TeamMerge.merge([log(leader, "a"), log(outsider, "o")]) }
        == .notATeamMember(log: "o", name: "Người Lạ"))
    // A resolution naming an event that is not an answer of its item.
    var resolving = leader
    #expect(
      failure(TeamMergeError.self) {
        try TeamMerge.record(
          .resolved(
            item: "BADGE-01", outcome: .pass, reason: "x",
            settles: [EventReference(device: "binh-laptop", sequence: 4)]),
          by: Fixed.inspector, at: Fixed.at(30), on: &resolving, with: [log(binh, "b")])
      } == .refused(.notAnAnswer(EventReference(device: "binh-laptop", sequence: 4), item: "BADGE-01")))
    #expect(resolving == leader)
    #expect(failure(TeamMergeError.self) { _ = try TeamMerge.merge([]) } == .noLogs)
  }

  @Test("a member's event after the leader finished is refused until the leader reopens")
  func eventsAfterFinishing() throws {
    var leader = leaderAudit()
    var binh = try memberAudit(leader, Fixed.colleague, device: "binh-laptop", at: 5)
    for item in Self.checklist.items {
      let outcome: Outcome =
        switch item.kind {
        case .scale: .scale(3)
        case .text: .text("đủ")
        case .observation: .observation(compliant: 2, observed: 2)
        default: .pass
        }
      try leader.record(
        .answered(item: item.id, outcome: outcome, remark: nil), by: Fixed.inspector, at: Fixed.at(10))
    }
    try TeamMerge.record(
      .finished, by: Fixed.inspector, at: Fixed.at(20), on: &leader, with: [log(binh, "b")])
    try binh.record(.noted(item: "POST-00", text: "muộn"), by: Fixed.colleague, at: Fixed.at(30))
    #expect(
      failure(TeamMergeError.self) { _ = try TeamMerge.merge([log(leader, "a"), log(binh, "b")]) }
        == .recordedAfterFinishing(EventReference(device: "binh-laptop", sequence: 3), type: "noted"))
    try leader.reopen(reason: "Nhận thêm ghi chép của thành viên")
    let merged = try TeamMerge.merge([log(leader, "a"), log(binh, "b")])
    #expect(!merged.isFinished)
    #expect(merged.records["POST-00"]?.notes.map(\.text) == ["muộn"])
    // The leader's log reads back alone too, though it finished with items only the merge answers.
    #expect(try Audit(replaying: leader.events) == leader)
    // A log handed over late whose answer, recorded before the finishing, contradicts the leader's.
    var cuong = try memberAudit(leader, Self.member2, device: "cuong-laptop", at: 6)
    try cuong.record(
      .answered(item: "BADGE-01", outcome: .fail, remark: nil), by: Self.member2, at: Fixed.at(15))
    var finishedAgain = leader
    try TeamMerge.record(
      .finished, by: Fixed.inspector, at: Fixed.at(40), on: &finishedAgain, with: [log(binh, "b")])
    #expect(
      failure(TeamMergeError.self) {
        _ = try TeamMerge.merge([log(finishedAgain, "a"), log(binh, "b"), log(cuong, "c")])
      } == .finishedWithOpenItems(["BADGE-01"]))
  }

  @Test("joined and resolved events read back from their log lines")
  func eventsRoundTrip() throws {
    for change: AuditEvent.Change in [
      .joined(device: "binh-laptop"),
      .resolved(
        item: "BADGE-01", outcome: .pass, reason: "lý do",
        settles: [EventReference(device: "leader", sequence: 2)]),
      .resolved(
        item: "BADGE-01", outcome: nil, reason: "không kiểm tra",
        settles: [EventReference(device: "m1", sequence: 9)]),
    ] {
      let event = AuditEvent(sequence: 2, time: Fixed.at(1), author: Fixed.colleague, change: change)
      let data = try EventLog.line(for: event)
      #expect(EventLog.read(data).events == [event])
    }
    #expect(EventReference("binh-laptop#12") == EventReference(device: "binh-laptop", sequence: 12))
    #expect(EventReference("#12") == nil && EventReference("a#0") == nil && EventReference("a") == nil)
  }
}
