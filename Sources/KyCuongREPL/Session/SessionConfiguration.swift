import Foundation
import KyCuong
import KyCuongStore

/// What a ``Session`` works with: where checklists and audits come from, who is inspecting, how to talk.
public struct SessionConfiguration {
  /// The checklists `start` offers, read when the session first needs them.
  public var catalog: Catalog {
    get { catalogSource.catalog }
    set { catalogSource = LazyCatalog { newValue } }
  }
  private var catalogSource: LazyCatalog
  /// Where audits are saved.
  public var store: AuditStore
  /// The language of messages and of checklist texts; Vietnamese by default.
  public var language: Language
  /// The inspector's name given on the command line (`--inspector`, `KYCUONG_INSPECTOR`), or empty. It is
  /// the recorder of every change unless `start` chooses another one or `whoami` switches; the system's user
  /// name is never used.
  public var inspector: String
  /// Whether replies may use ANSI colours (only when the terminal layer says it is a colour terminal).
  public var styled: Bool
  /// The time of each change; injectable so that tests are reproducible.
  public var clock: () -> Date
  /// The folder `attach` resolves relative paths against (and completes paths in).
  public var attachmentDirectory: URL
  /// The folder `export` writes to when given no path or a relative one: the current directory by default.
  public var exportDirectory: URL
  /// The home folder a leading `~` in a path stands for (`$HOME`).
  public var homeDirectory: URL?
  /// The terminal's width in columns, asked before each reply (the window may have been resized); `nil`
  /// when output is not a terminal, and then replies are not wrapped.
  public var columns: () -> Int?
  /// What a long task (copying a large attachment) reports to, and asks whether to stop.
  public var progress: ProgressReporter
  /// Where the open audit's log is sent while the audit goes on (the department server), or `nil`.
  public var logSender: (any LogSender)?

  /// Creates a configuration. `catalog` is evaluated when the session first needs the checklists (`start`,
  /// `list`, completing a checklist id), not here: a session that never starts an audit never reads them.
  public init(
    catalog: @autoclosure @escaping () -> Catalog, store: AuditStore, language: Language = .vi,
    inspector: String, styled: Bool = false,
    clock: @escaping () -> Date = Date.init,
    attachmentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
    exportDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
    homeDirectory: URL? = ProcessInfo.processInfo.environment["HOME"].map { URL(fileURLWithPath: $0) },
    columns: @escaping () -> Int? = { nil }, progress: ProgressReporter = .silent,
    logSender: (any LogSender)? = nil
  ) {
    self.catalogSource = LazyCatalog(catalog)
    self.store = store
    self.language = language
    self.inspector = inspector
    self.styled = styled
    self.clock = clock
    self.attachmentDirectory = attachmentDirectory
    self.exportDirectory = exportDirectory
    self.homeDirectory = homeDirectory
    self.columns = columns
    self.progress = progress
    self.logSender = logSender
  }
}

/// Where a long task reports how far it got, and how it learns that the inspector wants it stopped
/// (Ctrl-C): the terminal layer draws a progress line and catches the interrupt; elsewhere it is silent.
public struct ProgressReporter: Sendable {
  /// Called when a task starts (the terminal layer starts catching Ctrl-C), with its label and size.
  public var begin: @Sendable (_ label: String, _ total: Int64) -> Void
  /// Called as the task goes, with the bytes done.
  public var update: @Sendable (_ done: Int64) -> Void
  /// Called when it ends, however it ends.
  public var end: @Sendable () -> Void
  /// Whether the inspector asked to stop.
  public var isCancelled: @Sendable () -> Bool

  /// Creates a reporter.
  public init(
    begin: @escaping @Sendable (String, Int64) -> Void, update: @escaping @Sendable (Int64) -> Void,
    end: @escaping @Sendable () -> Void, isCancelled: @escaping @Sendable () -> Bool
  ) {
    self.begin = begin
    self.update = update
    self.end = end
    self.isCancelled = isCancelled
  }

  /// Reports nothing and never stops.
  public static let silent = ProgressReporter(
    begin: { _, _ in }, update: { _ in }, end: {}, isCancelled: { false })
}
