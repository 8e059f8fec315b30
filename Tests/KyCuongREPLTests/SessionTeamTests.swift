import Foundation
import KyCuong
import KyCuongREPL
import KyCuongStore
import Testing

@Suite("Merging a team audit and resolving its conflicts in the REPL, offline")
struct SessionTeamTests {
  /// The leader's session on a team audit that Bình answered `BADGE-01` on as 11/12 with a note, and the
  /// leader as 10/12, and Bình alone `POST-00` as pass; Bình's log is a file in the leader's folder of
  /// files, as handed over on a USB stick.
  func leaderWithMembersLogFile() throws -> (leader: Harness, member: Harness, id: String, file: String) {
    let (first, member, id) = try Harness.joinedMember(memberSender: nil, leaderSender: nil)
    #expect(member.send("goto BADGE-01").succeeded)
    #expect(member.send("11/12 // thẻ của một cán bộ hết hạn").succeeded)
    #expect(member.send("goto POST-00").succeeded)
    #expect(member.send("đạt").succeeded)
    member.send("quit")
    let leader = try Harness(language: .en, temporary: first.temporary)
    try member.store.logData(for: id).write(to: leader.filesDirectory.appending(path: "binh.jsonl"))
    #expect(leader.send("resume \(id)").succeeded)
    #expect(leader.send("goto BADGE-01").succeeded)
    #expect(leader.send("10/12").succeeded)
    return (leader, member, id, "binh.jsonl")
  }

  @Test("`merge FILE` folds a member's log in and shows the conflict with both recorders and the evidence")
  func mergeShowsTheConflict() throws {
    let (leader, _, id, file) = try leaderWithMembersLogFile()
    let ownEvents = try leader.store.logData(for: id)
    let merged = leader.send("merge \(file)")
    #expect(merged.succeeded, "\(merged.text)")
    #expect(merged.text.contains("2 device log(s)"), "\(merged.text)")
    #expect(merged.text.contains("binh-tablet") && merged.text.contains("(+"), "\(merged.text)")
    #expect(merged.text.contains("1 conflict(s): resolve each with `resolve ITEM ANSWER --reason TEXT`"))
    let lines = merged.text.split(separator: "\n").map(String.init)
    #expect(lines.contains { $0.contains("Nguyễn Văn An") && $0.contains("10/12") }, "\(merged.text)")
    #expect(lines.contains { $0.contains("Trần Thị Bình") && $0.contains("11/12") }, "\(merged.text)")
    #expect(lines.contains { $0.contains("note: thẻ của một cán bộ hết hạn") }, "\(merged.text)")
    #expect(try leader.store.logData(for: id) == ownEvents, "merging writes nothing to the leader's own log")
    // Merging the same file again brings nothing new; `merge` alone shows the same state.
    let again = leader.send("merge \(file)")
    #expect(again.succeeded && !again.text.contains("(+"), "\(again.text)")
    #expect(leader.send("merge").text.contains("1 conflict(s)"))
    #expect(try leader.store.teamLogs(for: id).map(\.log.device) == ["leader", "binh-tablet"])
    let finish = leader.send("finish --yes")
    #expect(!finish.succeeded && finish.text.contains("BADGE-01"), "\(finish.text)")
    #expect(finish.text.contains("The devices answered BADGE-01 differently"), "\(finish.text)")
  }

  @Test("`resolve` settles both answers with a logged decision; the merged audit then has no conflict")
  func resolveSettlesTheConflict() throws {
    let (leader, _, id, file) = try leaderWithMembersLogFile()
    #expect(leader.send("merge \(file)").succeeded)
    #expect(leader.session.completions(forLineBeforeCursor: "resolve ") == ["BADGE-01"])
    #expect(!leader.send("resolve BADGE-01 12/10 --reason Đếm lại").succeeded, "an answer the item refuses")
    #expect(!leader.send("resolve BADGE-01 10/12").succeeded, "the reason is required")
    let resolved = leader.send("resolve BADGE-01 10/12 --reason \"Đếm lại cùng đại diện đơn vị\"")
    #expect(resolved.succeeded, "\(resolved.text)")
    #expect(resolved.text.hasPrefix("✓ Resolved BADGE-01: 10/12 (settling "), "\(resolved.text)")
    #expect(resolved.text.contains("binh-tablet#") && resolved.text.contains("No conflict remains."))
    let merged = try leader.store.mergedAudit(id)
    #expect(merged.conflicts.isEmpty)
    #expect(merged.records["BADGE-01"]?.outcome == .observation(compliant: 10, observed: 12))
    let last = try #require(leader.session.audit?.events.last)
    guard case .resolved(let item, _, let reason, let settles) = last.change else {
      Issue.record("the leader's log ends with \(last.change)")
      return
    }
    #expect(item == "BADGE-01" && reason == "Đếm lại cùng đại diện đơn vị" && settles.count == 2)
    #expect(last.author == "Nguyễn Văn An")
    #expect(leader.send("merge").text.contains("No conflict."))
    // The reason is free text, kept in the log only; the files merged are not.
    #expect(!leader.session.keepsInHistory("resolve BADGE-01 10/12 --reason \"Bà Hà nói đã nhắc\""))
    #expect(leader.session.keepsInHistory("merge \(file)"))
  }

