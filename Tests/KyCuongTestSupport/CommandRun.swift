import Foundation

/// A program run to its end, what it printed on standard output and standard error read apart (at the same
/// time, so that neither pipe fills up).
public struct CommandRun: Sendable {
  /// The exit status.
  public var status: Int32
  /// Standard output.
  public var output: String
  /// Standard error.
  public var error: String

  /// Runs `executable` with `arguments` in `folder`, standard input empty unless `input` is given.
  ///
  /// - Parameters:
  ///   - executable: The program.
  ///   - arguments: Its arguments.
  ///   - folder: Its working folder.
  ///   - environment: Variables to set or replace in this process's environment.
  ///   - input: What the program reads on standard input (a small text: it is written before any output is
  ///     read); none by default.
  /// - Returns: The finished run: its exit status, and its standard output and standard error as UTF-8.
  /// - Throws: The error of `Process.run()` when the program cannot be started (no `executable`, or a file
  ///   that does not exist or cannot be run); a program that starts and fails is a run with its status.
  public static func run(
    _ executable: URL?, _ arguments: [String], in folder: URL, environment: [String: String] = [:],
    input: String? = nil
  ) throws -> CommandRun {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = folder
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    let standardInput = Pipe()
    process.standardInput = input == nil ? FileHandle.nullDevice : standardInput
    try process.run()
    if let input {
      standardInput.fileHandleForWriting.write(Data(input.utf8))
      try standardInput.fileHandleForWriting.close()
    }
    let errorData = Box()
    let reading = DispatchGroup()
    reading.enter()
    DispatchQueue.global().async {
      errorData.data = error.fileHandleForReading.readDataToEndOfFile()
      reading.leave()
    }
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    reading.wait()
    return CommandRun(
      status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
      error: String(decoding: errorData.data, as: UTF8.self))
  }

  /// Bytes handed from one thread to another.
  private final class Box: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = Data()

    var data: Data {
      get { lock.withLock { stored } }
      set { lock.withLock { stored = newValue } }
    }
  }
}
