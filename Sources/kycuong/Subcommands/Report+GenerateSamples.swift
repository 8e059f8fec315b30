import ArgumentParser
import Foundation
import KyCuong
import KyCuongIntegrity
import KyCuongSamples

extension KyCuongCommand.Report {
  /// `kycuong report generate-samples DIR`: writes sample audits (hidden; for demos and the benchmark).
  struct GenerateSamples: KyCuongSubcommand {
    static let configuration = CommandConfiguration(
      commandName: "generate-samples", abstract: "Write sample audits as exports (for demos and benchmarks).",
      shouldDisplay: false)

    @Argument(help: "Folder to write the exports to.", completion: .directory)
    var folder: String

    @Option(help: "Number of audits.")
    var count = 20

    @Option(help: "Seed of the generator.")
    var seed: UInt64 = 1

    @Flag(help: "Write event logs (.jsonl, hash-chained) instead of exports.")
    var logs = false

    func execute() throws(CommandFailure) {
      let url = URL(fileURLWithPath: folder)
      do {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
      } catch {
        throw CommandFailure("cannot create \(folder): \(CommandFiles.reason(error))")
      }
      let count = self.count
      let seed = self.seed
      let logs = self.logs
      let failures = FailureCount()
      DispatchQueue.concurrentPerform(iterations: count) { index in
        let audit = SampleAudits.audit(index, seed: seed)
        do {
          if logs {
            var data = Data()
            var last: Data?
            for event in audit.events {
              let line = try LogChain.line(for: event, after: last)
              data.append(line)
              last = line.dropLast()
            }
            try data.write(to: url.appending(path: "\(audit.id).jsonl"))
          } else {
            try AuditExport(audit).jsonData().write(to: url.appending(path: "\(audit.id).json"))
          }
        } catch {
          failures.add()
        }
      }
      if failures.value > 0 {
        throw CommandFailure("\(failures.value) sample(s) could not be written to \(folder)")
      }
    }
  }
}

/// A counter the generator's worker threads share.
final class FailureCount: @unchecked Sendable {
  private var count = 0
  private let lock = NSLock()

  func add() {
    lock.lock()
    count += 1
    lock.unlock()
  }

  var value: Int {
    lock.lock()
    defer { lock.unlock() }
    return count
  }
}
