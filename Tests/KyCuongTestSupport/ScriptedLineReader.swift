import KyCuongREPL

/// A reader that replays a fixed list of inputs, for tests; `.endOfInput` once the list is used up.
public final class ScriptedLineReader: LineReader {
  /// The inputs not yet read, in order.
  public private(set) var remaining: [LineInput]
  /// Every prompt the loop asked to show, in order, so tests can check them.
  public private(set) var prompts: [String] = []
  /// Whether to claim a terminal; tests of interactive behaviour set it.
  public let isInteractive: Bool

  /// Creates a reader that will return `inputs` one by one.
  public init(_ inputs: [LineInput], isInteractive: Bool = false) {
    self.remaining = inputs
    self.isInteractive = isInteractive
  }

  /// Records `prompt` and returns the next scripted input.
  public func read(prompt: String) -> LineInput {
    prompts.append(prompt)
    guard !remaining.isEmpty else { return .endOfInput }
    return remaining.removeFirst()
  }
}
