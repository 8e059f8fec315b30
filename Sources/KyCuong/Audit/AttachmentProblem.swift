/// Why a file cannot be attached.
public enum AttachmentProblem: Hashable, Sendable, CustomStringConvertible {
  /// Nothing exists at the path.
  case missing
  /// The path is a folder.
  case isFolder
  /// The file exists but could not be read; the system's reason.
  case unreadable(String)

  /// The problem in English.
  public var description: String {
    switch self {
    case .missing: "no such file"
    case .isFolder: "it is a folder, not a file"
    case .unreadable(let reason): reason
    }
  }
}
