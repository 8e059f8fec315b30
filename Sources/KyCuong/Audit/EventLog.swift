import Foundation

/// The on-disk form of an audit: JSON Lines, one ``AuditEvent`` per line, UTF-8, oldest first.
///
/// Lines are written with sorted keys and ISO 8601 UTC times. A reader recovers every complete event of a
/// log whose last line was cut short by a crash, and reports the damage instead of failing.
public enum EventLog {
  /// What reading a log found.
  public struct Contents: Sendable {
    /// The events that were read whole.
    public var events: [AuditEvent]
    /// Problems met, each naming its line; empty for an intact log.
    public var damage: [String]
  }

  /// An encoder for one line: sorted keys, ISO 8601 times, no slashes escaped.
  public static func makeEncoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .custom { date, encoder in
      var container = encoder.singleValueContainer()
      try container.encode(Timestamp.string(from: date))
    }
    return encoder
  }

  /// A decoder matching ``makeEncoder()``.
  public static func makeDecoder() -> JSONDecoder {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .custom { decoder in
      let container = try decoder.singleValueContainer()
      let text = try container.decode(String.self)
      guard let date = Timestamp.date(from: text) else {
        throw DecodingError.dataCorruptedError(
          in: container, debugDescription: "not an ISO 8601 time: \(text)")
      }
      return date
    }
    return decoder
  }

  /// One event as a line of JSON, newline included.
  public static func line(for event: AuditEvent) throws -> Data {
    var data = try makeEncoder().encode(event)
    data.append(UInt8(ascii: "\n"))
    return data
  }

  /// One complete event of a log with the exact bytes of its line, for checking a hash chain.
  public struct RawEvent: Sendable {
    /// The line's number in the file, from 1.
    public var lineNumber: Int
    /// The line's bytes, without its newline.
    public var bytes: Data
    /// The event it holds.
    public var event: AuditEvent
  }

  /// What ``readLines(_:)`` found: every complete event with its raw line, and the damage.
  public struct RawContents: Sendable {
    /// The events that were read whole, with their lines, oldest first.
    public var events: [RawEvent]
    /// Problems met, each naming its line; empty for an intact log.
    public var damage: [String]
    /// Whether the file ends with a newline (an intact log does; a crash mid-write leaves it without).
    public var endsWithNewline: Bool
  }

  /// Reads a log. Complete events are kept; a damaged line is reported. A cut-off last line (no newline, not
  /// JSON) is the signature of a crash mid-write and is reported as such.
  public static func read(_ data: Data) -> Contents {
    let contents = readLines(data)
    return Contents(events: contents.events.map(\.event), damage: contents.damage)
  }

  /// Reads a log like ``read(_:)`` and keeps each event's exact line bytes alongside it.
  public static func readLines(_ data: Data) -> RawContents {
    let decoder = makeDecoder()
    var events: [RawEvent] = []
    var damage: [String] = []
    let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    for (index, line) in lines.enumerated() {
      if line.isEmpty || line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) { continue }
      let isLast = index == lines.count - 1
      let bytes = Data(line)
      do {
        // A key given twice would be read as one of its values, silently: refuse the line instead.
        if let key = duplicateKey(in: bytes) {
          throw DecodingError.dataCorrupted(
            DecodingError.Context(codingPath: [], debugDescription: "the key \"\(key)\" occurs twice"))
        }
        events.append(
          RawEvent(
            lineNumber: index + 1, bytes: bytes, event: try decoder.decode(AuditEvent.self, from: bytes)))
      } catch {
        if isLast {
          damage.append(
            "line \(index + 1): incomplete last line (\(line.count) bytes), probably cut off by a crash; ignored"
          )
        } else {
          damage.append("line \(index + 1): not a valid event (\(Self.reason(error))); ignored")
        }
      }
    }
    return RawContents(events: events, damage: damage, endsWithNewline: data.last == UInt8(ascii: "\n"))
  }

  /// Reads a log and rebuilds its audit.
  ///
  /// - Returns: The audit and the damage report (empty for an intact log).
  public static func audit(from data: Data) throws(AuditError) -> (audit: Audit, damage: [String]) {
    let contents = read(data)
    return (try Audit(replaying: contents.events), contents.damage)
  }

  /// The first key that occurs twice in one object of the JSON `data` (with its path), or `nil` when none
  /// does or `data` is not JSON (the decoder then says why). JSONDecoder keeps one of the values silently.
  static func duplicateKey(in data: Data) -> String? {
    guard let value = try? JSONReader.parse(data) else { return nil }
    return duplicateKey(in: value, path: "")
  }

  private static func duplicateKey(in value: JSONValue, path: String) -> String? {
    switch value {
    case .object(let members):
      var seen = Set<String>()
      for member in members {
        let memberPath = path.isEmpty ? member.key : "\(path).\(member.key)"
        if !seen.insert(member.key).inserted { return memberPath }
        if let found = duplicateKey(in: member.value, path: memberPath) { return found }
      }
      return nil
    case .array(let elements):
      for (index, element) in elements.enumerated() {
        if let found = duplicateKey(in: element, path: "\(path)[\(index)]") { return found }
      }
      return nil
    default: return nil
    }
  }

  static func reason(_ error: any Error) -> String {
    switch error {
    case DecodingError.keyNotFound(let key, _): "missing \"\(key.stringValue)\""
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
      "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
    case DecodingError.dataCorrupted(let context):
      context.debugDescription.isEmpty ? "not JSON" : context.debugDescription
    default: "not JSON"
    }
  }
}

