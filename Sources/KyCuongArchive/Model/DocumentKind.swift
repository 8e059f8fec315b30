/// What a stored document is.
public enum DocumentKind: String, CaseIterable, Hashable, Sendable {
  /// An audit export (`kycuong.audit/1.1`), one JSON object.
  case export
  /// An audit's event log (JSON Lines).
  case log
  /// An audit bundle (`kycuong bundle`, a .zip): the export, its log, the record and every attachment,
  /// with a manifest of digests. The facts come from its export; its attachments are kept by SHA-256.
  case bundle
}
