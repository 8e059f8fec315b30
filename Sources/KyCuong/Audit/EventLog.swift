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

  /// Reads a log. Complete events are kept; a damaged line is reported. A cut-off last line (no newline, not
  /// JSON) is the signature of a crash mid-write and is reported as such.
  public static func read(_ data: Data) -> Contents {
    let decoder = makeDecoder()
    var events: [AuditEvent] = []
    var damage: [String] = []
    let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    for (index, line) in lines.enumerated() {
      if line.isEmpty || line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) { continue }
      let isLast = index == lines.count - 1
      do {
        events.append(try decoder.decode(AuditEvent.self, from: Data(line)))
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
    return Contents(events: events, damage: damage)
  }

  /// Reads a log and rebuilds its audit.
  ///
  /// - Returns: The audit and the damage report (empty for an intact log).
  public static func audit(from data: Data) throws(AuditError) -> (audit: Audit, damage: [String]) {
    let contents = read(data)
    return (try Audit(replaying: contents.events), contents.damage)
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
