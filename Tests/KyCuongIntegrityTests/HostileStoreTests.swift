import Foundation
import KyCuong
import KyCuongIntegrity
import KyCuongREPL
import KyCuongStore
import KyCuongTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A small tmpfs mounted for a test (root only: the test is skipped elsewhere).
final class SmallDisk {
  let url: URL

  static var canMount: Bool {
    guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/bin/mount") else { return false }
    guard let probe = try? SmallDisk(kilobytes: 64) else { return false }
    probe.unmount()
    return true
  }

  init(kilobytes: Int) throws {
    url = try Sample.temporaryFolder()
    guard Self.run(["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", url.path]) == 0 else {
      throw CocoaError(.fileWriteNoPermission)
    }
  }

  func unmount() {
    _ = Self.runCommand("/bin/umount", [url.path])
    try? FileManager.default.removeItem(at: url)
  }

  @discardableResult
  static func run(_ arguments: [String]) -> Int32 { runCommand("/bin/mount", arguments) }

  static func runCommand(_ path: String, _ arguments: [String]) -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return -1 }
    process.waitUntilExit()
    return process.terminationStatus
  }

  /// Fills the disk with a file until the system says it is full.
  func fill() {
    let filler = url.appending(path: "filler")
    _ = FileManager.default.createFile(atPath: filler.path, contents: nil)
    guard let handle = try? FileHandle(forWritingTo: filler) else { return }
    defer { try? handle.close() }
    let chunk = Data(repeating: 0x41, count: 1024)
    while (try? handle.write(contentsOf: chunk)) != nil {}
    // What is left may be less than a chunk.
    while (try? handle.write(contentsOf: Data([0x41]))) != nil {}
  }

  func unfill() { try? FileManager.default.removeItem(at: url.appending(path: "filler")) }
}

@Suite("Hostile stores: full, read-only, shared", .serialized)
struct HostileStoreTests {
  @Test(
    "a full disk refuses the answer with a clear message, and loses none already saved",
    .enabled(if: SmallDisk.canMount))
  func fullDisk() throws {
    let disk = try SmallDisk(kilobytes: 64)
    defer { disk.unmount() }
    let full = try Sample.audit()
    let store = AuditStore(directory: disk.url.appending(path: "audits"))
    try store.create(try Audit(replaying: Array(full.events.prefix(1))))
    for event in full.events.dropFirst().prefix(2) { try store.append(event, to: full.id) }
    let before = try Data(contentsOf: store.logURL(for: full.id))
    disk.fill()
    // A note longer than a page: the disk must find room for it, and has none.
    let big = AuditEvent(
      sequence: 4, time: Sample.start, author: Sample.inspector,
      change: .noted(item: nil, text: String(repeating: "Ghi chú dài. ", count: 1000)))
    var refused: AuditStoreError?
    do {
      try store.append(big, to: full.id)
    } catch {
      refused = error
    }
    let error = try #require(refused, "an append on a full disk was accepted")
    #expect(error.description.contains(store.logURL(for: full.id).path))
    #expect(error.description.lowercased().contains("space"), "\(error.description)")
    // Nothing saved is lost, and no half line is left behind.
    #expect(try Data(contentsOf: store.logURL(for: full.id)) == before)
    disk.unfill()
    for event in full.events.dropFirst(3) { try store.append(event, to: full.id) }
    let log = try Data(contentsOf: store.logURL(for: full.id))
    #expect(LogChain.verify(log).isIntact)
    #expect(try EventLog.audit(from: log).audit == full)
  }

