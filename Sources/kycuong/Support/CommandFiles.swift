import Foundation
import KyCuong
import KyCuongStore

/// Reading the files a command is given and writing the files it makes, the same way in every command:
/// `-` is standard input or output; an output file that exists is refused unless `--force`; a file is
/// written to a new name and renamed into place, so it is never left half written.
enum CommandFiles {
  /// The bytes of `path`, or of standard input for `-`, refused over `limit`.
  ///
  /// - Throws: ``CommandFailure`` with the reason.
  static func read(_ path: String, limit: Int) throws(CommandFailure) -> Data {
    if path == "-" {
      let data = FileHandle.standardInput.readData(ofLength: limit + 1)
      guard data.count <= limit else {
        throw CommandFailure("standard input is over the limit of \(limit) bytes for this kind of file")
      }
      return data
    }
    do {
      return try BoundedFile.read(URL(fileURLWithPath: path), limit: limit)
    } catch {
      throw CommandFailure(error.description)
    }
  }

  /// Writes `data` to `path`, or to standard output when `path` is `nil` or `-`.
  ///
  /// - Parameters:
  ///   - data: The bytes.
  ///   - path: The file, `-` or `nil`.
  ///   - force: Whether an existing file may be replaced.
  /// - Throws: ``CommandFailure`` when the file exists (without `force`) or cannot be written.
  static func write(_ data: Data, to path: String?, force: Bool) throws(CommandFailure) {
    guard let path, path != "-" else {
      FileHandle.standardOutput.write(data)
      return
    }
    let url = URL(fileURLWithPath: path)
    // Not even with --force: a file renamed over a live log takes every later answer to a file nobody reads.
    if AuditStore.isInAStore(url) {
      throw CommandFailure(
        "\(path) is in a folder of audit logs; nothing is written there, even with --force: choose a file elsewhere"
      )
    }
    if !force && FileManager.default.fileExists(atPath: url.path) {
      throw CommandFailure("\(path) exists; choose another file, or add --force to replace it")
    }
    do {
      try data.write(to: url, options: .atomic)
    } catch {
      throw CommandFailure("cannot write \(path): \(Self.reason(error))")
    }
  }

  /// Writes `text` (UTF-8) like ``write(_:to:force:)``.
  static func write(_ text: String, to path: String?, force: Bool) throws(CommandFailure) {
    try write(Data(text.utf8), to: path, force: force)
  }

  /// The system's reason for a file error, without Foundation's domain and code.
  static func reason(_ error: any Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
      underlying.domain == NSPOSIXErrorDomain,
      let message = strerror(Int32(underlying.code))
    {
      return String(cString: message)
    }
    if nsError.domain == NSPOSIXErrorDomain, let message = strerror(Int32(nsError.code)) {
      return String(cString: message)
    }
    switch nsError.code {
    case NSFileNoSuchFileError, NSFileReadNoSuchFileError: return "no such file or folder"
    case NSFileWriteNoPermissionError, NSFileReadNoPermissionError: return "permission denied"
    case NSFileWriteOutOfSpaceError: return "no space left on the device"
    case NSFileWriteVolumeReadOnlyError: return "the file system is read-only"
    default: return nsError.localizedDescription
    }
  }
}
