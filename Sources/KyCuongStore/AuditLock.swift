import Foundation
import KyCuong

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An exclusive advisory lock on `<id>.lock`, held as long as this object lives.
///
/// `flock` locks belong to an open file description, so the lock is released when `fd` is closed (here, in
/// `deinit`, or by the kernel when the process dies, which is why a crash never leaves a stale lock), and two
/// opens of the same file conflict even inside one process.
///
/// The lock file is never deleted: removing it while another process waits on or has just opened it would let
/// two processes hold "the" lock on two different files. It is a few bytes, and its stale holder record is
/// overwritten by the next holder.
final class AuditLock {
  private let fd: Int32

  private init(fd: Int32) {
    self.fd = fd
  }

  deinit {
    close(fd)
  }

  /// Takes the lock at `url` without waiting and writes `holder` into the file.
  ///
  /// - Throws: ``AuditStoreError/locked(id:holder:)`` naming whoever holds it.
  static func acquire(at url: URL, id: String, holder: LockHolder) throws(AuditStoreError) -> AuditLock {
    let fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      throw .ioFailed(path: url.path, reason: String(cString: strerror(errno)))
    }
    if flock(fd, LOCK_EX | LOCK_NB) != 0 {
      let code = errno
      close(fd)
      if code == EWOULDBLOCK || code == EAGAIN {
        throw .locked(id: id, holder: readHolder(at: url))
      }
      throw .ioFailed(path: url.path, reason: String(cString: strerror(code)))
    }
    let lock = AuditLock(fd: fd)
    // Who holds it is information for the next process, not part of the lock: a failure to write it is
    // not worth refusing the audit for.
    if let data = try? JSONCoding.encoder().encode(holder) {
      _ = ftruncate(fd, 0)
      _ = data.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
      _ = fsync(fd)
    }
    return lock
  }

  /// What the lock file at `url` says about its holder, if it can be read.
  static func readHolder(at url: URL) -> LockHolder? {
    guard let data = try? Data(contentsOf: url) else { return nil }
    return try? JSONCoding.decoder().decode(LockHolder.self, from: data)
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
