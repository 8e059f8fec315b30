import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a file to attach, once, in chunks: whoever calls it hashes (and copies) the bytes as they come, so
/// the size and the digest recorded come from the same read.
///
/// Only regular files are read: a folder, a device, a pipe (FIFO, opened without blocking), a socket and the
/// system's own files (`/proc`, `/sys`, `/dev`) are refused with an ``AttachmentProblem``, never the
/// platform's error text. A file whose size changes while it is read is refused too.
package struct AttachmentReader {
  /// The bytes read at a time.
  package static let chunkSize = 1 << 20

  /// Where the file is.
  package let url: URL
  /// Its size, as the system gave it when the file was opened.
  package let size: Int64
  private let fd: Int32

  /// Opens the file at `url` for reading and checks what it is.
  ///
  /// - Parameters:
  ///   - url: The file.
  ///   - limit: The largest size accepted.
  /// - Throws: ``AuditError/attachmentUnreadable(path:problem:)``.
  package init(url: URL, limit: Int64 = Attachment.maximumSize) throws(AuditError) {
    let path = url.path
    func refuse(_ problem: AttachmentProblem) -> AuditError {
      .attachmentUnreadable(path: path, problem: problem)
    }
    let resolved = url.resolvingSymlinksInPath().path
    for prefix in ["/proc/", "/sys/", "/dev/"] where resolved.hasPrefix(prefix) || path.hasPrefix(prefix) {
      throw refuse(.systemFile)
    }
    var info = stat()
    guard stat(path, &info) == 0 else {
      let code = errno
      throw refuse(code == ENOENT || code == ENOTDIR ? .missing : .unreadable(Self.reason(code)))
    }
    if (info.st_mode & S_IFMT) == S_IFDIR { throw refuse(.isFolder) }
    guard (info.st_mode & S_IFMT) == S_IFREG else { throw refuse(.notRegularFile) }
    // O_NONBLOCK: a FIFO put in the file's place since the stat must not block the open.
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { throw refuse(.unreadable(Self.reason(errno))) }
    var opened = stat()
    guard fstat(fd, &opened) == 0, (opened.st_mode & S_IFMT) == S_IFREG else {
      close(fd)
      throw refuse(.notRegularFile)
    }
    let size = Int64(opened.st_size)
    if size > limit {
      close(fd)
      throw refuse(.tooLarge(size: size, limit: limit))
    }
    self.url = url
    self.size = size
    self.fd = fd
  }

  /// Reads the whole file, handing each chunk to `consume`, and closes it.
  ///
  /// - Parameters:
  ///   - isCancelled: Asked between chunks; `true` stops the read with ``AttachmentProblem/cancelled``.
  ///   - consume: Takes each chunk, in order.
  /// - Returns: The number of bytes read.
  /// - Throws: ``AuditError/attachmentUnreadable(path:problem:)``, or what `consume` throws, wrapped.
  package func read(
    isCancelled: () -> Bool = { false }, _ consume: (UnsafeRawBufferPointer) throws -> Void
  ) throws(AuditError) -> Int64 {
    defer { close(fd) }
    let path = url.path
    var buffer = [UInt8](repeating: 0, count: Self.chunkSize)
    var total: Int64 = 0
    while true {
      if isCancelled() { throw .attachmentUnreadable(path: path, problem: .cancelled) }
      let count = buffer.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw .attachmentUnreadable(path: path, problem: .unreadable(Self.reason(errno)))
      }
      if count == 0 { break }
      total += Int64(count)
      if total > size { throw .attachmentUnreadable(path: path, problem: .changedWhileRead) }
      do {
        try buffer.withUnsafeBytes { try consume(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
      } catch let error as AuditError {
        throw error
      } catch {
        throw .attachmentUnreadable(path: path, problem: .unreadable("\(error)"))
      }
    }
    if total != size { throw .attachmentUnreadable(path: path, problem: .changedWhileRead) }
    return total
  }

  private static func reason(_ code: Int32) -> String {
    String(cString: strerror(code))
  }
}

/// `read(2)`, named apart from ``AttachmentReader/read(isCancelled:_:)``.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(fd, buffer, count)
}
