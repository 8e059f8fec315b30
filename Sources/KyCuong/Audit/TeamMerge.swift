import Foundation
import KyCuongModel

/// Folds the logs of one audit's devices into one audit.
///
/// An inspection team splits a visit: the leader's log is the audit's own; each member joins from the
/// leader's invitation on their own laptop, and their log starts with a copy of the leader's `started` line
/// and a `joined` event naming the device, then holds what that member recorded. Merging needs no network
/// and no coordination:
///
/// - **Deterministic.** The result depends only on the set of events: each device's log is kept in its own
///   order, and the logs are interleaved by time, ties broken by device id; a resolution comes after the
///   answers it settles even when its device's clock was behind. Merging in any order, or any grouping,
///   gives the same audit, and so byte-identical exports.
/// - **Idempotent.** A log merged twice, or with a shorter copy of itself, changes nothing; the longest
///   copy of a device's log is kept, and two copies that differ where both have events are refused
///   (``TeamMergeError/forked(device:sequence:logs:)``).
/// - **Nothing is lost.** Every event of every device is in the merged audit, renumbered in merged order;
///   ``Audit/origins`` says where each was recorded, and retractions are mapped to their device's events.
/// - **Conflicts are visible.** When devices' current answers to an item differ, the item is in
///   ``Audit/conflicts`` and counts as open, so `finish` refuses, until the leader records a resolution that
///   names the answers it settles. A later answer, or one the leader had not seen, is a new conflict.
///
/// Each device checked its own events when it recorded them; what depends on what a device had seen
/// (applicability, whether the audit was finished) is checked on the merged outcome: a finished merged audit
/// has no open item and no member's event after its finishing.
public enum TeamMerge {
  /// Merges the logs of one audit's devices.
  ///
  /// - Parameter logs: Each device's log, read and chain-checked (any order; copies of one device's log
  ///   may be among them).
  /// - Returns: The merged audit, with ``Audit/origins`` and ``Audit/conflicts``.
  /// - Throws: ``TeamMergeError`` naming the log or the event and the rule; nothing is merged.
  public static func merge(_ logs: [DeviceLog]) throws(TeamMergeError) -> Audit {
    let devices = try longestLogs(logs)
    let leader = EventReference.leaderDevice
    // Every log begins with the same `started`, so any will do; the first device's is used.
    guard let start = devices.first?.events.first else { throw .noLogs }
    var merged = [AuditEvent(sequence: 1, time: start.time, author: start.author, change: start.change)]
    var origins: [Int: EventReference] = [1: EventReference(device: leader, sequence: 1)]
    var mergedSequence: [EventReference: Int] = [:]
    for device in devices { mergedSequence[EventReference(device: device.device, sequence: 1)] = 1 }
    // Each device's own order is kept; among the devices' next events, the earliest goes first — except
    // that a resolution waits for the answers it settles: the leader saw them before deciding, whatever the
    // clocks said (a laptop a few minutes behind a member's tablet still settles what it merged).
    var next = devices.map { _ in 1 }
    func isPlaceable(_ event: AuditEvent) -> Bool {
      guard case .resolved(_, _, _, let settles) = event.change else { return true }
      return settles.allSatisfy { mergedSequence[$0] != nil }
    }
    func earliest(placeableOnly: Bool) -> Int? {
      var chosen: Int?
      for index in devices.indices where next[index] < devices[index].events.count {
        if placeableOnly, !isPlaceable(devices[index].events[next[index]]) { continue }
        guard let best = chosen else {
          chosen = index
          continue
        }
        if devices[index].events[next[index]].time < devices[best].events[next[best]].time { chosen = index }
      }
      return chosen
    }
    while true {
      // A resolution naming an answer no log has is placed anyway, and refused by the audit below.
      guard let index = earliest(placeableOnly: true) ?? earliest(placeableOnly: false) else { break }
      let local = devices[index].events[next[index]]
      next[index] += 1
      let reference = EventReference(device: devices[index].device, sequence: local.sequence)
      var change = local.change
      if case .retracted(let target, let reason) = change {
        // A device withdraws its own entries: the target is earlier in the same log, so already placed.
        let targetReference = EventReference(device: reference.device, sequence: target)
        guard let targetSequence = mergedSequence[targetReference] else {
          throw .invalidEvent(reference, type: change.typeName, reason: .noSuchEvent(target))
        }
        change = .retracted(event: targetSequence, reason: reason)
      }
      let sequence = merged.count + 1
      merged.append(AuditEvent(sequence: sequence, time: local.time, author: local.author, change: change))
      origins[sequence] = reference
      mergedSequence[reference] = sequence
    }
    let audit: Audit
    do throws(AuditError) {
      audit = try Audit(merging: merged, origins: origins)
    } catch {
      if case .invalidEvent(let sequence, let type, let reason) = error, let origin = origins[sequence] {
        throw .invalidEvent(origin, type: type, reason: reason)
      }
      throw .invalidEvent(EventReference(device: leader, sequence: 1), type: "started", reason: error)
    }
    try checkFinished(audit)
    return audit
  }