  @Test(
    "in the REPL, an answer the disk refuses is reported as not saved and not kept",
    .enabled(if: SmallDisk.canMount))
  func fullDiskInTheSession() throws {
    let disk = try SmallDisk(kilobytes: 64)
    defer { disk.unmount() }
    let store = AuditStore(directory: disk.url.appending(path: "audits"))
    let session = Session(
      configuration: SessionConfiguration(
        catalog: Catalog([Sample.checklist()]), store: store, language: .en, inspector: Sample.inspector,
        clock: { Sample.start }, attachmentDirectory: disk.url, exportDirectory: disk.url))
    let start = session.evaluate(
      "start test-list --unit \"UBND\" --leader \"Nguyễn Văn An\" --members \"Bình\" --visit surprise")
    #expect(start.succeeded, "\(start.text)")
    #expect(session.evaluate("pass").succeeded)
    let id = try #require(session.audit?.id)
    disk.fill()
    let note = String(repeating: "Ghi chú dài. ", count: 220)
    #expect(!session.evaluate("note --general \(note)").succeeded)
    let reply = session.evaluate("9/12 -- " + String(repeating: "nhận xét ", count: 300))
    #expect(!reply.succeeded)
    #expect(reply.text.hasPrefix("Not saved"), "\(reply.text)")
    #expect(session.audit?.records["A-2"]?.state == .unanswered)
    #expect(session.audit?.general.notes.isEmpty == true)
    disk.unfill()
    #expect(session.evaluate("9/12").succeeded)
    let saved = try AuditStore(directory: store.directory).open(id, readOnly: true).audit
    #expect(saved.records["A-1"]?.state == .answered(.pass))
    #expect(saved.records["A-2"]?.state == .answered(.observation(compliant: 9, observed: 12)))
  }

  @Test(
    "a read-only store refuses writing with a clear message and still opens read-only",
    .enabled(if: SmallDisk.canMount))
  func readOnlyStore() throws {
    let folder = try Sample.temporaryFolder()
    let view = try Sample.temporaryFolder()
    defer {
      _ = SmallDisk.runCommand("/bin/umount", [view.path])
      try? FileManager.default.removeItem(at: view)
      try? FileManager.default.removeItem(at: folder)
    }
    let full = try Sample.audit()
    let writer = AuditStore(directory: folder)
    try writer.create(try Audit(replaying: Array(full.events.prefix(2))))
    writer.close(full.id)
    // The same folder seen through a read-only bind mount.
    #expect(SmallDisk.run(["--bind", folder.path, view.path]) == 0)
    #expect(SmallDisk.run(["-o", "remount,ro,bind", view.path]) == 0)
    let store = AuditStore(directory: view)
    do {
      _ = try store.open(full.id)
      Issue.record("opened a read-only store for writing")
    } catch {
      #expect(error.description.lowercased().contains("read-only"), "\(error)")
    }
    let another = try Sample.audit(id: "x-1")
    do {
      try store.create(another)
      Issue.record("created an audit in a read-only store")
    } catch {
      #expect(error.description.lowercased().contains("read-only"), "\(error)")
    }
    let opened = try store.open(full.id, readOnly: true)
    #expect(opened.audit.events == Array(full.events.prefix(2)))
    #expect(try Data(contentsOf: writer.logURL(for: full.id)) == (try Sample.chainedLog(opened.audit)))
  }

  @Test("many audits written at once into one store: every log intact and chained")
  func manyAuditsAtOnce() throws {
    let folder = try Sample.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let count = 12
    let audits = try (0..<count).map { try Sample.audit(id: "20261121-0930-many-\($0)") }
    let failures = Failures()
    DispatchQueue.concurrentPerform(iterations: count) { index in
      let store = AuditStore(directory: folder)
      let audit = audits[index]
      do {
        try store.create(try Audit(replaying: Array(audit.events.prefix(1))))
        for event in audit.events.dropFirst() { try store.append(event, to: audit.id) }
        store.close(audit.id)
      } catch {
        failures.add("\(audit.id): \(error)")
      }
    }
    #expect(failures.all.isEmpty, "\(failures.all)")
    let store = AuditStore(directory: folder)
    #expect(store.list().count == count)
    for audit in audits {
      let log = try Data(contentsOf: store.logURL(for: audit.id))
      #expect(LogChain.verify(log).isIntact)
      #expect(try EventLog.audit(from: log).audit == audit)
    }
  }

