import Foundation
import KyCuong

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file of the store opened by descriptor, never through a symbolic link: what the store reads, writes or
/// truncates is the file it names, not one a link points to.
///
/// Every file the store opens goes through here: `O_NOFOLLOW` (a link is refused, whatever it points to),
/// `O_NONBLOCK` (a FIFO planted in the store is not waited on), then `fstat` on the descriptor: anything but a
/// regular file is refused, with the store's own message.
final class StoreFile {
  let fd: Int32
  let path: String

  private init(fd: Int32, path: String) {
    self.fd = fd
    self.path = path
  }

  deinit { _ = close(fd) }

  /// Opens `url` with `flags` (plus `O_NOFOLLOW`, `O_NONBLOCK` and `O_CLOEXEC`) and checks that it is a
  /// regular file.
  ///
  /// - Parameters:
  ///   - url: The file.
  ///   - flags: `O_RDONLY`, `O_RDWR | O_APPEND`, `O_CREAT | O_EXCL` …
  ///   - mode: The permissions of a file it creates.
  /// - Returns: The open file, a regular file reached without following a link; its descriptor is closed when
  ///   it is released.
  /// - Throws: ``AuditStoreError/unsafeFile(path:problem:)`` for a link or a file that is not regular,
  ///   ``AuditStoreError/ioFailed(path:reason:)`` with the system's reason otherwise (`ENOENT`, `EEXIST` …: the
  ///   caller turns the ones it expects into its own errors with ``IOFailure/code``).
  static func open(_ url: URL, _ flags: Int32, mode: mode_t = 0o600) throws(AuditStoreError) -> StoreFile {
    let path = url.path
    let fd = systemOpen(path, flags | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, mode)
    guard fd >= 0 else {
      let code = errno
      if code == ELOOP { throw .unsafeFile(path: path, problem: .symbolicLink) }
      throw .ioFailed(path: path, reason: .system(code: code))
    }
    let file = StoreFile(fd: fd, path: path)
    let info = try file.status()
    guard info.st_mode & S_IFMT == S_IFREG else { throw .unsafeFile(path: path, problem: .notRegularFile) }
    return file
  }

  /// The file's `fstat`.
  func status() throws(AuditStoreError) -> stat {
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw .ioFailed(path: path, reason: .system(code: errno)) }
    return info
  }

  /// The file's size now.
  func size() throws(AuditStoreError) -> Int { Int(try status().st_size) }

  /// Writes all of `data` at the end (the file is open with `O_APPEND`) or at the offset, as one `write` when
  /// the system takes it whole, and forces it to disk.
  func write(_ data: Data, sync: Bool = true) throws(AuditStoreError) {
    var written = 0
    while written < data.count {
      let result = data.withUnsafeBytes { buffer in
        systemWrite(fd, buffer.baseAddress.map { $0 + written }, buffer.count - written)
      }
      if result < 0 {
        if errno == EINTR { continue }
        throw .ioFailed(path: path, reason: .system(code: errno))
      }
      written += result
    }
    if sync { try self.sync() }
  }

  /// `fsync`.
  func sync() throws(AuditStoreError) {
    guard fsync(fd) == 0 else { throw .ioFailed(path: path, reason: .system(code: errno)) }
  }

  /// Cuts the file to `size` bytes and forces that to disk.
  func truncate(to size: Int) throws(AuditStoreError) {
    guard ftruncate(fd, off_t(size)) == 0 else { throw .ioFailed(path: path, reason: .system(code: errno)) }
    try sync()
  }

  /// `count` bytes from `offset`, or fewer at the end of the file.
  func read(at offset: Int, count: Int) throws(AuditStoreError) -> Data {
    var data = Data(count: count)
    var done = 0
    while done < count {
      let result = data.withUnsafeMutableBytes { buffer in
        pread(fd, buffer.baseAddress.map { $0 + done }, count - done, off_t(offset + done))
      }
      if result < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        throw .ioFailed(path: path, reason: .system(code: errno))
      }
      if result == 0 { break }
      done += result
    }
    data.count = done
    return data
  }

  /// Reads the file from its start to its end, a chunk at a time, handing each chunk to `body`; refuses a
  /// file over `limit` bytes (including one that grows past it while it is read).
  ///
  /// - Returns: The number of bytes read.
  func forEachChunk(
    limit: Int, _ body: (UnsafeRawBufferPointer) throws(AuditStoreError) -> Void
  ) throws(AuditStoreError) -> Int {
    let size = try self.size()
    if size > limit { throw .ioFailed(path: path, reason: .tooLarge(size: size, limit: limit)) }
    let chunkSize = 1 << 20
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
    defer { buffer.deallocate() }
    var offset = 0
    while true {
      let result = pread(fd, buffer.baseAddress, chunkSize, off_t(offset))
      if result < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        throw .ioFailed(path: path, reason: .system(code: errno))
      }
      if result == 0 { return offset }
      offset += result
      if offset > limit { throw .ioFailed(path: path, reason: .tooLarge(size: offset, limit: limit)) }
      try body(UnsafeRawBufferPointer(rebasing: buffer[..<result]))
    }
  }
}

/// `open(2)`, reachable from types that have an `open` method of their own.
func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t = 0) -> Int32 {
  open(path, flags, mode)
}

/// `close(2)`, reachable from types that have a `close` method of their own.
func systemClose(_ fd: Int32) {
  _ = close(fd)
}

/// `write(2)`, reachable from types that have a `write` method of their own.
func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
  write(fd, buffer, count)
}
