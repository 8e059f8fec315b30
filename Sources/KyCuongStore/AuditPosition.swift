import Foundation
import KyCuong

/// Where an inspector was in an audit when they left it: the item to answer next and the item they were
/// on, for `resume` to return there.
///
/// It is kept beside the log in a small file, `<id>.position`, replaced atomically as the inspector moves,
/// and not fsync'd: it is where the inspector stood, not evidence, so it is not in the log (which every
/// reader of the audit would have to skip) and a lost one only means resuming after the item of the last
/// change. The REPL keeps the file only while the position differs from that one (after a `goto`, `back`
/// or `next`): answering in order writes none.
public struct AuditPosition: Hashable, Sendable, Codable {
  /// The item answered next.
  public var current: ItemID?
  /// The item just answered or skipped, where notes went, when it differs from ``current``.
  public var focus: ItemID?

  /// Creates a position.
  ///
  /// - Parameters:
  ///   - current: The item answered next.
  ///   - focus: The item the inspector was on, when it differs.
  public init(current: ItemID?, focus: ItemID? = nil) {
    self.current = current
    self.focus = focus
  }
}
