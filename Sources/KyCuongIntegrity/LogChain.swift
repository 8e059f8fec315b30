import Foundation
import KyCuong

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The hash chain of an event log (event format version 2).
///
/// Every line of a chained log carries `prev`, the hex SHA-256 of the exact bytes of the line before it
/// (without its newline; for the first line, the SHA-256 of no bytes, `e3b0c442…b855`), and `sum`, the hex
/// SHA-256 of its own bytes with the member `"sum":"…"` and one adjacent comma removed. Changing, removing,
/// inserting or reordering a line breaks the `prev` of the next line; changing the last line breaks its own
/// `sum`. Removing lines at the end leaves a shorter chain that is intact in itself: the export's `chainHead`
/// (and its signature) are what pin the end of the log.
///
/// Hashing the stored bytes rather than a re-encoding makes the check independent of how a JSON encoder
/// orders keys or formats numbers.
public enum LogChain {
  /// The `prev` of a log's first line: the SHA-256 of no bytes.
  public static let firstPrevious = Digest.empty

  /// One event as a chained line (version 2), newline included.
  ///
  /// - Parameters:
  ///   - event: The event; its `prev` and `sum` are set here, whatever it carries.
  ///   - previousLine: The exact bytes of the log's last line (without its newline), or `nil` when the event
  ///     is the log's first.
  /// - Returns: The event's JSON with `prev` and `sum` in it, then a newline.
  /// - Throws: ``ChainError`` when the event cannot be encoded, or the encoder does not write it as expected.
  public static func line(for event: AuditEvent, after previousLine: Data?) throws(ChainError) -> Data {
    var event = event
    event.previousDigest = previousLine.map { Digest.hex(of: $0) } ?? firstPrevious
    event.lineDigest = nil
    let body: Data
    do {
      body = try EventLog.line(for: event).dropLast()
    } catch {
      throw ChainError(reason: "event \(event.sequence) cannot be encoded: \(error)")
    }
    let sum = Digest.hex(of: body)
    // The member goes where an encoder sorting the keys puts it: before the first top-level key after "sum".
    let line: Data? = body.withUnsafeBytes { bytes in
      guard let members = JSONSlicer.members(bytes, in: 0..<bytes.count),
        let close = members.last?.value.upperBound
      else { return nil }
      let member = Data("\"sum\":\"\(sum)\"".utf8)
      var line = Data(capacity: body.count + member.count + 2)
      if let next = members.first(where: { $0.key > "sum" }) {
        // The key's opening quote: the value's start, back past the colon and the quoted key.
        let keyStart = next.value.lowerBound - 1 - next.key.utf8.count - 2
        line.append(contentsOf: bytes[..<keyStart])
        line.append(member + Data(",".utf8))
        line.append(contentsOf: bytes[keyStart...])
      } else {
        line.append(contentsOf: bytes[..<close])
        line.append(Data(",".utf8) + member)
        line.append(contentsOf: bytes[close...])
      }
      // The line without its `sum` must be exactly the bytes the sum was computed over.
      let stripped = line.withUnsafeBytes { written in
        sumMember(sum, in: written).map { Data(written[..<$0.lowerBound]) + Data(written[$0.upperBound...]) }
      }
      return stripped == body ? line : nil
    }
    guard var line else {
      throw ChainError(reason: "event \(event.sequence): the encoder did not write the event as expected")
    }
    line.append(UInt8(ascii: "\n"))
    return line
  }

  /// `line` without the member `"sum":"<sum>"` and one adjacent comma, or `nil` unless that member occurs in it
  /// exactly once.
  public static func removingSum(_ sum: String, from line: some Collection<UInt8>) -> Data? {
    let bytes = Data(line)
    return bytes.withUnsafeBytes { buffer in
      sumMember(sum, in: buffer).map { cut in
        Data(buffer[..<cut.lowerBound]) + Data(buffer[cut.upperBound...])
      }
    }
  }

