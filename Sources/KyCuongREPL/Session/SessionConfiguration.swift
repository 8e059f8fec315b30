import Foundation
import KyCuong
import KyCuongStore

/// What a ``Session`` works with: where checklists and audits come from, who is inspecting, how to talk.
public struct SessionConfiguration {
  /// The checklists `start` offers.
  public var catalog: Catalog
  /// Where audits are saved.
  public var store: AuditStore
  /// The language of messages and of checklist texts; Vietnamese by default.
  public var language: Language
  /// The inspector's name, recorded as the author of every change.
  public var inspector: String
  /// Whether replies may use ANSI colours (only when the terminal layer says it is a colour terminal).
  public var styled: Bool
  /// The time of each change; injectable so that tests are reproducible.
  public var clock: () -> Date
  /// The folder `attach` resolves relative paths against (and completes paths in).
  public var attachmentDirectory: URL
  /// The folder `export` writes to when given no path or a relative one: the current directory by default.
  public var exportDirectory: URL

  /// Creates a configuration.
  public init(
    catalog: Catalog, store: AuditStore, language: Language = .vi, inspector: String, styled: Bool = false,
    clock: @escaping () -> Date = Date.init,
    attachmentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
    exportDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  ) {
    self.catalog = catalog
    self.store = store
    self.language = language
    self.inspector = inspector
    self.styled = styled
    self.clock = clock
    self.attachmentDirectory = attachmentDirectory
    self.exportDirectory = exportDirectory
  }
}
