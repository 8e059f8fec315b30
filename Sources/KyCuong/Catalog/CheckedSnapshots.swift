import Foundation
import KyCuongModel
import KyCuongSupport

/// Checklist snapshots this process has already checked (``ChecklistParser/parse(_:file:)``), so that ten
/// thousand exports of one checklist check its snapshot once.
///
/// An entry is found only by the very value that was checked: the whole JSON value written out (its strings
/// byte for byte, not as canonically equivalent `String`s; its numbers bit for bit, so `-0` is not `0`) and
/// compared whole. The parser's result depends on that value alone, so a hit gives exactly what checking it
/// again would give; nothing a file claims (an id, a version, a digest) takes part. Only snapshots that
/// pass are kept, at most ``capacity``, the oldest dropped first; a refused one is checked again each time.
package enum CheckedSnapshots {
  /// How many checked snapshots are kept.
  package static let capacity = 16

  /// The checklist `json` gives, checked by ``ChecklistParser/parse(_:file:)`` unless the same value, named
  /// `file`, passed it before in this process. `json` is the value as the file spells it; the parser is given
  /// its members sorted by key, as they come through any `Decoder` (``JSONValue/sortedByKey``).
  ///
  /// A value found by its storage (the very object the reader gave before, as ``JSONValueMemo`` gives it for
  /// the same bytes) is not written out again: one storage holds one value.
  ///
  /// - Throws: ``ChecklistValidationError`` as the parser throws it.
  package static func checklist(_ json: JSONValue, file: String) throws(ChecklistValidationError) -> Checklist
  {
    if let known = store.checklist(sharingStorageWith: json, file: file) { return known }
    let key = Key(file: file, value: json)
    if let known = store.checklist(for: key) {
      store.keep(known, sharingStorageWith: json, file: file)
      return known
    }
    let checklist = try ChecklistParser.parse(json.sortedByKey, file: file)
    store.keep(checklist, for: key)
    store.keep(checklist, sharingStorageWith: json, file: file)
    return checklist
  }

  /// Forgets every snapshot (for tests).
  package static func removeAll() { store.removeAll() }

  /// How many snapshots are kept now (for tests).
  package static var count: Int { store.count }

  private static let store = Store()

  /// A value as it was checked, written out whole: the name, then every value with its kind, every string
  /// and key as its UTF-8 bytes with their count, every number as its 64 bits. Two keys are equal only for the
  /// same bytes and bits (`-0` is not `0`; two spellings `String` takes for one are two), and the bytes are
  /// kept as bytes, not as the value (whose enum boxes a leak checker cannot follow).
  private struct Key: Hashable {
    private var bytes: [UInt8] = []

    init(file: String, value: JSONValue) {
      append(file)
      append(value)
    }

    private mutating func append(_ count: Int) { append(bits: UInt64(count)) }

    private mutating func append(bits: UInt64) {
      withUnsafeBytes(of: bits.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private mutating func append(_ text: String) {
      append(text.utf8.count)
      bytes.append(contentsOf: text.utf8)
    }

    private mutating func append(_ value: JSONValue) {
      switch value {
      case .null: bytes.append(0)
      case .bool(let flag): bytes.append(flag ? 2 : 1)
      case .number(let number):
        bytes.append(3)
        append(bits: number.bitPattern)
      case .string(let text):
        bytes.append(4)
        append(text)
      case .array(let elements):
        bytes.append(5)
        append(elements.count)
        for element in elements { append(element) }
      case .object(let members):
        bytes.append(6)
        append(members.count)
        for member in members {
          append(member.key)
          append(member.value)
        }
      }
    }

    static func == (lhs: Key, rhs: Key) -> Bool {
      lhs.bytes.count == rhs.bytes.count
        && lhs.bytes.withUnsafeBytes { left in
          rhs.bytes.withUnsafeBytes { right in
            guard let a = left.baseAddress, let b = right.baseAddress else { return true }
            return memcmp(a, b, left.count) == 0
          }
        }
    }

    func hash(into hasher: inout Hasher) {
      bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
  }

  /// An object's member storage: its address, while the value that holds it is kept alive beside it (so no
  /// other array can have that address meanwhile); `nil` for anything but a non-empty object.
  private static func storage(of json: JSONValue) -> UnsafeRawPointer? {
    guard case .object(let members) = json, !members.isEmpty else { return nil }
    return members.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
  }

  private final class Store: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [Key: Checklist] = [:]
    private var order: [Key] = []
    /// Checklists by the storage of the value checked, the value kept so the storage stays its own.
    private var byStorage: [(value: JSONValue, file: String, checklist: Checklist)] = []

    func checklist(sharingStorageWith json: JSONValue, file: String) -> Checklist? {
      guard let storage = CheckedSnapshots.storage(of: json) else { return nil }
      lock.lock()
      defer { lock.unlock() }
      return byStorage.first { CheckedSnapshots.storage(of: $0.value) == storage && $0.file == file }?
        .checklist
    }

    func keep(_ checklist: Checklist, sharingStorageWith json: JSONValue, file: String) {
      guard let storage = CheckedSnapshots.storage(of: json) else { return }
      lock.lock()
      defer { lock.unlock() }
      guard
        !byStorage.contains(where: { CheckedSnapshots.storage(of: $0.value) == storage && $0.file == file })
      else { return }
      if byStorage.count >= CheckedSnapshots.capacity { byStorage.removeFirst() }
      byStorage.append((json, file, checklist))
    }

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
      byStorage = []
    }

    var count: Int {
      lock.lock()
      defer { lock.unlock() }
      return entries.count
    }
  }
}
