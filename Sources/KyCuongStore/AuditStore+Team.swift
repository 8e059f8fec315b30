import Foundation
import KyCuong
import KyCuongIntegrity

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension AuditStore {
  /// One device's log of a team audit as this store holds it: the audit's own log, or a copy of another
  /// device's log merged here (under `<id>.team/`).
  public struct TeamLog: Sendable {
    /// Where it is.
    public var path: String
    /// Its exact bytes.
    public var data: Data
    /// Its events and device.
    public var log: DeviceLog
  }

  /// What ``merge(_:into:)`` did.
  public struct TeamMergeReport: Sendable {
    /// The merged audit.
    public var audit: Audit
    /// Every device's log now merged, the audit's own first, with how many events each brought this time.
    public var devices: [MergedDevice]
    /// The events the merge added to the merged audit.
    public var addedEvents: Int
  }

  /// One device's log in a merge, and how many of its events were new here.
  public struct MergedDevice: Sendable {
    /// The device's log.
    public var log: DeviceLog
    /// Its events that this merge added (all of them for a device merged for the first time).
    public var added: Int

    /// Creates the entry.
    ///
    /// - Parameters:
    ///   - log: The device's log.
    ///   - added: Its events this merge added.
    public init(log: DeviceLog, added: Int) {
      self.log = log
      self.added = added
    }
  }

  /// The folder of the other devices' logs merged into audit `id`.
  public func teamFolderURL(for id: String) -> URL {
    directory.appending(path: "\(id).team", directoryHint: .isDirectory)
  }

  /// Whether other devices' logs were merged into audit `id` here.
  public func hasDeviceLogs(_ id: String) -> Bool {
    !deviceLogNames(for: id).isEmpty
  }

  /// The size in bytes of each device log merged into audit `id`, by file name. A merge only ever appends to
  /// a device log, so equal sizes mean the same logs: what a cache of the merged audit is keyed on.
  package func deviceLogSizes(for id: String) -> [String: Int] {
    let folder = teamFolderURL(for: id)
    var sizes: [String: Int] = [:]
    for name in deviceLogNames(for: id) {
      let attributes = try? FileManager.default.attributesOfItem(atPath: folder.appending(path: name).path)
      sizes[name] = (attributes?[.size] as? NSNumber)?.intValue ?? -1
    }
    return sizes
  }

  /// The device logs' file names in audit `id`'s team folder.
  private func deviceLogNames(for id: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: teamFolderURL(for: id).path)) ?? []
    return names.filter { $0.hasSuffix(".jsonl") && !$0.hasPrefix(".") }
  }

  /// The audit's own log and every device log merged into it, each read and chain-checked.
  ///
  /// - Parameter id: The audit.
  /// - Returns: The own log first, then the others by device id.
  /// - Throws: ``AuditStoreError``: a log that cannot be read or is not intact.
  public func teamLogs(for id: String) throws(AuditStoreError) -> [TeamLog] {
    let own = try checkedLog(logData(for: id), path: logURL(for: id).path)
    var logs = [own]
    let folder = teamFolderURL(for: id)
    for name in deviceLogNames(for: id).sorted() {
      let url = folder.appending(path: name)
      let file = try StoreFile.open(url, O_RDONLY)
      logs.append(try checkedLog(Self.readWhole(file), path: url.path))
    }
    return logs
  }

  /// The merged audit of `id`: its own log and every device log merged into it.
  ///
  /// - Parameter id: The audit.
  /// - Returns: The merged audit (``/KyCuong/Audit/origins`` says where each event was recorded).
  /// - Throws: ``AuditStoreError``.
  public func mergedAudit(_ id: String) throws(AuditStoreError) -> Audit {
    try Self.mergedAudit(of: teamLogs(for: id).map(\.log))
  }

  /// `logs` merged (``/KyCuong/TeamMerge/merge(_:)``), for a caller that has read them already.
  package static func mergedAudit(of logs: [DeviceLog]) throws(AuditStoreError) -> Audit {
    do throws(TeamMergeError) {
      return try TeamMerge.merge(logs)
    } catch {
      throw .teamMerge(error)
    }
  }

  /// Invites `member` to record audit `id` on their own device: records the invitation in the leader's log
  /// (``/KyCuong/AuditEvent/Change/invited(member:)``) and gives the file to hand over.
  ///
  /// - Parameters:
  ///   - member: A member of the audit's team, not the leader.
  ///   - id: The audit, which this store holds as its leader.
  ///   - time: When.
  /// - Returns: The invitation.
  /// - Throws: ``AuditStoreError/invitationRefused(path:reason:)`` for a member's own audit or someone not in
  ///   the team; ``AuditStoreError/locked(id:holder:)`` while a session has the audit open.
  public func invite(_ member: String, to id: String, at time: Date) throws(AuditStoreError) -> TeamInvitation
  {
    let path = logURL(for: id).path
    let wasOpen = logs[id] != nil
    var audit = try open(id).audit
    defer { if !wasOpen { close(id) } }
    if audit.isMembersLog {
      throw .invitationRefused(
        path: path, reason: "this is a member's log of the audit; only the leader invites")
    }
    let event: AuditEvent
    do throws(AuditError) {
      event = try audit.record(.invited(member: member), by: audit.header.team.leader, at: time)
    } catch {
      throw .invitationRefused(path: path, reason: error.description)
    }
    try append(event, to: id)
    let firstLine = try logData(for: id).prefix { $0 != UInt8(ascii: "\n") }
    let invitation = TeamInvitation(
      audit: id, member: member, invitedBy: audit.header.team.leader, invitedAt: time,
      startedLine: String(decoding: firstLine, as: UTF8.self))
    do throws(InvitationProblem) {
      _ = try invitation.started()
    } catch {
      throw .invitationRefused(path: path, reason: error.description)
    }
    return invitation
  }

  /// Joins a team audit on this device: writes the member's log — the leader's first line, exactly, then a
  /// `joined` event for `device` — and keeps it open for writing.
  ///
  /// - Parameters:
  ///   - invitation: The leader's invitation.
  ///   - device: This device's id (``/KyCuong/EventReference/isValidMemberDevice(_:)``).
  ///   - time: When.
  /// - Returns: The member's audit.
  /// - Throws: ``AuditStoreError/invitationRefused(path:reason:)``, ``AuditStoreError/alreadyExists(id:)``.
  @discardableResult
  public func join(
    _ invitation: TeamInvitation, device: String, at time: Date
  ) throws(AuditStoreError) -> Audit {
    let started: (audit: Audit, line: Data)
    do throws(InvitationProblem) {
      started = try invitation.started()
    } catch {
      throw .invitationRefused(path: invitation.audit, reason: error.description)
    }
    var audit = started.audit
    let id = audit.id
    try Self.checkID(id)
    let joined: AuditEvent
    do throws(AuditError) {
      joined = try audit.record(.joined(device: device), by: invitation.member, at: time)
    } catch {
      throw .invitationRefused(path: id, reason: error.description)
    }
    try makeDirectory()
    let lock = try AuditLock.acquire(at: lockURL(for: id), id: id, holder: .current(at: clock()))
    let line = try Self.line(for: joined, after: started.line, in: logURL(for: id).path)
    try createLog(
      id, data: started.line + Data([UInt8(ascii: "\n")]) + line, lastLine: line.dropLast(), lock: lock)
    return audit
  }

  /// Merges other devices' logs of audit `id` into this store: each file is checked (an intact chain, the
  /// same audit), the merged audit must hold together (``/KyCuong/TeamMerge``), and only then is each new
  /// part appended to this store's copy of that device's log. A log merged again, or an older copy of it,
  /// adds nothing; nothing is ever replaced.
  ///
  /// - Parameters:
  ///   - files: The logs (an exact copy of each device's `<id>.jsonl`), with the names to report them by.
  ///   - id: The audit.
  /// - Returns: The merged audit, and what each device brought.
  /// - Throws: ``AuditStoreError``: ``AuditStoreError/deviceLogRefused(path:reason:)``,
  ///   ``AuditStoreError/teamMerge(_:)``, ``AuditStoreError/mergeIntoFinished(id:events:)``,
  ///   ``AuditStoreError/locked(id:holder:)`` when another session holds the audit; nothing is written then.
  public func merge(
    _ files: [(name: String, data: Data)], into id: String
  ) throws(AuditStoreError) -> TeamMergeReport {
    // The lock keeps a session of the audit from finishing it while its devices' logs change.
    let lock =
      logs[id] == nil
      ? try AuditLock.acquire(at: lockURL(for: id), id: id, holder: .current(at: clock())) : nil
    defer { _ = lock }
    let current = try teamLogs(for: id)
    let own = current[0]
    var kept: [String: TeamLog] = [:]
    for log in current.dropFirst() { kept[log.log.device] = log }
    let before: Audit
    do throws(TeamMergeError) {
      before = try TeamMerge.merge(current.map(\.log))
    } catch {
      throw .teamMerge(error)
    }
    var writes: [String: TeamLog] = [:]
    for file in files {
      let incoming = try checkedLog(file.data, path: file.name)
      if let theirs = incoming.log.events.first, let ours = own.log.events.first, theirs != ours {
        throw .teamMerge(
          .differentAudit(
            log: file.name, expected: ours.startedAuditID ?? "?", found: theirs.startedAuditID ?? "?"))
      }
      let device = incoming.log.device
      if device == own.log.device {
        // This device's own log coming back: an older copy adds nothing; a longer one is not this log's.
        if !own.data.starts(with: incoming.data) {
          throw .teamMerge(
            .forked(device: device, sequence: Self.parting(own, incoming), logs: [own.path, file.name]))
        }
        continue
      }
      let existing = writes[device] ?? kept[device]
      guard let existing else {
        writes[device] = incoming
        continue
      }
      if existing.data.starts(with: incoming.data) { continue }
      guard incoming.data.starts(with: existing.data) else {
        throw .teamMerge(
          .forked(
            device: device, sequence: Self.parting(existing, incoming),
            logs: [existing.path, file.name].sorted()))
      }
      writes[device] = incoming
    }
    var merged = kept
    for (device, log) in writes { merged[device] = log }
    let logs = [own] + merged.values.sorted { $0.log.device < $1.log.device }
    let after: Audit
    do throws(TeamMergeError) {
      after = try TeamMerge.merge(logs.map(\.log))
    } catch {
      throw .teamMerge(error)
    }
    let added = after.events.count - before.events.count
    if before.isFinished, added > 0 { throw .mergeIntoFinished(id: id, events: added) }
    let folder = teamFolderURL(for: id)
    if !writes.isEmpty { try makeDirectory(folder) }
    for (device, log) in writes.sorted(by: { $0.key < $1.key }) {
      try appendCopy(log.data, over: kept[device]?.data, at: folder.appending(path: "\(device).jsonl"))
    }
    if !writes.isEmpty { syncDirectory(folder) }
    let devices = logs.map { log in
      let added = writes[log.log.device].map {
        $0.log.events.count - (kept[log.log.device]?.log.events.count ?? 0)
      }
      return MergedDevice(log: log.log, added: added ?? 0)
    }
    return TeamMergeReport(audit: after, devices: devices, addedEvents: added)
  }

  /// Writes the part of `data` after `old` to the copy at `url` (all of it for a new copy): one append and
  /// one `fsync`, after checking the copy is still `old`.
  private func appendCopy(_ data: Data, over old: Data?, at url: URL) throws(AuditStoreError) {
    let file = try StoreFile.open(
      url, old == nil ? O_WRONLY | O_APPEND | O_CREAT | O_EXCL : O_WRONLY | O_APPEND)
    let size = try file.size()
    guard size == old?.count ?? 0 else {
      throw .ioFailed(path: url.path, reason: .changedWhileOpen(expected: old?.count ?? 0, found: size))
    }
    do {
      try file.write(data.dropFirst(size))
    } catch {
      try? file.truncate(to: size)
      throw error
    }
  }

  /// `data` read as a device's log: an intact chain that replays.
  private func checkedLog(_ data: Data, path: String) throws(AuditStoreError) -> TeamLog {
    let (verification, replayed) = LogChain.verifyAndReplay(data)
    guard verification.isIntact, let audit = replayed else {
      let reason = verification.problems.first.map { "\($0)" } ?? "it is not a chained event log (format 2)"
      throw .deviceLogRefused(path: path, reason: reason)
    }
    return TeamLog(path: path, data: data, log: DeviceLog(name: path, events: audit.events))
  }

  /// The sequence number of the first event where two logs of one device differ.
  private static func parting(_ lhs: TeamLog, _ rhs: TeamLog) -> Int {
    let index =
      zip(lhs.log.events, rhs.log.events).enumerated().first { $0.element.0 != $0.element.1 }?.offset
      ?? min(lhs.log.events.count, rhs.log.events.count)
    return index + 1
  }
}