  @Test("on the leader's log, `show` and `score` are the whole team's: the conflict, what members answered")
  func showAndScoreAreTheTeams() throws {
    let (leader, _, _, file) = try leaderWithMembersLogFile()
    #expect(!leader.send("score").text.contains("merged from"))
    #expect(leader.send("merge \(file)").succeeded)
    let conflict = leader.send("goto BADGE-01").text
    #expect(
      conflict.contains("Conflict: the devices answered differently; `resolve` settles it"), "\(conflict)")
    #expect(conflict.contains("binh-tablet (Trần Thị Bình): 11/12"), "\(conflict)")
    #expect(conflict.contains("leader (Nguyễn Văn An): 10/12"), "\(conflict)")
    let answered = leader.send("goto POST-00").text
    #expect(answered.contains("Team (merged): pass (Trần Thị Bình)"), "\(answered)")
    let score = leader.send("score").text
    #expect(
      score.hasPrefix("The whole team's scores, merged from 2 devices; 1 item(s) in conflict count as open:"),
      "\(score)")
    #expect(leader.send("resolve BADGE-01 10/12 --reason \"Đếm lại\"").succeeded)
    let settled = leader.send("goto BADGE-01").text
    #expect(!settled.contains("Conflict") && !settled.contains("Team (merged)"), "\(settled)")
    #expect(leader.send("score").text.hasPrefix("The whole team's scores, merged from 2 devices:"))
  }

  @Test("a member's log neither merges nor resolves; nor does an audit with no member's log merged")
  func onlyTheLeaderMerges() throws {
    let (leader, member, id, file) = try leaderWithMembersLogFile()
    #expect(member.send("resume \(id)").succeeded)
    let merge = member.send("merge")
    #expect(!merge.succeeded && merge.text.contains("is the leader's, on the leader's log"), "\(merge.text)")
    #expect(!member.send("resolve BADGE-01 pass --reason x").succeeded)
    let nothing = leader.send("merge")
    #expect(!nothing.succeeded && nothing.text.contains("No member's log is merged yet"), "\(nothing.text)")
    #expect(!leader.send("resolve BADGE-01 10/12 --reason x").text.contains("Resolved"))
    let missing = leader.send("merge cuong.jsonl")
    #expect(!missing.succeeded && missing.text.contains("no such file"), "\(missing.text)")
    #expect(!leader.store.hasDeviceLogs(leader.session.audit?.id ?? ""), "nothing merged")
    #expect(leader.send("merge \(file)").succeeded)
  }

  @Test("the Vietnamese names work, and a text answer that starts like them stays an answer")
  func vietnameseNamesAndTextAnswers() throws {
    #expect(Command.match("hợp nhất binh.jsonl")?.command == .merge)
    #expect(Command.match("giải quyết BADGE-01 đạt --reason x")?.command == .resolve)
    #expect(Command.merge.accepts(arguments: "binh.jsonl \"cuong 2.jsonl\""))
    #expect(!Command.merge.accepts(arguments: "các bộ phận một cửa"), "`hợp nhất các bộ phận…` is text")
    #expect(!Command.resolve.accepts(arguments: "ngay trong ngày"), "`giải quyết ngay…` is text")
    #expect(Command.resolve.accepts(arguments: ""), "alone, `resolve` says how it is used")
    let (leader, _, _, file) = try leaderWithMembersLogFile()
    leader.send("lang vi")
    let merged = leader.send("hợp nhất \(file)")
    #expect(merged.succeeded && merged.text.contains("1 xung đột"), "\(merged.text)")
    #expect(leader.send("goto NOTE-01").succeeded)
    let answer = leader.send("giải quyết hồ sơ đúng hạn")
    #expect(answer.succeeded && answer.text.contains("NOTE-01"), "\(answer.text)")
  }
}
