#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where the loop prints replies: standard output, or a buffer in tests.
public protocol TextOutput: AnyObject {
  /// Writes `text` as is (the caller supplies newlines).
  func write(_ text: String)
}

/// Writes to the process's standard output and flushes at once, so replies are never stuck behind a prompt.
public final class StandardOutput: TextOutput {
  /// Creates a writer to standard output.
  public init() {}

  /// Writes `text` to standard output and flushes it.
  public func write(_ text: String) {
    Swift.print(text, terminator: "")
    // `fflush(nil)` flushes every C stream: libedit writes its prompt through the same `stdout` FILE.
    fflush(nil)
  }
}
