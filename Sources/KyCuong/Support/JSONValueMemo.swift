import Foundation

/// Large values the strict reader (``JSONReader``) parsed before, given back when the very same bytes come
/// again as the value of a member of one of the given names, at the same depth.
///
/// A folder of exports carries the same checklist snapshot in each of them, about half of every file: with a
/// memo, the reader compares those bytes with the ones it parsed before (`memcmp`) instead of parsing them
/// again. A hit gives exactly what parsing would give: the parser's result for a value depends only on the
/// value's bytes and its depth (the nesting limit), and a value the reader parsed ends where its bytes end, so
/// bytes that start with a remembered value's bytes hold that value. The notes the reader makes about a
/// document (numbers whose text says more than their `Double`, a key given twice) are kept with the value and
/// given again. Nothing a file claims (an id, a digest) takes part.
///
/// Safe to share between threads. At most ``capacity`` values are kept, the oldest dropped first.
package final class JSONValueMemo: @unchecked Sendable {
  /// A value as it was parsed, with its bytes and the reader's notes about them.
  package struct Entry: Sendable {
    /// The value's bytes, exactly as parsed.
    package let bytes: [UInt8]
    /// The depth it was parsed at.
    package let depth: Int
    /// The value.
    package let value: JSONValue
    /// See ``JSONReader/Document/hasInexactNumbers``, for this value alone.
    package let hasInexactNumbers: Bool
    /// See ``JSONReader/Document/hasDuplicateKeys``, for this value alone.
    package let hasDuplicateKeys: Bool
  }

  /// The member names whose values are remembered (a few: the reader compares every key with each).
  package let members: [String]
  /// Values shorter than this many bytes are parsed each time (comparing them saves little).
  package let minimumSize: Int
  /// Values longer than this many bytes are not kept: a hostile file must not make the process hold its
  /// copy (a checklist snapshot is tens of kilobytes).
  package let maximumSize: Int
  /// How many values are kept.
  package let capacity: Int

  private let lock = NSLock()
  private var entries: [Entry] = []

  /// A memo of the values of `members` of `minimumSize` to `maximumSize` bytes, at most `capacity` of them.
  package init(members: [String], minimumSize: Int = 1024, maximumSize: Int = 1 << 20, capacity: Int = 16) {
    self.members = members
    self.minimumSize = minimumSize
    self.maximumSize = maximumSize
    self.capacity = capacity
  }

  /// The remembered value whose bytes start `bytes` at `index`, parsed at `depth`, if there is one.
  package func entry(matching bytes: UnsafeBufferPointer<UInt8>, at index: Int, depth: Int) -> Entry? {
    lock.lock()
    defer { lock.unlock() }
    let available = bytes.count - index
    guard let start = bytes.baseAddress.map({ $0 + index }) else { return nil }
    for entry in entries where entry.depth == depth && entry.bytes.count <= available {
      let equal = entry.bytes.withUnsafeBufferPointer { remembered in
        remembered.baseAddress.map { memcmp($0, start, remembered.count) == 0 } ?? false
      }
      if equal { return entry }
    }
    return nil
  }

  /// Whether a value of `size` bytes is one to keep (``minimumSize`` to ``maximumSize``).
  package func keeps(size: Int) -> Bool { size >= minimumSize && size <= maximumSize }

  /// Remembers `entry` unless a value of the same bytes and depth is kept already (two threads may parse one
  /// value at once), or its size is not one to keep (``keeps(size:)``).
  package func keep(_ entry: Entry) {
    guard keeps(size: entry.bytes.count) else { return }
    lock.lock()
    defer { lock.unlock() }
    if entries.contains(where: { $0.depth == entry.depth && $0.bytes == entry.bytes }) { return }
    if entries.count >= capacity { entries.removeFirst() }
    entries.append(entry)
  }

  /// How many values are kept now.
  package var count: Int {
    lock.lock()
    defer { lock.unlock() }
    return entries.count
  }

  /// Forgets every value.
  package func removeAll() {
    lock.lock()
    entries = []
    lock.unlock()
  }
}