  func kycuong(_ folder: URL, input: String) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = KyCuongBinary.url
    process.arguments = ["audit", "--store", folder.path, "--lang", "en", "--inspector", "Nguyễn Văn An"]
    let stdin = Pipe()
    let stdout = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stdout
    try process.run()
    try stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self))
  }

  @Test(
    "two kycuong processes on one audit: the second is refused, read-only works",
    .enabled(if: KyCuongBinary.url != nil))
  func twoProcessesOneAudit() throws {
    let folder = try Sample.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let full = try Sample.audit()
    let store = AuditStore(directory: folder)
    try store.create(try Audit(replaying: Array(full.events.prefix(2))))
    // This process holds the audit open for writing; another kycuong tries to resume it.
    let second = try kycuong(folder, input: "resume \(full.id)\n")
    #expect(second.status != 0)
    #expect(second.output.contains("lock") || second.output.contains("open"), "\(second.output)")
    let readOnly = try kycuong(folder, input: "resume \(full.id) --read-only\nscore\n")
    #expect(readOnly.status == 0, "\(readOnly.output)")
    for event in full.events.dropFirst(2) { try store.append(event, to: full.id) }
    store.close(full.id)
    let third = try kycuong(folder, input: "resume \(full.id)\n")
    #expect(third.status == 0, "\(third.output)")
    #expect(LogChain.verify(try Data(contentsOf: store.logURL(for: full.id))).isIntact)
  }

  @Test(
    "several kycuong processes starting audits at once in one store", .enabled(if: KyCuongBinary.url != nil))
  func processesAtOnce() throws {
    let folder = try Sample.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let checklist = folder.appending(path: "list")
    try FileManager.default.createDirectory(at: checklist, withIntermediateDirectories: true)
    try JSONEncoder().encode(Sample.checklist()).write(to: checklist.appending(path: "test-list.json"))
    let script =
      [
        "start test-list --unit \"UBND phường Hàng Bạc\" --leader \"Nguyễn Văn An\" --members \"Bình\" --visit surprise",
        "pass", "9/12", "fail", "finish --yes", "quit",
      ].joined(separator: "\n") + "\n"
    let results = Failures()
    DispatchQueue.concurrentPerform(iterations: 4) { _ in
      let process = Process()
      process.executableURL = KyCuongBinary.url
      process.arguments = [
        "audit", "--store", folder.appending(path: "audits").path, "--lang", "en", "--checklists",
        checklist.path,
      ]
      let stdin = Pipe()
      process.standardInput = stdin
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      do {
        try process.run()
        try stdin.fileHandleForWriting.write(contentsOf: Data(script.utf8))
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        if process.terminationStatus != 0 { results.add("exit \(process.terminationStatus)") }
      } catch {
        results.add("\(error)")
      }
    }
    #expect(results.all.isEmpty, "\(results.all)")
    let store = AuditStore(directory: folder.appending(path: "audits"))
    let summaries = store.list()
    #expect(summaries.count == 4)
    #expect(summaries.allSatisfy { $0.isFinished })
    for summary in summaries {
      #expect(LogChain.verify(try Data(contentsOf: store.logURL(for: summary.id))).isIntact)
    }
  }
}

/// Where the built `kycuong` is.
enum KyCuongBinary {
  /// The `kycuong` binary next to the test bundle, if it was built.
  static let url: URL? = {
    let candidates = [
      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
      Bundle.main.bundleURL,
      Bundle.main.bundleURL.deletingLastPathComponent(),
    ].map { $0.appending(path: "kycuong") }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }()

  /// Runs `executable` in `folder`, its standard output and standard error read apart, at the same time so
  /// neither pipe fills up.
  static func run(_ executable: URL?, _ arguments: [String], in folder: URL) throws -> VerifyCommandTests.Run
  {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = folder
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let errorData = Failures.Box()
    let reading = DispatchGroup()
    reading.enter()
    DispatchQueue.global().async {
      errorData.data = error.fileHandleForReading.readDataToEndOfFile()
      reading.leave()
    }
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    reading.wait()
    return VerifyCommandTests.Run(
      status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
      error: String(decoding: errorData.data, as: UTF8.self))
  }
}

/// Messages collected from several threads.
final class Failures: @unchecked Sendable {
  private let lock = NSLock()
  private var messages: [String] = []

  func add(_ message: String) { lock.withLock { messages.append(message) } }
  var all: [String] { lock.withLock { messages } }

  /// Bytes handed from one thread to another.
  final class Box: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = Data()

    var data: Data {
      get { lock.withLock { stored } }
      set { lock.withLock { stored = newValue } }
    }
  }
}
