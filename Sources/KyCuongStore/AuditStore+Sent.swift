import Foundation

extension AuditStore {
  /// Where the store keeps how much of audit `id`'s log the department server acknowledged.
  public func sentURL(for id: String) -> URL { directory.appending(path: "\(id).sent") }

  /// How many lines of audit `id`'s log the department server said it holds, as last recorded by
  /// ``recordSent(_:for:)``; 0 when none were. Only a hint for the prompt and for what to send: the server
  /// stores a log idempotently, so a count lost (or one too low) costs a resend, never an event.
  public func sentLineCount(for id: String) -> Int {
    guard let data = try? Data(contentsOf: sentURL(for: id)),
      let count = Int(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    else { return 0 }
    return max(0, count)
  }

  /// Records that the department server holds `lines` lines of audit `id`'s log (replacing the file
  /// atomically: a crash leaves the old count or the new one).
  public func recordSent(_ lines: Int, for id: String) {
    try? Data("\(lines)\n".utf8).write(to: sentURL(for: id), options: .atomic)
  }
}
