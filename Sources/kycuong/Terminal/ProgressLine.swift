import Foundation
import KyCuongREPL
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Set by the SIGINT handler while a long task runs: Ctrl-C asks it to stop instead of killing kycuong.
private let interruptRequested = Atomic<Bool>(false)

/// The progress of a long task on the terminal: one line redrawn in place (`đang chép ảnh.jpg: 45%`), and
/// Ctrl-C caught while it runs, so the task stops cleanly (the copy is removed, nothing is recorded).
enum ProgressLine {
  /// A reporter that draws on standard output when `interactive`, and is silent (but still cancellable by
  /// SIGINT) otherwise.
  static func reporter(interactive: Bool) -> ProgressReporter {
    let state = Mutex<(label: String, total: Int64, last: Int)>(("", 0, -1))
    return ProgressReporter(
      begin: { label, total in
        state.withLock { $0 = (label, total, -1) }
        interruptRequested.store(false, ordering: .relaxed)
        signal(SIGINT) { _ in interruptRequested.store(true, ordering: .relaxed) }
      },
      update: { done in
        guard interactive else { return }
        let line: String? = state.withLock { current in
          let percent = current.total > 0 ? Int(done * 100 / current.total) : 100
          guard percent != current.last else { return nil }
          current.last = percent
          return
            "\r\u{1B}[K  \(current.label): \(percent)% (\(done >> 20)/\(current.total >> 20) MiB; Ctrl-C: hủy/cancel)"
        }
        if let line { StandardOutput().write(line) }
      },
      end: {
        signal(SIGINT, SIG_DFL)
        // A Ctrl-C belongs to the task it cancelled: left set, it would cancel the next task too, and a small
        // file (which has no progress line, so no `begin`) could then never be attached.
        interruptRequested.store(false, ordering: .relaxed)
        if interactive { StandardOutput().write("\r\u{1B}[K") }
      },
      isCancelled: { interruptRequested.load(ordering: .relaxed) })
  }
}
