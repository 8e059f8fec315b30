/// What a stored document is.
public enum DocumentKind: String, CaseIterable, Hashable, Sendable {
  /// An audit export (`kycuong.audit/1`), one JSON object.
  case export
  /// An audit's event log (JSON Lines).
  case log
  /// A field bundle (an audit with its attachments). The schema has room for bundles; this version reads
  /// none yet and refuses them by name.
  case bundle
}
