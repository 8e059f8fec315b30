import ArgumentParser
import Foundation
import KyCuong
import KyCuongIntegrity

extension KyCuongCommand {
  /// `kycuong verify FILE [--log LOG] [--key PUB]`: checks the hash chain of a log, or the digests and the
  /// signature of an export.
  struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Check that an audit's log or export is the one the team produced: every link, digest, signature.",
      discussion: """
        A log (.jsonl): every event's `prev` and `sum`; the first event that does not match is named.
        An export (.json): the snapshot digest, the export digest, the signature (against --key when given),
        and with --log, that its chain head and content match the log.
        Exit status: 0 everything checked matches; 1 something does not match or the file is refused;
        2 nothing to check it by (a version 1 log, not chained; an export without `integrity`).
        """
    )

    @Argument(help: "An audit's event log (.jsonl) or export (.json).", completion: .file())
    var file: String

    @Option(
      help: "The audit's event log, to check an export's chain head and content against.", completion: .file()
    )
    var log: String?

    @Option(
      help: "The team leader's public key (.pub): the export must be signed with it.", completion: .file())
    var key: String?

    func run() throws {
      let data = try read(file, limit: BoundedFile.maximumExportSize)
      if Self.looksLikeExport(data) {
        try verifyExport(data)
      } else {
        guard key == nil else {
          throw ValidationError(
            "\(file) is an event log, which is not signed; give --key with the signed export")
        }
        try verifyLog(data)
      }
    }

    func read(_ path: String, limit: Int) throws -> Data {
      do {
        return try BoundedFile.read(URL(fileURLWithPath: path), limit: limit)
      } catch {
        print("REFUSED: \(error.description)")
        throw ExitCode.failure
      }
    }

    /// An export is one JSON object (written pretty-printed, first line `{`); a log has one object per line.
    static func looksLikeExport(_ data: Data) -> Bool {
      let firstLine = data.prefix { $0 != UInt8(ascii: "\n") }
      if firstLine.allSatisfy({ [UInt8(ascii: "{"), UInt8(ascii: " "), UInt8(ascii: "\r")].contains($0) }),
        firstLine.contains(UInt8(ascii: "{"))
      {
        return true
      }
      if let json = try? JSONReader.parse(data), json["format"] != nil { return true }
      return false
    }

    func verifyLog(_ data: Data) throws {
      let result = LogChain.verify(data)
      if let first = result.firstProblem {
        print("FAILED: \(file): \(first.description)")
        for problem in result.problems.dropFirst() { print("  also: \(problem.description)") }
        throw ExitCode.failure
      }
      if result.chainedEvents == 0 {
        print("\(file): version 1, not chained: \(result.eventCount) events that replay, but nothing shows")
        print("  whether they were changed. Logs written by this version of kycuong are chained.")
        throw ExitCode(2)
      }
      if result.unchainedEvents > 0 {
        print(
          "\(file): events 1–\(result.unchainedEvents) are version 1, not chained; the "
            + "\(result.chainedEvents) after them are chained and every link and digest matches")
      } else {
        print("ok  \(file): \(result.eventCount) events, chained (version 2); every link and digest matches")
      }
      print("    chain head \(result.head ?? "-")")
      print(
        "    (the last lines of a log can be cut off without breaking the chain: compare the head with the")
      print("    export's integrity.chainHead, `kycuong verify EXPORT --log \(file)`)")
    }

    func verifyExport(_ data: Data) throws {
      let trusted: PublicSigningKey?
      do {
        trusted = try key.map { try PublicSigningKey.read(from: URL(fileURLWithPath: $0)) }
      } catch let error as KeyError {
        print("REFUSED: \(error.description)")
        throw ExitCode.failure
      }
      let logData = try log.map { try read($0, limit: BoundedFile.maximumLogSize) }
      if let logData {
        let chain = LogChain.verify(logData)
        if let first = chain.firstProblem {
          print("FAILED: \(log ?? ""): \(first.description)")
          throw ExitCode.failure
        }
      }
      let result = ExportIntegrity.verify(exportData: data, log: logData, trustedKey: trusted)
      if let first = result.problems.first {
        print("FAILED: \(file): \(first)")
        for problem in result.problems.dropFirst() { print("  also: \(problem)") }
        throw ExitCode.failure
      }
      guard result.sealed else {
        print("\(file): an export without `integrity`: the snapshot digest matches, but nothing else can be")
        print("  checked. Exports written by this version of kycuong carry digests.")
        throw ExitCode(2)
      }
      print("ok  \(file): audit \(result.auditID ?? "?"): snapshot digest and export digest match")
      print("    export digest \(result.exportDigest ?? "-")")
      if logData != nil {
        print(
          "    chain head \(result.chainHead ?? "-") matches the log \(log ?? ""); the content matches it too"
        )
      } else {
        print("    chain head \(result.chainHead ?? "-") (give --log LOG to check it against the log)")
      }
      if let signer = result.signer {
        let when = result.signedAt.map(Timestamp.string(from:)) ?? "?"
        print("    signed by \(signer) at \(when), key fingerprint \(result.fingerprint ?? "?")")
        if result.signatureTrusted {
          print("    the signing key is the given key \(key ?? "")")
        } else {
          print(
            "    the signature is valid for the key it names; give --key LEADER.pub to check whose key it is")
        }
      } else {
        print("    not signed")
      }
    }
  }
}
