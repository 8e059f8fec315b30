import Foundation
import KyCuong
import KyCuongIntegrity
import KyCuongStore
import KyCuongTestSupport
import Testing

/// A team audit on three devices, offline, through the `kycuong` binary as a team uses it (issue 16):
/// invite, join, record on each device, merge, a conflict that blocks `finish`, `resolve`, `finish`,
/// `export`, and `verify` of the export against every device's log.
@Suite("Team audits with the kycuong command", .enabled(if: KyCuongBinary.url != nil))
struct TeamCommandTests {
  static let leader = Sample.inspector
  static let binh = "Trần Thị Bình"
  static let cuong = "Lê Văn Cường"

  func kycuong(_ arguments: [String], in folder: URL, input: String? = nil) throws -> CommandRun {
    try CommandRun.run(KyCuongBinary.url, arguments, in: folder, input: input)
  }

  /// The REPL on `store`, in English, recording as `inspector`, fed `input`.
  func session(_ store: URL, as inspector: String, _ input: String, in folder: URL) throws -> CommandRun {
    try kycuong(
      ["audit", "--store", store.path, "--lang", "en", "--inspector", inspector], in: folder, input: input)
  }

  @Test("three devices, one conflict resolved: the export pins each device's log and verifies against them")
  func teamAudit() throws {
    let folder = try Sample.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let stores = ["leader", "binh", "cuong"].map { folder.appending(path: $0, directoryHint: .isDirectory) }
    // The leader's audit, started, with a team of three.
    let header = AuditHeader(
      id: "20261202-0900-team-1a2b", checklist: Sample.checklist(),
      unit: InspectedUnit(name: "UBND phường Hàng Bạc", address: "Hà Nội"),
      team: InspectionTeam(leader: Self.leader, members: [Self.binh, Self.cuong]), visitType: .scheduled)
    let id = header.id
    do {
      let store = AuditStore(directory: stores[0])
      try store.create(Audit(header: header, by: Self.leader, at: Sample.start))
      store.close(id)
    }
    // Invitations, and each member joins on their own store (device).
    for (name, member, device) in [("binh", Self.binh, "binh-laptop"), ("cuong", Self.cuong, "cuong-laptop")]
    {
      let invite = try kycuong(
        ["audit", "invite", id, "--member", member, "--store", stores[0].path, "-o", "\(name).json"],
        in: folder)
      #expect(invite.status == 0, "\(invite.error)")
      let store = name == "binh" ? stores[1] : stores[2]
      let join = try kycuong(
        ["audit", "join", "\(name).json", "--device", device, "--store", store.path], in: folder)
      #expect(join.status == 0, "\(join.error)")
      #expect(join.output.contains("Joined audit \(id)"), "\(join.output)")
    }
    let stranger = try kycuong(
      ["audit", "invite", id, "--member", "Người Lạ", "--store", stores[0].path], in: folder)
    #expect(stranger.status == 1, "\(stranger.error)")
    // Each records offline. Bình says A-1 fails, Cường that it passes; a member cannot finish.
    let binh = try session(
      stores[1], as: Self.binh, "resume \(id)\ngoto A-1\nfail\nnote 2 cán bộ không đeo thẻ\nfinish\n",
      in: folder)
    #expect(binh.status == 1, "\(binh.output)")
    #expect(binh.output.contains("Only the team leader"), "\(binh.output)")
    let cuong = try session(
      stores[2], as: Self.cuong, "resume \(id)\ngoto A-1\npass\ngoto A-2\n10/12\n", in: folder)
    #expect(cuong.status == 0, "\(cuong.output)\(cuong.error)")
    let leader = try session(stores[0], as: Self.leader, "resume \(id)\ngoto A-3\npass\n", in: folder)
    #expect(leader.status == 0, "\(leader.output)\(leader.error)")
    // The leader merges the two members' logs: a conflict on A-1, with both recorders and Bình's note.
    let logs = [stores[1], stores[2]].map { $0.appending(path: "\(id).jsonl").path }
    let merge = try kycuong(["audit", "merge", id] + logs + ["--store", stores[0].path], in: folder)
    #expect(merge.status == 1, "\(merge.error)")
    #expect(merge.output.contains("binh-laptop"), "\(merge.output)")
    #expect(merge.output.contains("1 conflict(s)"), "\(merge.output)")
    #expect(merge.output.contains("binh-laptop#3"), "\(merge.output)")
    #expect(merge.output.contains("cuong-laptop#3"), "\(merge.output)")
    #expect(merge.output.contains("note: 2 cán bộ không đeo thẻ"), "\(merge.output)")
    // Merged again: nothing new, the copies' bytes unchanged.
    let team = stores[0].appending(path: "\(id).team")
    let copies = try FileManager.default.contentsOfDirectory(atPath: team.path).sorted()
    #expect(copies == ["binh-laptop.jsonl", "cuong-laptop.jsonl"])
    let before = try copies.map { try Data(contentsOf: team.appending(path: $0)) }
    let again = try kycuong(
      ["audit", "merge", id] + logs.reversed() + ["--store", stores[0].path], in: folder)
    #expect(again.status == 1)
    #expect(!again.output.contains("new)"), "\(again.output)")
    #expect(try copies.map { try Data(contentsOf: team.appending(path: $0)) } == before)
    // Finish refuses: on the merged audit, A-1 is in conflict (the leader's own log does not know it).
    let refused = try session(stores[0], as: Self.leader, "resume \(id)\nfinish --yes\n", in: folder)
    #expect(refused.status == 1, "\(refused.output)")
    #expect(refused.output.contains("A-1"), "\(refused.output)")
    // Resolved; then finished and exported in the REPL.
    let resolve = try kycuong(
      [
        "audit", "resolve", id, "A-1", "fail", "--reason", "Ảnh chụp: 2 cán bộ không đeo thẻ", "--store",
        stores[0].path,
      ],
      in: folder)
    #expect(resolve.status == 0, "\(resolve.output)\(resolve.error)")
    #expect(
      resolve.output.contains("Resolved A-1: fail, settling binh-laptop#3, cuong-laptop#3"),
      "\(resolve.output)")
    let export = folder.appending(path: "team.json")
    let record = folder.appending(path: "record.md")
    let closing = try session(
      stores[0], as: Self.leader,
      "resume \(id)\nfinish --yes\nexport \(export.path)\nrecord \(record.path)\n",
      in: folder)
    #expect(closing.status == 0, "\(closing.output)\(closing.error)")
    // The record says who recorded each answer.
    let recordText = try String(contentsOf: record, encoding: .utf8)
    #expect(recordText.contains("(recorded by \(Self.cuong))"), "\(recordText)")
    #expect(recordText.contains("(recorded by \(Self.leader))"))
    // The department archive takes the team's export as it takes any: verified, then archived.
    let archive = folder.appending(path: "archive.sqlite").path
    let imported = try kycuong(["archive", "import", "--database", archive, export.path], in: folder)
    #expect(imported.status == 0, "\(imported.output)\(imported.error)")
    #expect(imported.output.contains("archived \(id)"), "\(imported.output)")
    // A bundle holds one log: a team audit's is refused, saying what to hand over instead.
    let bundle = try kycuong(["bundle", id, "-o", "team.zip", "--store", stores[0].path], in: folder)
    #expect(bundle.status == 2)
    #expect(bundle.error.contains("a team audit's bundle is not made yet"), "\(bundle.error)")
    let exported = try AuditExport(data: Data(contentsOf: export))
    #expect(exported.integrity?.devices?.map(\.device) == ["binh-laptop", "cuong-laptop", "leader"])
    #expect(exported.integrity?.devices?.map(\.recorder) == [Self.binh, Self.cuong, Self.leader])
    let byItem = Dictionary(uniqueKeysWithValues: exported.items.map { ($0.id, $0) })
    #expect(byItem["A-1"]?.by == Self.leader)
    #expect(byItem["A-2"]?.by == Self.cuong)
    #expect(byItem["A-3"]?.by == Self.leader)
    // verify: against every device's log, intact (unsigned: 3); without one, or with one changed, not.
    let deviceLogs =
      [stores[0].appending(path: "\(id).jsonl").path] + copies.map { team.appending(path: $0).path }
    let verify = try kycuong(["verify", export.path] + deviceLogs.flatMap { ["--log", $0] }, in: folder)
    #expect(verify.status == 3, "\(verify.output)\(verify.error)")
    let missing = try kycuong(
      ["verify", export.path] + deviceLogs.dropLast().flatMap { ["--log", $0] }, in: folder)
    #expect(missing.status == 1)
    #expect(missing.output.contains("device cuong-laptop"), "\(missing.output)")
    let changed = folder.appending(path: "changed.jsonl")
    let text = try String(contentsOf: URL(fileURLWithPath: deviceLogs[1]), encoding: .utf8)
    try text.replacingOccurrences(of: "không đeo thẻ", with: "đeo thẻ đủ").write(
      to: changed, atomically: true, encoding: .utf8)
    let tampered = try kycuong(
      ["verify", export.path, "--log", deviceLogs[0], "--log", changed.path, "--log", deviceLogs[2]],
      in: folder)
    #expect(tampered.status == 1)
    #expect(tampered.output.contains("device log 2 is not intact"), "\(tampered.output)")
  }

  @Test("refused merges leave the store as it was: another audit's log, a forked device, a finished audit")
  func refusedMerges() throws {
    let folder = try Sample.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = AuditStore(directory: folder.appending(path: "leader"))
    let audit = try Sample.audit(id: "20261202-1000-team-3c4d", finished: false)
    try store.create(audit)
    store.close(audit.id)
    let invitation = try store.invite("Trần Thị Bình", to: audit.id, at: Sample.start)
    let member = AuditStore(directory: folder.appending(path: "binh"))
    var binh = try member.join(invitation, device: "binh-laptop", at: Sample.start.addingTimeInterval(60))
    let event = try binh.record(
      .noted(item: "A-1", text: "Bàn tiếp dân"), by: "Trần Thị Bình", at: Sample.start.addingTimeInterval(90))
    try member.append(event, to: audit.id)
    member.close(audit.id)
    let binhLog = member.logURL(for: audit.id).path
    // A fork of Bình's device: the same join, another event.
    let fork = AuditStore(directory: folder.appending(path: "fork"))
    var forked = try fork.join(invitation, device: "binh-laptop", at: Sample.start.addingTimeInterval(60))
    try fork.append(
      forked.record(
        .noted(item: "A-2", text: "Khác"), by: "Trần Thị Bình", at: Sample.start.addingTimeInterval(90)),
      to: audit.id)
    fork.close(audit.id)
    let other = try Sample.audit(id: "20261202-1100-other-5e6f", finished: false)
    let otherLog = folder.appending(path: "other.jsonl")
    try Sample.chainedLog(other).write(to: otherLog)
    let leaderStore = folder.appending(path: "leader").path
    let first = try kycuong(["audit", "merge", audit.id, binhLog, "--store", leaderStore], in: folder)
    #expect(first.status == 0, "\(first.output)\(first.error)")
    let copy = folder.appending(path: "leader/\(audit.id).team/binh-laptop.jsonl")
    let kept = try Data(contentsOf: copy)
    for (file, expected) in [
      (otherLog.path, "not a log of this audit"),
      (fork.logURL(for: audit.id).path, "device binh-laptop has two different logs"),
    ] {
      let refused = try kycuong(["audit", "merge", audit.id, file, "--store", leaderStore], in: folder)
      #expect(refused.status == 1)
      #expect(refused.error.contains(expected), "\(refused.error)")
      #expect(try Data(contentsOf: copy) == kept)
    }
    // Finished (everything answered), then Bình's late note: refused until reopened.
    do {
      let leaderAudit = AuditStore(directory: folder.appending(path: "leader"))
      var own = try leaderAudit.open(audit.id).audit
      let others = try leaderAudit.teamLogs(for: audit.id).dropFirst().map(\.log)
      let finishing = try TeamMerge.record(
        .finished, by: Sample.inspector, at: Sample.start.addingTimeInterval(700), on: &own, with: others)
      try leaderAudit.append(finishing, to: audit.id)
      leaderAudit.close(audit.id)
    }
    var late = try member.open(audit.id).audit
    try member.append(
      late.record(
        .noted(item: "A-3", text: "Muộn"), by: "Trần Thị Bình", at: Sample.start.addingTimeInterval(800)),
      to: audit.id)
    member.close(audit.id)
    let refused = try kycuong(["audit", "merge", audit.id, binhLog, "--store", leaderStore], in: folder)
    #expect(refused.status == 1)
    #expect(refused.error.contains("reopen the audit"), "\(refused.error)")
    #expect(try Data(contentsOf: copy) == kept)
  }
}
