import KyCuongREPL

/// Collects everything written, for tests.
public final class CapturingOutput: TextOutput {
  /// Everything written so far, concatenated.
  public private(set) var text = ""

  /// Creates an empty capture.
  public init() {}

  /// Appends `text` to the capture.
  public func write(_ text: String) {
    self.text += text
  }
}
