/// What is wrong with a file the store will not touch.
public enum UnsafeFileProblem: Hashable, Sendable, CustomStringConvertible {
  /// A symbolic link, wherever it points.
  case symbolicLink
  /// A folder, pipe, device or socket where a file is expected.
  case notRegularFile
  /// A lock file with more than one name, or with content kycuong does not write there.
  case notALockFile

  /// The problem, in English, as the end of a sentence that starts with the path.
  public var description: String {
    switch self {
    case .symbolicLink: "is a symbolic link; the store follows no links in its folder"
    case .notRegularFile: "is not a regular file (a folder, pipe, device or socket)"
    case .notALockFile:
      "is not a lock file kycuong made (it has other names, or holds something else); move it away if no "
        + "kycuong has the audit open"
    }
  }
}
