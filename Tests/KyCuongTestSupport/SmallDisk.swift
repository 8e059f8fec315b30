import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A small tmpfs mounted for a test, and read-only bind mounts (root only: such tests are skipped elsewhere).
public final class SmallDisk {
  /// The mount point.
  public let url: URL

  /// Whether this process may mount (root, with /bin/mount, and a probe mount works).
  public static var canMount: Bool {
    guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/bin/mount") else { return false }
    guard let probe = try? SmallDisk(kilobytes: 64) else { return false }
    probe.unmount()
    return true
  }

  /// Mounts a tmpfs of `kilobytes` on a new temporary folder.
  public init(kilobytes: Int) throws {
    url = FileManager.default.temporaryDirectory.appending(path: "kycuong-disk-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    guard Self.run(["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", url.path]) == 0 else {
      try? FileManager.default.removeItem(at: url)
      throw CocoaError(.fileWriteNoPermission)
    }
  }

  /// Unmounts it and removes the mount point.
  public func unmount() {
    _ = Self.runCommand("/bin/umount", [url.path])
    try? FileManager.default.removeItem(at: url)
  }

  /// Shows `folder` at `view` (an existing empty folder) through a read-only bind mount.
  ///
  /// - Returns: Whether both mounts succeeded.
  public static func bindReadOnly(_ folder: URL, at view: URL) -> Bool {
    run(["--bind", folder.path, view.path]) == 0 && run(["-o", "remount,ro,bind", view.path]) == 0
  }

  /// `mount ARGUMENTS…`; its exit status.
  @discardableResult
  public static func run(_ arguments: [String]) -> Int32 { runCommand("/bin/mount", arguments) }

  /// Runs `path` with `arguments`, standard error discarded; its exit status (-1 when it cannot start).
  public static func runCommand(_ path: String, _ arguments: [String]) -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return -1 }
    process.waitUntilExit()
    return process.terminationStatus
  }

  /// Fills the disk with a file until the system says it is full.
  public func fill() {
    let filler = url.appending(path: "filler")
    _ = FileManager.default.createFile(atPath: filler.path, contents: nil)
    guard let handle = try? FileHandle(forWritingTo: filler) else { return }
    defer { try? handle.close() }
    let chunk = Data(repeating: 0x41, count: 1024)
    while (try? handle.write(contentsOf: chunk)) != nil {}
    // What is left may be less than a chunk.
    while (try? handle.write(contentsOf: Data([0x41]))) != nil {}
  }

  /// Removes the filler.
  public func unfill() { try? FileManager.default.removeItem(at: url.appending(path: "filler")) }
}