  /// Records `change` on the leader's own log, once the merged audit takes it: `finish` refuses while an
  /// item is in conflict, and a resolution must name answers the merged audit has.
  ///
  /// - Parameters:
  ///   - change: What changes.
  ///   - author: Who makes the change (the leader, as a rule).
  ///   - time: When.
  ///   - leader: The leader's own audit, the one its log holds; unchanged when the change is refused.
  ///   - others: The members' logs merged so far.
  /// - Returns: The event, for the caller to write to the leader's log.
  /// - Throws: ``TeamMergeError/refused(_:)`` with the rule, or why the audit would no longer merge.
  @discardableResult
  public static func record(
    _ change: AuditEvent.Change, by author: String, at time: Date, on leader: inout Audit,
    with others: [DeviceLog]
  ) throws(TeamMergeError) -> AuditEvent {
    if leader.isMembersLog { throw .refused(.leadersOnly(type: change.typeName)) }
    let merged = try merge([DeviceLog(name: "leader", events: leader.events)] + others)
    do throws(AuditError) {
      try merged.checkOnMerged(change)
    } catch {
      throw .refused(error)
    }
    var changed = leader
    let event: AuditEvent
    do throws(AuditError) {
      event = try changed.record(change, by: author, at: time, checkedOnMerged: true)
    } catch {
      throw .refused(error)
    }
    _ = try merge([DeviceLog(name: "leader", events: changed.events)] + others)
    leader = changed
    return event
  }

  /// The answers a resolution of `item` settles on the merged audit `merged`: the answers in conflict, else
  /// the item's current answer or skip, which the leader overrules; empty when the item has neither.
  ///
  /// - Parameters:
  ///   - item: The item to resolve.
  ///   - merged: The merged team audit (``merge(_:)``).
  /// - Returns: The references for ``AuditEvent/Change/resolved(item:outcome:reason:settles:)``.
  public static func answersToSettle(_ item: ItemID, in merged: Audit) -> [EventReference] {
    if let conflict = merged.conflicts[item] { return conflict.references }
    guard let event = merged.records[item]?.event, let origin = merged.origins[event] else { return [] }
    return [origin]
  }

  /// One log per device, the longest of its copies, sorted by device id; every log checked alone and
  /// against the others.
  private static func longestLogs(_ logs: [DeviceLog]) throws(TeamMergeError) -> [DeviceLog] {
    var byDevice: [String: DeviceLog] = [:]
    var start: (event: AuditEvent, log: String)?
    // Whom the leader's log invited, when it is among the logs (its longest copy invited the most).
    var invited: Set<String>?
    for log in logs {
      let alone: Audit
      do throws(AuditError) {
        alone = try Audit(replaying: log.events)
      } catch {
        throw .notAnAudit(log: log.name, reason: error)
      }
      if log.device == EventReference.leaderDevice {
        invited = (invited ?? []).union(alone.invitedMembers)
      }
      if let start {
        if log.events[0] != start.event {
          throw .differentAudit(
            log: log.name, expected: start.event.startedAuditID ?? "?",
            found: log.events[0].startedAuditID ?? "?")
        }
      } else {
        start = (log.events[0], log.name)
      }
      if log.device != EventReference.leaderDevice, let name = log.recorder,
        !alone.header.team.people.contains(where: { $0.name == name })
      {
        throw .notATeamMember(log: log.name, name: name)
      }
      guard let kept = byDevice[log.device] else {
        byDevice[log.device] = log
        continue
      }
      let (shorter, longer) = kept.events.count <= log.events.count ? (kept, log) : (log, kept)
      if let parting = zip(shorter.events, longer.events).first(where: { $0 != $1 }) {
        throw .forked(device: log.device, sequence: parting.0.sequence, logs: [kept.name, log.name].sorted())
      }
      // Of two equal copies, the one whose name sorts first, so that messages do not depend on the order.
      byDevice[log.device] =
        shorter.events.count == longer.events.count ? (kept.name <= log.name ? kept : log) : longer
    }
    guard !byDevice.isEmpty else { throw .noLogs }
    // With the leader's log, every member's device must be of someone the leader invited.
    if let invited {
      for log in byDevice.values where log.device != EventReference.leaderDevice {
        if let name = log.recorder, !invited.contains(name) {
          throw .notInvited(log: log.name, name: name)
        }
      }
    }
    return byDevice.values.sorted { $0.device < $1.device }
  }

  /// A finished merged audit has nothing open, nothing in conflict and no member's event after its
  /// finishing: otherwise it changed after the leader closed it.
  private static func checkFinished(_ audit: Audit) throws(TeamMergeError) {
    guard audit.isFinished,
      let finishing = audit.events.last(where: { if case .finished = $0.change { true } else { false } })
    else { return }
    for event in audit.events where event.sequence > finishing.sequence {
      if let origin = audit.origins[event.sequence], origin.device != EventReference.leaderDevice {
        throw .recordedAfterFinishing(origin, type: event.change.typeName)
      }
    }
    let open = audit.openItems.map(\.id)
    if !open.isEmpty { throw .finishedWithOpenItems(open) }
  }
}
