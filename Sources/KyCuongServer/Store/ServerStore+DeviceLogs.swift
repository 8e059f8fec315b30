import Foundation
import KyCuongArchive
import KyCuongIntegrity
import KyCuongSync
import SQLKit

extension ServerStore {
  /// What a push of a device log came to (``pushDeviceLog(_:device:recorder:of:by:at:admitting:)``).
  enum DeviceLogAdmission: Sendable {
    /// Stored, or already there.
    case stored(DeviceLogReceipt.Outcome, ServerDeviceLog)
    /// Refused, with the problem to answer; nothing was stored.
    case refused(APIProblem)
  }

  /// Every device's log of `auditID` on the server, by device id.
  ///
  /// - Throws: ``ServerStoreError`` when the database fails or a log's segments do not join (the table was
  ///   changed by hand).
  public func deviceLogs(of auditID: String) async throws(ServerStoreError) -> [StoredDeviceLog] {
    try await read("reading the device logs of \(auditID)") { db in
      try await Self.deviceLogs(of: auditID, on: db)
    }
  }

  /// Stores `data`, a device's log of `auditID`, as one append to what the server holds of it: the same log
  /// or an older copy changes nothing; a log the stored one begins is stored as its new bytes only; a log
  /// that differs from the stored one where both have bytes is refused (409: a device's log only grows).
  /// `admitting` sees every device's log as it would be stored and may refuse (the team's merge must hold
  /// together). The segment and the request log's line are written in one transaction.
  ///
  /// - Parameters:
  ///   - data: The log, chain-checked by the caller.
  ///   - device: Its device in the audit.
  ///   - recorder: Who records on it.
  ///   - auditID: The audit.
  ///   - pusher: The device that pushed it (named in the request log).
  ///   - time: When.
  ///   - admitting: The team's check over the logs as they would be; a problem refuses the push.
  /// - Returns: What was stored, or the refusal to answer.
  /// - Throws: ``ServerStoreError`` when the database fails.
  func pushDeviceLog(
    _ data: Data, device: String, recorder: String, of auditID: String, by pusher: ServerDevice,
    at time: Date = Date(), admitting: @Sendable @escaping ([StoredDeviceLog]) -> APIProblem?
  ) async throws(ServerStoreError) -> DeviceLogAdmission {
    let path = "/api/v1/audits/\(auditID)/logs/\(device)"
    let who = "device \(pusher.keyID)"
    return try await write("storing device \(device)'s log of \(auditID)") { db in
      let logs = try await Self.deviceLogs(of: auditID, on: db)
      let stored = logs.first { $0.entry.device == device }
      if let stored {
        if stored.data == data { return .stored(.unchanged, stored.entry) }
        if stored.data.starts(with: data) { return .stored(.behind, stored.entry) }
        guard data.starts(with: stored.data) else {
          let line = Self.firstDifferingLine(stored.data, data)
          return .refused(
            APIProblem(
              status: 409, title: "forked",
              detail:
                "device \(device)'s log on the server (\(stored.entry.lineCount) lines) and this one differ "
                + "from line \(line): a device's log only grows, so one of them is not that device's log"))
        }
      }
      let entry = ServerDeviceLog(
        device: device, recorder: recorder, byteCount: data.count,
        lineCount: data.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }, sha256: Digest.hex(of: data),
        pushedAt: Self.whole(time))
      let candidate = logs.filter { $0.entry.device != device } + [StoredDeviceLog(entry: entry, data: data)]
      if let problem = admitting(candidate) { return .refused(problem) }
      let start = stored?.data.count ?? 0
      try await db.insert(into: "server_device_logs")
        .columns(
          "audit_id", "device", "start_offset", "content", "log_sha256", "log_byte_count", "log_line_count",
          "recorder", "pushed_by", "pushed_at"
        )
        .values(
          SQLBind(auditID), SQLBind(device), SQLBind(start), SQLBind(Data(data.dropFirst(start))),
          SQLBind(entry.sha256), SQLBind(entry.byteCount), SQLBind(entry.lineCount), SQLBind(recorder),
          SQLBind(pusher.keyID), SQLBind(ArchiveTime.string(time))
        ).run()
      let outcome: DeviceLogReceipt.Outcome = stored == nil ? .created : .extended
      let added = entry.lineCount - (stored?.entry.lineCount ?? 0)
      try await Self.insertLog(
        method: "PUT", path: path, status: stored == nil ? 201 : 200, who: who,
        outcome:
          "\(outcome.rawValue) device \(device)'s log of \(auditID): \(added) new lines, sha256 \(entry.sha256)",
        at: time, on: db)
      return .stored(outcome, entry)
    }
  }

  /// The logs of `auditID`, each its segments joined in order; a gap or an overlap is a damaged table.
  private static func deviceLogs(of auditID: String, on db: any SQLDatabase) async throws -> [StoredDeviceLog]
  {
    let rows = try await db.select().column("*").from("server_device_logs").where("audit_id", .equal, auditID)
      .orderBy("device").orderBy("start_offset").all()
    var logs: [StoredDeviceLog] = []
    for row in rows {
      let device = try row.decode(column: "device", as: String.self)
      let start = try row.decode(column: "start_offset", as: Int.self)
      let content = try row.decode(column: "content", as: Data.self)
      let entry = ServerDeviceLog(
        device: device, recorder: try row.decode(column: "recorder", as: String.self),
        byteCount: try row.decode(column: "log_byte_count", as: Int.self),
        lineCount: try row.decode(column: "log_line_count", as: Int.self),
        sha256: try row.decode(column: "log_sha256", as: String.self),
        pushedAt: ArchiveTime.date(try row.decode(column: "pushed_at", as: String.self)) ?? .distantPast)
      if let last = logs.last, last.entry.device == device {
        guard start == last.data.count else {
          throw ServerStoreError(
            "device \(device)'s log of \(auditID) has a segment at byte \(start) where \(last.data.count) "
              + "bytes are stored: the table server_device_logs was changed by hand")
        }
        logs[logs.count - 1] = StoredDeviceLog(entry: entry, data: last.data + content)
      } else {
        guard start == 0 else {
          throw ServerStoreError(
            "device \(device)'s log of \(auditID) starts at byte \(start): the table server_device_logs was "
              + "changed by hand")
        }
        logs.append(StoredDeviceLog(entry: entry, data: content))
      }
    }
    // What each log's last segment says of the whole must be what its segments make.
    for log in logs
    where log.entry.byteCount != log.data.count || log.entry.sha256 != Digest.hex(of: log.data) {
      throw ServerStoreError(
        "device \(log.entry.device)'s log of \(auditID) does not match its recorded SHA-256: the table "
          + "server_device_logs was changed by hand")
    }
    return logs
  }

  /// The number of the first line where `lhs` and `rhs` differ.
  private static func firstDifferingLine(_ lhs: Data, _ rhs: Data) -> Int {
    var line = 1
    for (left, right) in zip(lhs, rhs) {
      if left != right { break }
      if left == UInt8(ascii: "\n") { line += 1 }
    }
    return line
  }
}
