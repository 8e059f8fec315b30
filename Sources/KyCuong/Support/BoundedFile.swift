import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a whole file only after checking that it is a regular file no larger than a limit, so that a file far
/// over a sane size is refused before any of it is read, and a pipe or a device is never waited on.
public enum BoundedFile {
  /// The largest event log read: 256 MiB.
  public static let maximumLogSize = 256 * 1024 * 1024
  /// The largest export read: 256 MiB.
  public static let maximumExportSize = 256 * 1024 * 1024
  /// The largest checklist file read: 16 MiB.
  public static let maximumChecklistSize = 16 * 1024 * 1024

  /// The bytes of the file at `url`.
  ///
  /// The file is opened first and measured through its descriptor, so what is checked is what is read
  /// (a symbolic link counts as its target).
  ///
  /// - Parameters:
  ///   - url: The file.
  ///   - limit: The largest size accepted, in bytes.
  /// - Returns: The file's bytes.
  /// - Throws: ``FileReadError`` when it is missing, a folder or not a regular file, larger than `limit`, or
  ///   unreadable.
  public static func read(_ url: URL, limit: Int) throws(FileReadError) -> Data {
    let path = url.path
    // Non-blocking, so that opening a FIFO does not wait for a writer; it is refused below.
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard fd >= 0 else {
      let code = errno
      switch code {
      case ENOENT, ENOTDIR: throw .notFound(path: path)
      case EISDIR: throw .isFolder(path: path)
      default: throw .unreadable(path: path, reason: String(cString: strerror(code)))
      }
    }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      throw .unreadable(path: path, reason: String(cString: strerror(errno)))
    }
    let type = info.st_mode & S_IFMT
    if type == S_IFDIR { throw .isFolder(path: path) }
    guard type == S_IFREG else { throw .notRegularFile(path: path) }
    let size = Int(info.st_size)
    if size > limit { throw .tooLarge(path: path, size: size, limit: limit) }
    // Reading until the end, not `size` bytes: a file that grew since it was measured is refused too.
    var data = Data(count: min(size, limit) + 1)
    var count = 0
    while true {
      if count == data.count {
        guard data.count <= limit else { throw .tooLarge(path: path, size: count, limit: limit) }
        data.count = min(limit + 1, max(data.count * 2, 4096))
      }
      let capacity = data.count - count
      let result = data.withUnsafeMutableBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return 0 }
        return systemRead(fd, base + count, capacity)
      }
      if result < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        throw .unreadable(path: path, reason: String(cString: strerror(errno)))
      }
      if result == 0 { break }
      count += result
    }
    if count > limit { throw .tooLarge(path: path, size: count, limit: limit) }
    data.count = count
    return data
  }
}

/// `read(2)`, named apart from ``BoundedFile/read(_:limit:)``.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  read(fd, buffer, count)
}
