/// Why a file cannot be attached.
public enum AttachmentProblem: Hashable, Sendable, CustomStringConvertible {
  /// Nothing exists at the path.
  case missing
  /// The path is a folder.
  case isFolder
  /// A device, a pipe (FIFO) or a socket: it would be read for ever, or give bytes no one can check later.
  case notRegularFile
  /// A file of the system's own (`/proc`, `/sys`, `/dev`): its bytes change as it is read.
  case systemFile
  /// Larger than the limit (``Attachment/maximumSize``).
  case tooLarge(size: Int64, limit: Int64)
  /// The file's size changed while it was read: someone is still writing it.
  case changedWhileRead
  /// The inspector cancelled (Ctrl-C) while it was read.
  case cancelled
  /// The file cannot be opened for reading (permissions); the system's reason, as `strerror` gives it.
  case unreadable(String)

  /// The problem in English.
  public var description: String {
    switch self {
    case .missing: "no such file"
    case .isFolder: "it is a folder, not a file"
    case .notRegularFile: "not a regular file (a device, pipe or socket)"
    case .systemFile: "a file of the system (/proc, /sys, /dev), whose contents change as it is read"
    case .tooLarge(let size, let limit):
      "\(size) bytes, over the limit of \(limit) bytes for an attachment"
    case .changedWhileRead: "the file changed while it was read; attach it again once it is complete"
    case .cancelled: "cancelled; nothing was attached"
    case .unreadable(let reason): "cannot be read (\(reason))"
    }
  }
}
