import Foundation
import KyCuongSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension EventLog {
  /// One line of a log as ``EventLog/Reader`` classified it.
  public enum Line: Sendable {
    /// A complete event, with the exact bytes of its line.
    case event(RawEvent)
    /// A line that is not an event.
    case damage(LogDamage)
  }

  /// Reads a log as its bytes arrive, a chunk at a time: each line is parsed once, as soon as its newline has
  /// been read, and nothing of it is kept but what ``EventLog/Line`` holds. Reading a log is linear in its size, and
  /// the memory it takes beyond the lines handed out is one line.
  ///
  /// ```swift
  /// var reader = EventLog.Reader()
  /// for chunk in chunks { chunk.withUnsafeBytes { reader.read($0) { line in … } } }
  /// reader.finish { line in … }   // the last line, when it has no newline
  /// ```
  ///
  /// The lines are classified exactly as ``EventLog/readLines(_:)`` does (which uses this reader): blank
  /// lines are skipped, a line that is not an event is damage, and a last line without its newline that is
  /// not a whole event is ``LogDamage/Kind/incompleteLastLine(bytes:)``.
  public struct Reader {
    /// The bytes of a line whose newline has not arrived yet.
    private var pending: [UInt8] = []
    private var lineNumber = 0
    private let decoder = JSONCoding.decoder()
    /// Bytes read so far.
    public private(set) var byteCount = 0
    /// Whether the bytes read so far end with a newline (`true` while none were read).
    public private(set) var endsWithNewline = true
    /// After ``finish(_:)``: the bytes after the last newline (the last line, cut off or missing only its
    /// newline), or `nil` when the log ends with a newline.
    public private(set) var unterminatedLine: Data?

    /// A reader at the start of a log.
    public init() {}

    /// Reads the next bytes of the log, handing every line they complete to `body`, in order.
    ///
    /// - Parameters:
    ///   - chunk: The bytes that follow those read so far.
    ///   - body: Called with each complete line.
    public mutating func read(_ chunk: UnsafeRawBufferPointer, _ body: (Line) throws -> Void) rethrows {
      guard let base = chunk.baseAddress, !chunk.isEmpty else { return }
      byteCount += chunk.count
      endsWithNewline = chunk[chunk.count - 1] == UInt8(ascii: "\n")
      var start = 0
      while start < chunk.count {
        guard let found = memchr(base + start, Int32(UInt8(ascii: "\n")), chunk.count - start) else {
          pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[start...]))
          return
        }
        let end = base.distance(to: UnsafeRawPointer(found))
        if pending.isEmpty {
          try classify(UnsafeRawBufferPointer(rebasing: chunk[start..<end]), terminated: true, body)
        } else {
          pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[start..<end]))
          let line = pending
          pending.removeAll(keepingCapacity: true)
          try line.withUnsafeBytes { try classify($0, terminated: true, body) }
        }
        start = end + 1
      }
    }

    /// Reads the bytes of `data`, as the method above reads those of a buffer.
    ///
    /// - Parameters:
    ///   - data: The bytes that follow those read so far.
    ///   - body: Called with each complete line.
    public mutating func read(_ data: Data, _ body: (Line) throws -> Void) rethrows {
      try data.withUnsafeBytes { try read($0, body) }
    }

    /// Ends the log: hands the last line to `body` when it has no newline (a whole event, or damage).
    ///
    /// - Parameter body: Called with the last line, if it had no newline.
    public mutating func finish(_ body: (Line) throws -> Void) rethrows {
      guard !pending.isEmpty else { return }
      let line = pending
      pending.removeAll()
      unterminatedLine = Data(line)
      try line.withUnsafeBytes { try classify($0, terminated: false, body) }
    }

    private mutating func classify(
      _ bytes: UnsafeRawBufferPointer, terminated: Bool, _ body: (Line) throws -> Void
    ) rethrows {
      lineNumber += 1
      if bytes.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) { return }
      let number = lineNumber
      // A key given twice would be read as one of its values, silently: refuse the line instead.
      if DuplicateKeyScan.mayRepeatKeys(bytes), let path = (try? JSONReader.parse(bytes))?.firstDuplicateKey {
        try body(
          .damage(
            LogDamage(
              line: number,
              kind: terminated ? .duplicateKey(path: path) : .incompleteLastLine(bytes: bytes.count))))
        return
      }
      let data = Data(bytes)
      let event: AuditEvent
      do {
        event = try decoder.decode(AuditEvent.self, from: data)
      } catch {
        try body(
          .damage(
            LogDamage(
              line: number,
              kind: terminated
                ? .invalidEvent(reason: JSONCoding.reason(error)) : .incompleteLastLine(bytes: bytes.count))))
        return
      }
      try body(.event(RawEvent(lineNumber: number, bytes: data, event: event)))
    }
  }
}

/// A quick look at a line for keys that may occur twice in one object, without building its values: every
/// line of a log goes through it, and only a line it cannot clear is parsed in full (``JSONReader``) to find
/// the key, so what is refused is exactly what the full reader's ``JSONValue/firstDuplicateKey`` finds.
///
/// Keys are compared by their bytes, which is exact for keys of plain ASCII without escapes (all of a log's
/// keys). A key with an escape or a byte outside ASCII (`"a"` and `"\u0061"`, or two spellings of one
/// accented letter, are one key to the full reader), or a line whose brackets do not match, is not
/// cleared.
enum DuplicateKeyScan {
  /// `false` when no object of `bytes` has a key twice; `true` when it may.
  static func mayRepeatKeys(_ bytes: UnsafeRawBufferPointer) -> Bool {
    guard let base = bytes.baseAddress else { return false }
    // The keys of the open objects, innermost last, as byte ranges; and for each open object or array
    // where its keys start in `keys` (`nil` for an array).
    var keys: [Range<Int>] = []
    var open: [Int?] = []
    var expectingKey = false
    var index = 0
    let count = bytes.count
    while index < count {
      switch bytes[index] {
      case UInt8(ascii: "\""):
        let start = index + 1
        var end = start
        var plain = true
        while end < count, bytes[end] != UInt8(ascii: "\"") {
          if bytes[end] == UInt8(ascii: "\\") {
            plain = false
            end += 1
          } else if bytes[end] >= 0x80 {
            plain = false
          }
          end += 1
        }
        guard end < count else { return true }
        if expectingKey, case .some(let first)? = open.last {
          guard plain else { return true }
          let length = end - start
          for other in keys[first...] where other.count == length {
            if memcmp(base + other.lowerBound, base + start, length) == 0 { return true }
          }
          keys.append(start..<end)
          expectingKey = false
        }
        index = end + 1
      case UInt8(ascii: "{"):
        open.append(keys.count)
        expectingKey = true
        index += 1
      case UInt8(ascii: "["):
        open.append(nil)
        expectingKey = false
        index += 1
      case UInt8(ascii: "}"):
        guard case .some(let first)? = open.last else { return true }
        open.removeLast()
        keys.removeSubrange(first...)
        expectingKey = false
        index += 1
      case UInt8(ascii: "]"):
        guard case .none? = open.last else { return true }
        open.removeLast()
        expectingKey = false
        index += 1
      case UInt8(ascii: ","):
        if case .some(.some) = open.last { expectingKey = true }
        index += 1
      default:
        index += 1
      }
    }
    return !open.isEmpty
  }
}