/// ISO 8601 UTC times with seconds, the only time format KyCuong writes: `2026-11-21T09:30:00Z`.
public enum Timestamp {
  /// `date` as `YYYY-MM-DDTHH:MM:SSZ` (fractions of a second dropped, so files are stable across platforms).
  public static func string(from date: Date) -> String {
    date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC") ?? .current))
  }

  /// `date` without its fraction of a second: the precision the log keeps, so a replayed audit equals the
  /// one in memory.
  public static func wholeSeconds(_ date: Date) -> Date {
    Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
  }

  /// Parses an ISO 8601 time, with or without fractional seconds.
  public static func date(from text: String) -> Date? {
    if let date = try? Date.ISO8601FormatStyle().parse(text) { return date }
    return try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)
  }
}

/// Reads a whole file only after checking that it is a regular file no larger than a limit, so that a file far
/// over a sane size is refused before any of it is read.
public enum BoundedFile {
  /// The largest event log read: 256 MiB.
  public static let maximumLogSize = 256 * 1024 * 1024
  /// The largest export read: 256 MiB.
  public static let maximumExportSize = 256 * 1024 * 1024
  /// The largest checklist file read: 16 MiB.
  public static let maximumChecklistSize = 16 * 1024 * 1024

  /// The bytes of the file at `url`.
  ///
  /// - Throws: ``FileReadError`` when it is missing, a folder or not a regular file, larger than `limit`, or
  ///   unreadable.
  public static func read(_ url: URL, limit: Int) throws(FileReadError) -> Data {
    let path = url.path
    let attributes: [FileAttributeKey: Any]
    do {
      attributes = try FileManager.default.attributesOfItem(atPath: path)
    } catch {
      throw FileManager.default.fileExists(atPath: path)
        ? .unreadable(path: path, reason: error.localizedDescription) : .notFound(path: path)
    }
    // attributesOfItem does not follow a final symbolic link; the target is what is read.
    var type = attributes[.type] as? FileAttributeType
    var size = (attributes[.size] as? NSNumber)?.intValue ?? 0
    if type == .typeSymbolicLink {
      let resolved = url.resolvingSymlinksInPath().path
      guard let target = try? FileManager.default.attributesOfItem(atPath: resolved) else {
        throw .notFound(path: path)
      }
      type = target[.type] as? FileAttributeType
      size = (target[.size] as? NSNumber)?.intValue ?? 0
    }
    if type == .typeDirectory { throw .isFolder(path: path) }
    guard type == .typeRegular else { throw .notRegularFile(path: path) }
    if size > limit { throw .tooLarge(path: path, size: size, limit: limit) }
    let handle: FileHandle
    do {
      handle = try FileHandle(forReadingFrom: url)
    } catch {
      throw .unreadable(path: path, reason: error.localizedDescription)
    }
    defer { try? handle.close() }
    let data: Data
    do {
      // One byte past the limit: a file that grew since it was measured is refused too.
      data = try handle.read(upToCount: limit + 1) ?? Data()
    } catch {
      throw .unreadable(path: path, reason: error.localizedDescription)
    }
    if data.count > limit { throw .tooLarge(path: path, size: data.count, limit: limit) }
    return data
  }
}

/// A file could not be read whole. Each case says what to do.
public enum FileReadError: Error, Hashable, Sendable, CustomStringConvertible {
  /// No such file.
  case notFound(path: String)
  /// A folder where a file was expected.
  case isFolder(path: String)
  /// A device, socket or pipe.
  case notRegularFile(path: String)
  /// Over the size limit; not read.
  case tooLarge(path: String, size: Int, limit: Int)
  /// The system refused to read it (permissions, I/O error).
  case unreadable(path: String, reason: String)

  /// What happened and what to do.
  public var description: String {
    switch self {
    case .notFound(let path): "\(path): no such file; check the path"
    case .isFolder(let path): "\(path) is a folder, not a file; name a file in it"
    case .notRegularFile(let path): "\(path) is not a regular file (a device, pipe or socket); name a file"
    case .tooLarge(let path, let size, let limit):
      "\(path) is \(size) bytes, over the limit of \(limit) bytes for this kind of file; not read. "
        + "Is it the right file?"
    case .unreadable(let path, let reason): "cannot read \(path): \(reason); check its permissions"
    }
  }
}
