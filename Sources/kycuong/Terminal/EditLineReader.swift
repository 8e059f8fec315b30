import CEditLine
import CEditLineShim
import Foundation
import KyCuongREPL

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads lines on a terminal with libedit: emacs keys, persistent history, Tab completion, Ctrl-C cancels
/// the line, Ctrl-Z suspends, Ctrl-D on an empty line ends the input.
final class EditLineReader: LineReader {
  /// Candidates for the word ending the given text before the cursor.
  typealias Completer = (String) -> [String]

  private let editLine: OpaquePointer
  private let history: OpaquePointer
  private let historyPath: String?
  private let completer: Completer
  /// Whether a line may be kept in the history file (free text is not).
  private let keepsInHistory: (String) -> Bool
  /// The prompt as a C string that stays alive while libedit shows it.
  private var promptBuffer: UnsafeMutablePointer<CChar>?
  /// Set by the Ctrl-C binding so `read` reports `.interrupted` instead of the cancelled text.
  fileprivate var interrupted = false
  private var ended = false

  var isInteractive: Bool { true }

  /// Sets up libedit on the process's terminal; `historyPath` nil keeps history in memory only.
  init?(
    historyPath: String?, completer: @escaping Completer,
    keepsInHistory: @escaping (String) -> Bool = { _ in true }
  ) {
    // libedit fixes its character mode in el_init: without a UTF-8 LC_CTYPE it drops every non-ASCII byte
    // and crashes on a non-ASCII prompt.
    Self.ensureUTF8CharacterType()
    // The handler needs the terminal settings from before libedit changes them.
    kc_install_sigterm_restore()
    guard let editLine = kc_el_init(CommandLine.arguments.first ?? "kycuong") else { return nil }
    guard let history = history_init() else {
      el_end(editLine)
      return nil
    }
    self.editLine = editLine
    self.history = history
    self.historyPath = historyPath
    self.completer = completer
    self.keepsInHistory = keepsInHistory

    kc_history_set_size(history, 1000)
    kc_history_set_unique(history, 1)
    if let historyPath {
      // A missing file on the first run is normal; a damaged one just means an empty history.
      _ = kc_history_load(history, historyPath)
    }

    kc_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
    kc_el_set_editor(editLine, "emacs")
    // EL_SIGNAL restores the terminal on signals, re-wraps on SIGWINCH and redraws after `fg`.
    kc_el_set_signal(editLine, 1)
    kc_el_set_history(editLine, history)
    kc_el_set_prompt(editLine, editLinePrompt)

    // With ISIG off while editing, Ctrl-C and Ctrl-Z reach us as keys: Ctrl-C cancels the line instead of
    // killing the audit, Ctrl-Z suspends only after the terminal is restored.
    kc_el_setty_edit(editLine, "-isig")
    kc_el_add_function(editLine, "kycuong-complete", "Complete the word before the cursor", editLineComplete)
    kc_el_add_function(editLine, "kycuong-interrupt", "Cancel the current line", editLineInterrupt)
    kc_el_add_function(editLine, "kycuong-suspend", "Suspend kycuong", editLineSuspend)
    kc_el_bind(editLine, "^I", "kycuong-complete")
    kc_el_bind(editLine, "^C", "kycuong-interrupt")
    kc_el_bind(editLine, "^Z", "kycuong-suspend")
  }

  deinit {
    close()
  }

  /// Gives the terminal back; safe to call more than once. Call it before the process exits: a top-level
  /// object in main.swift is never deinitialised.
  func close() {
    guard !ended else { return }
    ended = true
    el_end(editLine)
    history_end(history)
    free(promptBuffer)
    promptBuffer = nil
    kc_restore_saved_terminal()
  }

  func read(prompt: String) -> LineInput {
    guard !ended else { return .endOfInput }
    free(promptBuffer)
    promptBuffer = strdup(prompt)
    interrupted = false

    var count: Int32 = 0
    guard let raw = el_gets(editLine, &count), count > 0 else {
      // Ctrl-D on an empty line (or a read error): libedit leaves the cursor after the prompt.
      StandardOutput().write("\n")
      return .endOfInput
    }
    // The buffer belongs to libedit: copy it now.
    var line = String(cString: raw)
    if interrupted {
      return .interrupted
    }
    while line.hasSuffix("\n") || line.hasSuffix("\r") {
      line.removeLast()
    }
    if !line.trimmingCharacters(in: .whitespaces).isEmpty, keepsInHistory(line) {
      kc_history_enter(history, line)
      saveHistory()
    }
    return .line(line)
  }

  /// The terminal's width in columns, as libedit last saw it (it follows SIGWINCH).
  var columns: Int {
    let width = Int(kc_el_get_columns(editLine))
    return width > 0 ? width : 80
  }

  private func saveHistory() {
    guard let historyPath else { return }
    _ = kc_history_save(history, historyPath)
  }

