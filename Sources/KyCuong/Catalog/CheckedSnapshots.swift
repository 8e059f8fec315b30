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
  /// `file`, passed it before in this process.
  ///
  /// - Throws: ``ChecklistValidationError`` as the parser throws it.
  package static func checklist(_ json: JSONValue, file: String) throws(ChecklistValidationError) -> Checklist
  {
    let key = Key(file: file, value: json)
    if let known = store.checklist(for: key) { return known }
    let checklist = try ChecklistParser.parse(json, file: file)
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
      lhs.file.utf8.elementsEqual(rhs.file.utf8) && same(lhs.value, rhs.value)
    }

    static func same(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
      switch (lhs, rhs) {
      case (.null, .null): true
      case (.bool(let a), .bool(let b)): a == b
      case (.number(let a), .number(let b)): a.bitPattern == b.bitPattern
      case (.string(let a), .string(let b)): a.utf8.elementsEqual(b.utf8)
      case (.array(let a), .array(let b)): a.count == b.count && zip(a, b).allSatisfy { same($0, $1) }
      case (.object(let a), .object(let b)):
        a.count == b.count
          && zip(a, b).allSatisfy { $0.key.utf8.elementsEqual($1.key.utf8) && same($0.value, $1.value) }
      default: false
      }
    }

    /// Consistent with ``==``: values equal byte for byte are equal as `JSONValue`s, which hash alike.
    func hash(into hasher: inout Hasher) {
      hasher.combine(file)
      hasher.combine(value)
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
