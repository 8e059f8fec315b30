import Foundation
import KyCuongAudit
import KyCuongCatalog
import KyCuongExport
import KyCuongModel
import KyCuongSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The checklist snapshots a summary's worker has read and validated, by their exact bytes: thousands of
/// exports of one checklist hold the same snapshot, byte for byte, so it is checked and parsed once and then
/// only compared (`memcmp`).
///
/// A snapshot is cached only after it passed the checks the full reader makes (strict JSON, no key twice,
/// every rule of the checklist format, read through the same decoder), so bytes equal to a cached snapshot
/// hold that checklist. A few distinct snapshots serve any number of exports; the cache keeps the
/// ``capacity`` used most recently. Not thread-safe: one per worker.
package final class SnapshotCache {
  /// A snapshot and what checking items against it needs, in checklist order.
  package final class Entry {
    /// One item as the snapshot defines it, with its section.
    package struct Expected {
      /// The item.
      package var item: Item
      /// Its section's id.
      package var section: String
    }

    /// The snapshot's bytes, exactly as in the export.
    package let bytes: [UInt8]
    /// The checklist they hold.
    package let checklist: Checklist
    /// Every item, in order.
    package let expected: [Expected]

    init(bytes: [UInt8], checklist: Checklist) {
      self.bytes = bytes
      self.checklist = checklist
      expected = checklist.sections.flatMap { section in
        section.items.map { Expected(item: $0, section: section.id) }
      }
    }
  }

  /// The most snapshots kept.
  package static let capacity = 16

  private var entries: [Entry] = []

  /// An empty cache.
  package init() {}

  /// The cached snapshot whose bytes start at `scanner.index`, with the scanner moved past them; `nil` when
  /// none matches.
  ///
  /// A JSON object ends where its own bytes say, so bytes equal to a cached snapshot are that snapshot, and
  /// nothing after them belongs to it.
  package func match(_ scanner: inout JSONScanner) -> Entry? {
    let remaining = scanner.end - scanner.index
    for (position, entry) in entries.enumerated() where entry.bytes.count <= remaining {
      let same = entry.bytes.withUnsafeBufferPointer { bytes in
        memcmp(scanner.base + scanner.index, bytes.baseAddress.unsafelyUnwrapped, bytes.count) == 0
      }
      guard same else { continue }
      if position > 0 {
        entries.remove(at: position)
        entries.insert(entry, at: 0)
      }
      scanner.index += entry.bytes.count
      return entry
    }
    return nil
  }

  /// Checks and reads the snapshot at `scanner.index` (depth `depth` in its export) as the full reader does,
  /// and caches it.
  ///
  /// - Returns: The snapshot, or `nil` when the full reader is needed (it may refuse it).
  package func read(_ scanner: inout JSONScanner, depth: Int) -> Entry? {
    scanner.skipWhitespace()
    let start = scanner.index
    // `AuditExport(data:)` reads the snapshot through `Checklist(from:)`: the value as `JSONValue` by way of
    // `Decodable` (members sorted by key, every number a `Double` `JSONDecoder` takes), then ChecklistParser.
    // The scanner checks the numbers as that decoder would; the tree is read as `JSONReader` reads it (the
    // scanner has checked that it takes it), sorted the same way, and parsed by the same parser.
    scanner.numbersAreDoubles = true
    defer { scanner.numbersAreDoubles = false }
    guard scanner.index < scanner.end, scanner.base[start] == UInt8(ascii: "{"),
      scanner.skipValue(depth: depth)
    else { return nil }
    let bytes = Array(UnsafeBufferPointer(start: scanner.base + start, count: scanner.index - start))
    guard let json = try? JSONReader.parse(bytes),
      let checklist = try? ChecklistParser.parse(Self.sortedMembers(json), file: "checklist snapshot")
    else { return nil }
    let entry = Entry(bytes: bytes, checklist: checklist)
    entries.insert(entry, at: 0)
    if entries.count > Self.capacity { entries.removeLast() }
    return entry
  }

  /// `value` with every object's members sorted by key, as `JSONValue(from:)` returns them.
  static func sortedMembers(_ value: JSONValue) -> JSONValue {
    switch value {
    case .object(let members):
      .object(members.sorted { $0.key < $1.key }.map { ($0.key, sortedMembers($0.value)) })
    case .array(let elements): .array(elements.map(sortedMembers))
    default: value
    }
  }
}
