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
      let data = Data(bytes)
      let event: AuditEvent
      switch Self.decode(bytes, data: data, decoder: decoder) {
      case .success(let decoded):
        event = decoded
      case .failure(.duplicateKey(let path)):
        // A key given twice would be read as one of its values, silently: the line is refused instead.
        try body(
          .damage(
            LogDamage(
              line: number,
              kind: terminated ? .duplicateKey(path: path) : .incompleteLastLine(bytes: bytes.count))))
        return
      case .failure(.invalid(let error)):
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

    /// Why a line is not an event.
    enum Refusal: Error {
      /// An object has a key twice, first at this path.
      case duplicateKey(path: String)
      /// The line is not JSON, or not an event; the error as `JSONDecoder` gives it.
      case invalid(any Error)
    }

    /// The event on a line, parsed once: the strict reader's value decoded by ``JSONValueDecoder`` — or the
    /// line's bytes decoded by `JSONDecoder`, as before, where only that gives the same answer: a line the
    /// strict reader refuses (the reason is `JSONDecoder`'s, as it was), a number whose text says more than
    /// its value, a value only the text gives (``JSONValueDecoder/NeedsText``). Before issue 13 every line
    /// went through `JSONDecoder` (and, when it might repeat a key, the strict reader first); a line reads
    /// to the same event, or the same refusal, either way (`EventLogReaderTests` holds it to that reading).
    static func decode(
      _ bytes: UnsafeRawBufferPointer, data: Data, decoder: JSONDecoder
    ) -> Result<AuditEvent, Refusal> {
      do {
        guard let document = try? JSONReader.parseDocument(bytes) else {
          return .success(try decoder.decode(AuditEvent.self, from: data))
        }
        if document.hasDuplicateKeys, let path = document.value.firstDuplicateKey {
          return .failure(.duplicateKey(path: path))
        }
        return .success(
          try JSONValueDecoder.decode(AuditEvent.self, from: document, data: data, decoder: decoder))
      } catch {
        return .failure(.invalid(error))
      }
    }
  }
}
