import Foundation
import KyCuong
import KyCuongIntegrity
import KyCuongSamples

/// Documents for the archive's tests, made with the library's sample generator (the one place of these tests
/// that uses the KyCuong API, like `ArchiveDocument.swift` in the archive).
enum ArchiveSamples {
  /// The sample audit `index` (finished, 50 items, corrective actions on failed items).
  static func audit(_ index: Int, seed: UInt64 = 11) -> Audit {
    SampleAudits.audit(index, seed: seed)
  }

  /// The audit's export without `integrity`, as `kycuong report generate-samples` writes it.
  static func unsealedExport(_ audit: Audit) throws -> Data {
    try AuditExport(audit).jsonData()
  }

  /// The audit's event log, chained (event format 2), as the REPL writes it.
  static func chainedLog(_ audit: Audit) throws -> Data {
    var data = Data()
    var last: Data?
    for event in audit.events {
      let line = try LogChain.line(for: event, after: last)
      data.append(line)
      last = line.dropLast()
    }
    return data
  }

  /// The audit's export sealed with the digests of its log.
  static func sealedExport(_ audit: Audit) throws -> Data {
    try ExportIntegrity.seal(AuditExport(audit), log: chainedLog(audit)).jsonData()
  }

  /// The audit's export sealed and signed with `key`.
  static func signedExport(_ audit: Audit, key: SigningKey) throws -> Data {
    let sealed = try ExportIntegrity.seal(AuditExport(audit), log: chainedLog(audit))
    return try ExportIntegrity.sign(sealed, with: key, at: audit.finishedAt ?? audit.startedAt).jsonData()
  }

  /// The audit as it stood after its first `count` events (an unfinished, earlier state).
  static func prefix(_ audit: Audit, events count: Int) throws -> Audit {
    try Audit(replaying: Array(audit.events.prefix(count)))
  }

  /// A new key for `signer`; its public half written to `folder` as `NAME.key.pub`.
  static func key(_ signer: String, in folder: URL) throws -> (key: SigningKey, publicFile: URL) {
    let key = SigningKey(signer: signer, createdAt: Date(timeIntervalSince1970: 1_767_225_600))
    let url = folder.appending(path: "\(UUID().uuidString).key")
    try key.write(to: url)
    return (key, URL(fileURLWithPath: url.path + ".pub"))
  }

  /// The audit's unsealed export with its checklist snapshot changed (its title) under the same id and
  /// version, the snapshot digest recomputed so that the file is consistent in itself.
  static func exportWithChangedChecklist(_ audit: Audit) throws -> Data {
    var export = AuditExport(audit)
    export.checklist.snapshot.title = LocalizedText(vi: "Bộ tiêu chí đã bị sửa", en: "A changed checklist")
    export.checklist.digest = AuditExport.digest(of: export.checklist.snapshot)
    return try export.jsonData()
  }

  /// The number of corrective actions the audit recorded.
  static func actionCount(_ audit: Audit) -> Int { audit.correctiveActions.count }

  /// The audit's leader.
  static func leader(_ audit: Audit) -> String { audit.header.team.leader }

  /// The audit's id.
  static func id(_ audit: Audit) -> String { audit.id }

  /// The number of events.
  static func eventCount(_ audit: Audit) -> Int { audit.events.count }

  /// The overall score the library gives the audit: what the archive must have re-derived.
  static func overall(_ audit: Audit) -> Double? { audit.score().overall }

  /// Writes `count` unsealed sample exports to `folder`; their URLs, in order.
  static func writeExports(count: Int, seed: UInt64 = 11, to folder: URL) throws -> [URL] {
    try (0..<count).map { index in
      let audit = Self.audit(index, seed: seed)
      let url = folder.appending(path: "\(audit.id).json")
      try unsealedExport(audit).write(to: url)
      return url
    }
  }
}

extension ArchiveSamples {
  /// The library's own summary of `audits` (their exports in a folder, read as `report summary` reads them):
  /// what the archive's answers must agree with.
  static func summary(
    of audits: [Audit], filter: SummaryFilter = SummaryFilter(), today: CalendarDate
  ) throws -> AuditSummary {
    let folder = try TestFolder.make()
    defer { try? FileManager.default.removeItem(at: folder) }
    for audit in audits {
      try unsealedExport(audit).write(to: folder.appending(path: "\(audit.id).json"))
    }
    let reading = SummaryReader.read(SummaryReader.auditFiles(in: [folder]))
    return AuditSummary(reading, filter: filter, today: today)
  }
}
