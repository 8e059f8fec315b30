import Foundation
import KyCuongModel
import KyCuongSupport

/// Checklist snapshots this process has already checked (``ChecklistParser/parse(_:file:)``), so that ten
/// thousand exports of one checklist check its snapshot once.
///
/// An entry is found only by the very value that was checked: the whole JSON value, compared member by
/// member with strings byte for byte (not as canonically equivalent `String`s) and numbers bit for bit (so
/// `-0` is not `0`). The parser's result depends on that value alone, so a hit gives exactly what checking
/// it again would give; nothing a file claims (an id, a version, a digest) takes part. Only snapshots that
/// pass are kept, at most ``capacity``, the oldest dropped first; a refused one is checked again each time.
package enum CheckedSnapshots {
  /// How many checked snapshots are kept.
  package static let capacity = 16

  /// The checklist `json` gives, checked by ``ChecklistParser/parse(_:file:)`` unless the same value, named
  /// `file`, passed it before in this process. `json` is the value as the file spells it; the parser is given
  /// its members sorted by key, as they come through any `Decoder` (``JSONValue/sortedByKey``).
  ///
  /// - Throws: ``ChecklistValidationError`` as the parser throws it.
  package static func checklist(_ json: JSONValue, file: String) throws(ChecklistValidationError) -> Checklist
  {
    let key = Key(file: file, value: json)
    if let known = store.checklist(for: key) { return known }
    let checklist = try ChecklistParser.parse(json.sortedByKey, file: file)
    store.keep(checklist, for: key)
    return checklist
  }

  /// Forgets every snapshot (for tests).
  package static func removeAll() { store.removeAll() }

  /// How many snapshots are kept now (for tests).
  package static var count: Int { store.count }

  private static let store = Store()

  /// A value as it was checked: equal only to the same bytes and bits.
  private struct Key: Hashable {
    var file: String
    var value: JSONValue

    static func == (lhs: Key, rhs: Key) -> Bool {
      sameBytes(lhs.file, rhs.file) && same(lhs.value, rhs.value)
    }

    static func same(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
      switch (lhs, rhs) {
      case (.null, .null): return true
      case (.bool(let a), .bool(let b)): return a == b
      case (.number(let a), .number(let b)): return a.bitPattern == b.bitPattern
      case (.string(let a), .string(let b)): return sameBytes(a, b)
      case (.array(let a), .array(let b)):
        guard a.count == b.count else { return false }
        for index in a.indices where !same(a[index], b[index]) { return false }
        return true
      case (.object(let a), .object(let b)):
        guard a.count == b.count else { return false }
        for index in a.indices {
          guard sameBytes(a[index].key, b[index].key), same(a[index].value, b[index].value) else {
            return false
          }
        }
        return true
      default: return false
      }
    }

    /// Whether two strings are the same UTF-8 bytes (`==` takes canonically equivalent spellings for one).
    static func sameBytes(_ lhs: String, _ rhs: String) -> Bool {
      guard lhs.utf8.count == rhs.utf8.count else { return false }
      let fast = lhs.utf8.withContiguousStorageIfAvailable { left in
        rhs.utf8.withContiguousStorageIfAvailable { right in
          guard let a = left.baseAddress, let b = right.baseAddress else { return true }
          return memcmp(a, b, left.count) == 0
        }
      }
      return (fast ?? nil) ?? lhs.utf8.elementsEqual(rhs.utf8)
    }

    /// A hash of the name and the snapshot's outline (its members, id and version): consistent with ``==``,
    /// which decides; a few snapshots at most share an outline.
    func hash(into hasher: inout Hasher) {
      hasher.combine(file)
      guard case .object(let members) = value else { return }
      hasher.combine(members.count)
      for member in members {
        hasher.combine(member.key)
        if member.key == "id" || member.key == "version", case .string(let text) = member.value {
          hasher.combine(text)
        }
      }
    }
  }

  private final class Store: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [Key: Checklist] = [:]
    private var order: [Key] = []

    func checklist(for key: Key) -> Checklist? {
      lock.lock()
      defer { lock.unlock() }
      return entries[key]
    }

    func keep(_ checklist: Checklist, for key: Key) {
      lock.lock()
      defer { lock.unlock() }
      guard entries[key] == nil else { return }
      if order.count >= CheckedSnapshots.capacity { entries[order.removeFirst()] = nil }
      entries[key] = checklist
      order.append(key)
    }

    func removeAll() {
      lock.lock()
      defer { lock.unlock() }
      entries = [:]
      order = []
    }

    var count: Int {
      lock.lock()
      defer { lock.unlock() }
      return entries.count
    }
  }
}
