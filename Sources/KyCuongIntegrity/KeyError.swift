/// A key could not be made, read or used. Each case says what to do.
public enum KeyError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file exists; keys are never overwritten.
  case exists(path: String)
  /// The private key file may be read or written by others.
  case tooOpen(path: String, mode: Int)
  /// The file cannot be read.
  case unreadable(path: String, reason: String)
  /// The file is not a key of the expected kind.
  case malformed(path: String, reason: String)
  /// Writing failed.
  case io(path: String, reason: String)
  /// Signing failed.
  case cannotSign(reason: String)

  /// What happened and what to do.
  public var description: String {
    switch self {
    case .exists(let path):
      "\(path) exists; a key is never overwritten: choose another file or remove it first"
    case .tooOpen(let path, let mode):
      "\(path) can be read by others (mode \(String(mode, radix: 8))); refusing to use it: "
        + "run `chmod 600 \(path)`, and make a new key if others may have copied it"
    case .unreadable(let path, let reason): "cannot read the key \(path): \(reason)"
    case .malformed(let path, let reason): path.isEmpty ? reason : "\(path): \(reason)"
    case .io(let path, let reason): "cannot write \(path): \(reason)"
    case .cannotSign(let reason): "signing failed: \(reason)"
    }
  }
}