  /// Where the member `"sum":"<sum>"` and one adjacent comma are in `line` (the comma before it if there is
  /// one, else the one after it), or `nil` unless that member occurs exactly once.
  static func sumMember(_ sum: String, in line: UnsafeRawBufferPointer) -> Range<Int>? {
    let member = Array("\"sum\":\"\(sum)\"".utf8)
    guard let base = line.baseAddress else { return nil }
    // memchr for the first byte, memcmp for the rest: linear in the line for a member that starts with `"`.
    func find(from start: Int) -> Int? {
      var index = start
      while index + member.count <= line.count {
        guard let found = memchr(base + index, Int32(member[0]), line.count - member.count + 1 - index) else {
          return nil
        }
        let offset = base.distance(to: UnsafeRawPointer(found))
        let matches = member.withUnsafeBytes { pattern in
          pattern.baseAddress.map { memcmp(base + offset, $0, member.count) == 0 } ?? false
        }
        if matches { return offset }
        index = offset + 1
      }
      return nil
    }
    guard let start = find(from: 0), find(from: start + 1) == nil else { return nil }
    var begin = start
    var end = start + member.count
    if begin > 0, line[begin - 1] == UInt8(ascii: ",") {
      begin -= 1
    } else if end < line.count, line[end] == UInt8(ascii: ",") {
      end += 1
    }
    return begin..<end
  }

  /// `sha256:` and the hex SHA-256 of the exact bytes of the last complete line of `log`, or `nil` for a log
  /// with no complete event.
  ///
  /// The log is read from its end: only the lines after its last event are looked at besides it.
  public static func head(of log: Data) -> String? {
    var end = log.endIndex
    while end > log.startIndex {
      let start = log[..<end].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? log.startIndex
      // A line read on its own is an event exactly when it is one inside the log.
      var found: Data?
      EventLog.forEachLine(of: Data(log[start..<end])) { if case .event(let raw) = $0 { found = raw.bytes } }
      if let found { return Digest.labelled(found) }
      end = start > log.startIndex ? start - 1 : start
    }
    return nil
  }

  /// Checks every link and every line digest of `log`, and that its events replay into an audit.
  ///
  /// - Parameter log: The log's bytes.
  /// - Returns: What was found; ``LogVerification/isIntact`` when nothing is wrong.
  public static func verify(_ log: Data) -> LogVerification {
    verifyAndReplay(log).verification
  }

  /// Checks `log` like ``verify(_:)``, in the same single pass, and gives the audit its events replay into
  /// (`nil` when they do not).
  ///
  /// - Parameter log: The log's bytes.
  /// - Returns: What was found, and the audit.
  public static func verifyAndReplay(_ log: Data) -> (verification: LogVerification, audit: Audit?) {
    var verifier = Verifier()
    var events: [AuditEvent] = []
    EventLog.forEachLine(of: log) { line in
      verifier.check(line)
      if case .event(let raw) = line { events.append(raw.event) }
    }
    var audit: Audit?
    var replay: AuditError?
    if !events.isEmpty {
      do {
        audit = try Audit(replaying: events)
      } catch {
        replay = error
      }
    }
    let verification = verifier.verification(
      endsWithNewline: log.last == UInt8(ascii: "\n"), isEmpty: log.isEmpty, replay: replay)
    return (verification, audit)
  }

  /// Checks a log already read line by line (so that a caller that reads a log once checks it without
  /// reading it again).
  ///
  /// - Parameters:
  ///   - contents: The log as ``/KyCuong/EventLog/readLines(_:)`` read it.
  ///   - isEmpty: Whether the file had no bytes at all.
  /// - Returns: What was found.
  public static func verify(_ contents: EventLog.RawContents, isEmpty: Bool = false) -> LogVerification {
    var verifier = Verifier()
    for damage in contents.damage { verifier.check(.damage(damage)) }
    for raw in contents.events { verifier.check(.event(raw)) }
    return verifier.verification(
      endsWithNewline: contents.endsWithNewline, isEmpty: isEmpty, replaying: contents.events.map(\.event))
  }
}
