/// The terminal's width, asked for by the session before each reply; set once the console exists.
final class TerminalWidth {
  var columns: () -> Int? = { nil }
}
