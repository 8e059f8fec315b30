import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A program (`kycuong`) run as a child process, its output collected line by line while it runs, without
/// blocking the test's threads.
final class ChildProcess: @unchecked Sendable {
  private let process = Process()
  private let lock = NSLock()
  private var buffer = Data()
  private var collected: [String] = []
  private var exited: Int32?
  private var exitWaiters: [CheckedContinuation<Int32, Never>] = []

  /// Starts `executable` with `arguments`.
  init(_ executable: URL, _ arguments: [String]) throws {
    process.executableURL = executable
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    output.fileHandleForReading.readabilityHandler = { [weak self] handle in
      let data = handle.availableData
      self?.append(data)
    }
    process.terminationHandler = { [weak self] process in
      self?.finish(process.terminationStatus)
    }
    try process.run()
  }

  private func append(_ data: Data) {
    lock.withLock {
      buffer.append(data)
      while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
        collected.append(String(decoding: buffer[..<newline], as: UTF8.self))
        buffer.removeSubrange(...newline)
      }
    }
  }

  private func finish(_ status: Int32) {
    let waiters = lock.withLock {
      exited = status
      defer { exitWaiters = [] }
      return exitWaiters
    }
    for waiter in waiters { waiter.resume(returning: status) }
  }

  /// Every complete line so far.
  var lines: [String] { lock.withLock { collected } }

  /// Waits until a line starts with `prefix` (or the process ends, or `timeout` passes); the line, or `nil`.
  func waitForLine(startingWith prefix: String, timeout: Duration = .seconds(120)) async throws -> String? {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    while clock.now < deadline {
      if let line = lines.first(where: { $0.hasPrefix(prefix) }) { return line }
      if lock.withLock({ exited }) != nil { return lines.first { $0.hasPrefix(prefix) } }
      try await Task.sleep(for: .milliseconds(50))
    }
    return nil
  }

  /// Waits for the process to end; its exit status (after a kill, the signal's number).
  func waitForExit() async -> Int32 {
    await withCheckedContinuation { continuation in
      let status: Int32? = lock.withLock {
        if let exited { return exited }
        exitWaiters.append(continuation)
        return nil
      }
      if let status { continuation.resume(returning: status) }
    }
  }

  /// Kills it with SIGKILL: no handler runs, no transaction is committed or rolled back by it.
  func killHard() {
    kill(process.processIdentifier, SIGKILL)
  }
}
