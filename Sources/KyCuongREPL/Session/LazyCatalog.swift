import KyCuong

/// A catalog read when a session first needs it (`start`, `list`, completion of a checklist id): the standard
/// checklists, validated when `kycuong` was built, cost nothing to a session that never starts an audit, so
/// the first prompt and an empty input do not wait for them.
final class LazyCatalog {
  /// The catalog, read on first use and kept.
  lazy var catalog: Catalog = load()

  private let load: () -> Catalog

  /// A catalog that `load` reads on first use.
  init(_ load: @escaping () -> Catalog) {
    self.load = load
  }
}
