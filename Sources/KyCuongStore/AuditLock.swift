import Foundation
import KyCuong

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An exclusive advisory lock on `<id>.lock`, held as long as this object lives.
///
/// `flock` locks belong to an open file description, so the lock is released when the file is closed (here,
/// when this object goes, or by the kernel when the process dies, which is why a crash never leaves a stale
/// lock), and two opens of the same file conflict even inside one process.
///
/// The lock file is never deleted: removing it while another process waits on or has just opened it would let
/// two processes hold "the" lock on two different files. It is a few bytes, and its stale holder record is
/// overwritten by the next holder.
///
/// The file is opened without following a link, and an existing one is rewritten only when it is one the
/// store made: a regular file with no other name, small, holding a holder record or nothing. Anything else
/// (a link to another audit's log, a hard link to one, a log renamed to `<id>.lock`) is refused untouched.
final class AuditLock {
  private let file: StoreFile

  private init(file: StoreFile) {
    self.file = file
  }

  /// The largest lock file the store rewrites: a holder record is a few hundred bytes.
  static let maximumSize = 4096

  /// Takes the lock at `url` without waiting and writes `holder` into the file.
  ///
  /// - Throws: ``AuditStoreError/locked(id:holder:)`` naming whoever holds it;
  ///   ``AuditStoreError/unsafeFile(path:problem:)`` when the file is not a lock file of the store.
  static func acquire(at url: URL, id: String, holder: LockHolder) throws(AuditStoreError) -> AuditLock {
    let file: StoreFile
    var created = true
    do {
      file = try StoreFile.open(url, O_RDWR | O_CREAT | O_EXCL)
    } catch .ioFailed(_, let reason) where reason.code == EEXIST {
      created = false
      file = try StoreFile.open(url, O_RDWR)
    }
    if !created { try checkIsLockFile(file) }
    if flock(file.fd, LOCK_EX | LOCK_NB) != 0 {
      let code = errno
      if code == EWOULDBLOCK || code == EAGAIN {
        throw .locked(id: id, holder: readHolder(file))
      }
      throw .ioFailed(path: url.path, reason: .system(code: code))
    }
    // Who holds it is information for the next process, not part of the lock: a failure to write it is
    // not worth refusing the audit for.
    if let data = try? JSONCoding.encoder().encode(holder) {
      _ = ftruncate(file.fd, 0)
      _ = data.withUnsafeBytes { pwrite(file.fd, $0.baseAddress, $0.count, 0) }
      _ = fsync(file.fd)
    }
    return AuditLock(file: file)
  }

  /// Refuses a lock file the store did not make: one with another name (a hard link), a large one, or one
  /// holding anything but a holder record, zero bytes (a crash between the truncation and the write) or
  /// nothing.
  private static func checkIsLockFile(_ file: StoreFile) throws(AuditStoreError) {
    let info = try file.status()
    guard info.st_nlink == 1, info.st_size <= maximumSize else {
      throw .unsafeFile(path: file.path, problem: .notALockFile)
    }
    let data = try file.read(at: 0, count: maximumSize + 1)
    guard data.count <= maximumSize else { throw .unsafeFile(path: file.path, problem: .notALockFile) }
    if data.allSatisfy({ $0 == 0 }) { return }
    guard (try? JSONCoding.decoder().decode(LockHolder.self, from: data)) != nil else {
      throw .unsafeFile(path: file.path, problem: .notALockFile)
    }
  }

  /// What the open lock file says about its holder, if it can be read.
  private static func readHolder(_ file: StoreFile) -> LockHolder? {
    guard let data = try? file.read(at: 0, count: maximumSize) else { return nil }
    return try? JSONCoding.decoder().decode(LockHolder.self, from: data)
  }
}
