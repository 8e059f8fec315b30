import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why the system refused to read or write a file of the store.
public enum IOFailure: Hashable, Sendable, CustomStringConvertible {
  /// The system's error number (`errno`), shown with the system's short text: `No space left on device`.
  case system(code: Int32)
  /// The file is over the size the store reads.
  case tooLarge(size: Int, limit: Int)
  /// An event could not be written as a line (see `ChainError`).
  case unencodable(reason: String)
  /// The log was removed or renamed over while the audit was open: what would be written would go nowhere
  /// anyone reads.
  case removedWhileOpen
  /// The log's size is not what this store wrote: another program changed it while the audit was open.
  case changedWhileOpen(expected: Int, found: Int)

  /// The system refused without saying why.
  case refused

  /// The failure of a Foundation file operation, by its error number when it has one, never Foundation's text
  /// (which names its error domain, or says "permission" for a file that is a pipe).
  ///
  /// - Parameter error: What Foundation threw.
  /// - Returns: The failure.
  public static func of(_ error: any Error) -> IOFailure {
    if let error = error as? POSIXError { return .system(code: error.code.rawValue) }
    let error = error as NSError
    if error.domain == NSPOSIXErrorDomain { return .system(code: Int32(error.code)) }
    if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError,
      underlying.domain == NSPOSIXErrorDomain
    {
      return .system(code: Int32(underlying.code))
    }
    return .refused
  }

  /// The error number, for ``system(code:)``.
  public var code: Int32? {
    if case .system(let code) = self { return code }
    return nil
  }

  /// The reason, in English.
  public var description: String {
    switch self {
    case .system(let code): String(cString: strerror(code))
    case .tooLarge(let size, let limit):
      "it is \(size) bytes, over the limit of \(limit) bytes for an audit log; not read"
    case .unencodable(let reason): reason
    case .refused: "the system refused it"
    case .removedWhileOpen:
      "the log was removed or replaced while the audit was open; nothing was written: resume the audit again"
    case .changedWhileOpen(let expected, let found):
      "the log is \(found) bytes, not the \(expected) this kycuong wrote: another program changed it while the "
        + "audit was open; nothing was written: resume the audit again"
    }
  }
}
