import Foundation
import KyCuong
import KyCuongStore

extension Session {
  /// On the leader's log of a team audit with members' logs merged here: the merged audit — what the whole
  /// team recorded, conflicts included — merged again only when the leader's log or a device log changed.
  /// `nil` elsewhere, and when the logs do not merge (`merge` says why). For showing only: `finish`,
  /// `export` and `resolve` merge the logs afresh, each read and checked.
  var teamAudit: Audit? {
    // Only a log that invited members has members' logs merged into it (the merge refuses any other): an
    // audit of one inspector looks at no folder when an item is shown, after every answer.
    guard let audit, !audit.isMembersLog, !audit.invitedMembers.isEmpty else { return nil }
    let sizes = store.deviceLogSizes(for: audit.id)
    guard !sizes.isEmpty else { return nil }
    if let cache = teamAuditCache, cache.events == audit.events.count, cache.deviceLogs == sizes {
      return cache.audit
    }
    guard let merged = try? store.mergedAudit(audit.id) else { return nil }
    teamAuditCache = (audit.events.count, sizes, merged)
    return merged
  }

  /// What the other devices recorded on `item`, shown under the leader's own record of it: the conflict
  /// with each device's answer, or the team's answer when it is not the leader's own.
  func teamLines(for item: Item, in team: Audit, own: ItemRecord) -> [String] {
    if let conflict = team.conflicts[item.id] {
      return ["  " + style.yellow(text(.labelConflict)) + ": " + text(.conflictHint)]
        + conflict.answers.map { answer in
          "    \(answer.reference.device) (\(answer.recorder)): "
            + TeamListing.describe(answer.state, in: language)
        }
    }
    guard let merged = team.records[item.id], merged.state != .unanswered, merged.state != own.state else {
      return []
    }
    let by = merged.by.map { " (\($0))" } ?? ""
    return ["  " + text(.labelTeamAnswer) + ": " + TeamListing.describe(merged.state, in: language) + by]
  }

  /// `merge [LOG.jsonl…]`, on the leader's log of a team audit: folds the members' device logs (each an exact
  /// copy of a member's `AUDIT.jsonl`) into the store as `kycuong audit merge` does — checked, idempotent,
  /// nothing replaced — and shows the devices and every conflict with both recorders, times and evidence.
  /// With no file, shows the merged audit as it stands. The session's own log is not touched.
  func merge(_ rest: String) -> SessionReply {
    guard let audit else { return refuse(.noAudit) }
    if audit.isMembersLog { return refuse(.teamLeaderOnly(.merge)) }
    let paths = Arguments.words(of: rest)
    if paths.isEmpty {
      guard store.hasDeviceLogs(audit.id) else { return refuse(.noMembersLogs) }
      do {
        let logs = try store.teamLogs(for: audit.id).map(\.log)
        let merged = try AuditStore.mergedAudit(of: logs)
        return reply(
          .teamState(audit: merged, devices: logs.map { AuditStore.MergedDevice(log: $0, added: 0) }))
      } catch {
        return refuse(.openFailed(error))
      }
    }
    if isReadOnly { return refuse(.readOnly(id: audit.id)) }
    var files: [(name: String, data: Data)] = []
    for path in paths {
      let url = resolve(path, against: configuration.attachmentDirectory)
      do {
        files.append((url.path, try BoundedFile.read(url, limit: BoundedFile.maximumLogSize)))
      } catch {
        return refuse(.mergeFileUnreadable(error))
      }
    }
    do {
      let report = try store.merge(files, into: audit.id)
      return reply(.teamState(audit: report.audit, devices: report.devices))
    } catch {
      return refuse(.syncMergeRefused(error))
    }
  }

  /// `resolve ITEM ANSWER|skip --reason TEXT`, on the leader's log of a team audit: records the leader's
  /// decision on an item (the answer as typed for any item, or `skip` with the reason as the skip's), settling
  /// every device's answer in conflict — or, with none in conflict, the item's current answer, which the
  /// leader overrules. Checked against every device's log merged so far, as `finish` is.
  func resolve(_ rest: String) -> SessionReply {
    guard let audit else { return refuse(.noAudit) }
    if audit.isMembersLog { return refuse(.teamLeaderOnly(.resolve)) }
    let arguments: Arguments
    switch self.arguments(rest, for: .resolve, options: ["reason"]) {
    case .success(let parsed): arguments = parsed
    case .failure(let refusal): return refusal.reply
    }
    let answer = Command.rest(of: arguments.text, after: 1)
    // A blank reason is the core's to refuse, with the field named.
    guard let word = arguments.positional.first, !answer.isEmpty, let reason = arguments.options["reason"]
    else { return refuse(.usage(.resolve)) }
    guard let item = item(named: word) else {
      return refuse(.noSuchItem(id: word, suggestion: nil))
    }
    guard store.hasDeviceLogs(audit.id) else { return refuse(.noMembersLogs) }
    let outcome: Outcome?
    if ["skip", "boqua", "bo qua"].contains(VietnameseFolding.fold(answer)) {
      outcome = nil
    } else if let parsed = parseAnswer(answer, for: item) {
      outcome = parsed
    } else {
      return refuse(
        .answerNotAccepted(
          item: item.id, kind: item.kind, given: answer,
          suggestion: AnswerParser.suggestion(for: answer, kind: item.kind)))
    }
    let settles: [EventReference]
    do {
      settles = TeamMerge.answersToSettle(item.id, in: try store.mergedAudit(audit.id))
    } catch {
      return refuse(.openFailed(error))
    }
    guard !settles.isEmpty else { return refuse(.nothingToResolve(item: item.id)) }
    let decision = AuditEvent.Change.resolved(
      item: item.id, outcome: outcome, reason: reason, settles: settles)
    if case .failure(let message) = change(decision) { return refuse(message) }
    let after: Audit
    do {
      after = try store.mergedAudit(audit.id)
    } catch {
      return refuse(.openFailed(error))
    }
    return reply(
      .resolvedConflict(
        item: item.id, state: after.records[item.id]?.state ?? .unanswered, settles: settles,
        conflictsLeft: after.conflicts.count))
  }
}