  /// The prompt callback's answer.
  fileprivate var currentPrompt: UnsafeMutablePointer<CChar>? { promptBuffer }

  /// Tab: complete the word before the cursor.
  fileprivate func complete() -> UInt8 {
    guard let info = el_line(editLine)?.pointee else { return UInt8(CC_ERROR) }
    let before = text(from: info.buffer, to: info.cursor)
    switch CompletionPlan.make(lineBeforeCursor: before, candidates: completer(before)) {
    case .none:
      return UInt8(CC_REFRESH_BEEP)
    case .replace(let deleteCount, let insert):
      if deleteCount > 0 {
        el_deletestr(editLine, Int32(deleteCount))
      }
      guard el_insertstr(editLine, insert) == 0 else { return UInt8(CC_REFRESH_BEEP) }
      return UInt8(CC_REFRESH)
    case .list(let candidates):
      let width = Int(kc_el_get_columns(editLine))
      let table = CompletionPlan.columns(candidates, width: width > 0 ? width : 80)
      // "\r\n": the terminal may have output post-processing off while libedit edits.
      StandardOutput().write("\r\n" + table.replacingOccurrences(of: "\n", with: "\r\n"))
      return UInt8(CC_REDISPLAY)
    }
  }

  /// The UTF-8 text between two pointers into el_line's buffer (el_line gives bytes, not characters).
  private func text(from start: UnsafePointer<CChar>, to end: UnsafePointer<CChar>) -> String {
    let length = max(end - start, 0)
    return start.withMemoryRebound(to: UInt8.self, capacity: length) {
      String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
    }
  }

  /// Ctrl-C: show "^C", end the line the normal way so libedit moves below it, and report an interruption.
  fileprivate func interrupt() -> UInt8 {
    interrupted = true
    // Move to the end so libedit's newline goes below everything typed, even a wrapped line. el_cursor
    // counts wide characters: count the scalars after the cursor rather than overshoot the buffer.
    if let info = el_line(editLine)?.pointee {
      let after = text(from: info.cursor, to: info.lastchar)
      _ = el_cursor(editLine, Int32(after.unicodeScalars.count))
    }
    _ = el_insertstr(editLine, "^C")
    el_push(editLine, "\n")
    return UInt8(CC_REFRESH)
  }

  /// Ctrl-Z: with ISIG off the terminal does not stop us, so restore the terminal, stop ourselves, and
  /// redraw the line when `fg` continues us.
  fileprivate func suspend() -> UInt8 {
    kc_el_prep_term(editLine, 0)
    StandardOutput().write("\n")
    kill(getpid(), SIGTSTP)
    // Here after SIGCONT.
    kc_el_prep_term(editLine, 1)
    return UInt8(CC_REDISPLAY)
  }

  /// Switches LC_CTYPE (only: numbers and messages keep their locale) to UTF-8: the user's locale when it
  /// is UTF-8, else the first UTF-8 locale this system has. LANG=C, POSIX and uninstalled locales such as
  /// vi_VN.UTF-8 on a minimal server all end up here.
  static func ensureUTF8CharacterType() {
    setlocale(LC_CTYPE, "")
    guard !isUTF8CharacterType() else { return }
    // C.UTF-8 is in glibc since 2.35 and in Debian for much longer; the others cover older systems and macOS.
    for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8", "UTF-8"] {
      if setlocale(LC_CTYPE, name) != nil && isUTF8CharacterType() {
        return
      }
    }
  }

  private static func isUTF8CharacterType() -> Bool {
    guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
    // "UTF-8", "utf8": compared without dashes, in Swift's own string operations (Foundation's
    // replacingOccurrences bridges through NSString: two calls were 2.1 M instructions, 13% of a start).
    let name = String(cString: codeset).uppercased().filter { $0 != "-" }
    return name == "UTF8"
  }
}

/// The EditLineReader behind a libedit handle, through EL_CLIENTDATA.
private func reader(of editLine: OpaquePointer?) -> EditLineReader? {
  guard let editLine, let data = kc_el_get_clientdata(editLine) else { return nil }
  return Unmanaged<EditLineReader>.fromOpaque(data).takeUnretainedValue()
}

private func editLinePrompt(_ editLine: OpaquePointer?) -> UnsafeMutablePointer<CChar>? {
  reader(of: editLine)?.currentPrompt
}

private func editLineComplete(_ editLine: OpaquePointer?, _ key: Int32) -> UInt8 {
  reader(of: editLine)?.complete() ?? UInt8(CC_ERROR)
}

private func editLineInterrupt(_ editLine: OpaquePointer?, _ key: Int32) -> UInt8 {
  reader(of: editLine)?.interrupt() ?? UInt8(CC_ERROR)
}

private func editLineSuspend(_ editLine: OpaquePointer?, _ key: Int32) -> UInt8 {
  reader(of: editLine)?.suspend() ?? UInt8(CC_ERROR)
}
