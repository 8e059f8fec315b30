import Foundation
import KyCuong

extension ExportIntegrity {
  /// The devices' logs of a team audit, checked and merged.
  public struct TeamLogs: Sendable {
    /// The merged audit.
    public var audit: Audit
    /// Each device's log as an export pins it, by device id.
    public var devices: [AuditExport.DeviceHead]
    /// The check of the leader's log, when it was among them.
    public var leaderChain: LogVerification?
  }

  /// `export` of a team audit sealed with every device's log: `chainHead` is the leader's, and
  /// `integrity.devices` pins each device's log (its recorder, its events and its head).
  ///
  /// - Parameters:
  ///   - export: The export of the audit the logs merge into.
  ///   - deviceLogs: Each device's log as it is on disk, the leader's among them.
  /// - Returns: The sealed export.
  /// - Throws: ``IntegrityError`` when a log is not intact, the logs do not merge, the leader's is missing,
  ///   or the export is not the merged audit's.
  public static func seal(_ export: AuditExport, deviceLogs: [Data]) throws(IntegrityError) -> AuditExport {
    var found = ExportVerification()
    guard let team = checkTeam(deviceLogs, pinned: nil, into: &found), found.problems.isEmpty else {
      throw IntegrityError(reason: found.problems.map(\.description).joined(separator: "; "))
    }
    guard let leader = team.devices.first(where: { $0.device == EventReference.leaderDevice }) else {
      throw IntegrityError(reason: "the leader's log is not among the devices' logs; a team export needs it")
    }
    var fromLogs = AuditExport(team.audit)
    fromLogs.integrity = export.integrity
    guard fromLogs == export else {
      throw IntegrityError(reason: "the export is not the merged audit of these logs")
    }
    return try seal(export, chainHead: leader.chainHead, devices: team.devices)
  }

  /// Checks a team audit's export file against its devices' logs: everything
  /// ``verify(exportData:log:trustedKeys:)`` checks, then that each device the export lists has its log
  /// among `deviceLogs`, ending at the head the export pins, that no other device's log is given, and that
  /// the logs merged give the export's content.
  ///
  /// - Parameters:
  ///   - data: The export file's bytes.
  ///   - deviceLogs: Each device's log, the leader's among them.
  ///   - trustedKeys: The keys the export must be signed with; none by default.
  /// - Returns: What was found.
  public static func verify(
    exportData data: Data, deviceLogs: [Data], trustedKeys: TrustedKeys = TrustedKeys()
  ) -> ExportVerification {
    readAndVerify(exportData: data, deviceLogs: deviceLogs, trustedKeys: trustedKeys).verification
  }

  /// Checks and merges the devices' logs of a team audit, and, when `pinned` is given, compares each device's
  /// head with the export's. Problems go into `result`.
  ///
  /// - Returns: The merged audit and the heads, or `nil` when the logs do not make one.
  static func checkTeam(
    _ logs: [Data], pinned: AuditExport.Integrity?, into result: inout ExportVerification
  ) -> TeamLogs? {
    var deviceLogs: [DeviceLog] = []
    var heads: [String: AuditExport.DeviceHead] = [:]
    var leaderChain: LogVerification?
    for (index, data) in logs.enumerated() {
      let (chain, replayed) = LogChain.verifyAndReplay(data)
      guard chain.isIntact, let audit = replayed, let head = chain.head else {
        let reason = chain.problems.first.map { "\($0)" } ?? "it is not a chained event log (format 2)"
        result.problems.append(.deviceLogBroken(log: index + 1, reason: reason))
        continue
      }
      let log = DeviceLog(name: "log \(index + 1)", events: audit.events)
      deviceLogs.append(log)
      // Of two copies of one device's log, the longer; the merge refuses two that part.
      if (heads[log.device]?.events ?? 0) < log.events.count {
        heads[log.device] = AuditExport.DeviceHead(
          device: log.device, recorder: log.recorder ?? "", events: log.events.count, chainHead: head)
        if log.device == EventReference.leaderDevice { leaderChain = chain }
      }
    }
    guard result.problems.isEmpty else { return nil }
    let devices = heads.values.sorted { $0.device < $1.device }
    // Each device the export pins, first: a missing or longer log is named by its device.
    if let pinned {
      let given = Dictionary(uniqueKeysWithValues: devices.map { ($0.device, $0) })
      for device in pinned.devices ?? [] where given[device.device] != device {
        result.problems.append(
          .deviceHeadMismatch(
            device: device.device, stored: device.chainHead, log: given[device.device]?.chainHead))
      }
      let listed = Set((pinned.devices ?? []).map(\.device))
      for device in devices where !listed.contains(device.device) {
        result.problems.append(.deviceNotInExport(device: device.device))
      }
      if let leader = given[EventReference.leaderDevice], leader.chainHead != pinned.chainHead {
        result.problems.append(.chainHeadMismatch(stored: pinned.chainHead, log: leader.chainHead))
      }
      guard result.problems.isEmpty else { return nil }
    }
    let audit: Audit
    do throws(TeamMergeError) {
      audit = try TeamMerge.merge(deviceLogs)
    } catch {
      result.problems.append(.deviceLogsDoNotMerge(error))
      return nil
    }
    result.logChain = leaderChain
    return TeamLogs(audit: audit, devices: devices, leaderChain: leaderChain)
  }
}
