/// A file could not be read whole. Each case says what to do.
public enum FileReadError: Error, Hashable, Sendable, CustomStringConvertible {
  /// No such file.
  case notFound(path: String)
  /// A folder where a file was expected.
  case isFolder(path: String)
  /// A device, socket or pipe.
  case notRegularFile(path: String)
  /// Over the size limit; not read.
  case tooLarge(path: String, size: Int, limit: Int)
  /// The system refused to read it (permissions, I/O error); `reason` is the system's.
  case unreadable(path: String, reason: String)

  /// The file the error is about.
  public var path: String {
    switch self {
    case .notFound(let path), .isFolder(let path), .notRegularFile(let path), .tooLarge(let path, _, _),
      .unreadable(let path, _):
      path
    }
  }

  /// What happened and what to do.
  public var description: String {
    switch self {
    case .notFound(let path): "\(path): no such file; check the path"
    case .isFolder(let path): "\(path) is a folder, not a file; name a file in it"
    case .notRegularFile(let path): "\(path) is not a regular file (a device, pipe or socket); name a file"
    case .tooLarge(let path, let size, let limit):
      "\(path) is \(size) bytes, over the limit of \(limit) bytes for this kind of file; not read. "
        + "Is it the right file?"
    case .unreadable(let path, let reason): "cannot read \(path): \(reason); check its permissions"
    }
  }
}
