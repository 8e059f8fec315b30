import Foundation
import KyCuongSupport

/// The on-disk form of an audit: JSON Lines, one ``AuditEvent`` per line, UTF-8, oldest first.
///
/// Lines are written with sorted keys and ISO 8601 UTC times. A reader recovers every complete event of a
/// log whose last line was cut short by a crash, and reports the damage instead of failing. Writing a log
/// that `kycuong verify` accepts needs the hash chain of `KyCuongIntegrity` (`LogChain`), or the durable
/// store of `KyCuongStore`, which uses it.
public enum EventLog {
  /// What reading a log found.
  public struct Contents: Sendable {
    /// The events that were read whole.
    public var events: [AuditEvent]
    /// Lines that could not be read; empty for an intact log.
    public var damage: [LogDamage]
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
    /// Lines that could not be read; empty for an intact log.
    public var damage: [LogDamage]
    /// Whether the file ends with a newline (an intact log does; a crash mid-write leaves it without).
    public var endsWithNewline: Bool
  }

  /// One event as a line of JSON, newline included, in event format 1 (no hash chain).
  package static func line(for event: AuditEvent) throws -> Data {
    var data = try JSONCoding.encoder().encode(event)
    data.append(UInt8(ascii: "\n"))
    return data
  }

  /// Reads a log. Complete events are kept; a damaged line is reported. A cut-off last line (no newline, not
  /// JSON) is the signature of a crash mid-write and is reported as such.
  ///
  /// - Parameter data: The log's bytes.
  /// - Returns: The events and the damage.
  public static func read(_ data: Data) -> Contents {
    var contents = Contents(events: [], damage: [])
    forEachLine(of: data) { line in
      switch line {
      case .event(let raw): contents.events.append(raw.event)
      case .damage(let problem): contents.damage.append(problem)
      }
    }
    return contents
  }

  /// Reads a log like ``read(_:)`` and keeps each event's exact line bytes alongside it.
  ///
  /// - Parameter data: The log's bytes.
  /// - Returns: The events with their lines, and the damage.
  public static func readLines(_ data: Data) -> RawContents {
    var contents = RawContents(events: [], damage: [], endsWithNewline: data.last == UInt8(ascii: "\n"))
    forEachLine(of: data) { line in
      switch line {
      case .event(let event): contents.events.append(event)
      case .damage(let problem): contents.damage.append(problem)
      }
    }
    return contents
  }

  /// Hands every line of `data` to `body`, in order, each parsed once (see ``EventLog/Reader``).
  ///
  /// - Parameters:
  ///   - data: The log's bytes.
  ///   - body: Called with each line that is an event or damage (blank lines are skipped).
  public static func forEachLine(of data: Data, _ body: (Line) throws -> Void) rethrows {
    var reader = Reader()
    try reader.read(data, body)
    try reader.finish(body)
  }

  /// Reads a log and rebuilds its audit.
  ///
  /// - Parameter data: The log's bytes.
  /// - Returns: The audit and the damage (empty for an intact log).
  /// - Throws: ``AuditError`` when the events that could be read do not make an audit.
  public static func audit(from data: Data) throws(AuditError) -> (audit: Audit, damage: [LogDamage]) {
    let contents = read(data)
    return (try Audit(replaying: contents.events), contents.damage)
  }
}
