import ArgumentParser
import Foundation
import KyCuong
import KyCuongIntegrity

extension KyCuongCommand {
  /// `kycuong verify FILE [--log LOG] [--key PUB]`: checks the hash chain of a log, or the digests and the
  /// signature of an export.
  struct Verify: KyCuongSubcommand {
    static let configuration = CommandConfiguration(
      abstract: "Check an audit's log or export: every link of its hash chain, its digests, its signature.",
      discussion: """
        A log (.jsonl): every event's `prev` and `sum`; the first event that does not match is named.
        An export (.json): the snapshot digest, the export digest, the signature (against --key when given),
        and with --log, that its chain head and content match the log.
        Exit status: 0 everything checked matches and the export is signed with the --key given; 1 something
        does not match, or the signature is not by the --key given; 2 the file cannot be read; 3 nothing
        contradicts the file, but nothing proves who made it (an unchained log, an export without digests or
        signature, or a signature checked without --key: anyone can make a valid signature with a key of
        their own).
        """
    )

    @Argument(
      help: "An audit's event log (.jsonl), export (.json) or bundle (.zip), or - for standard input.",
      completion: .file())
    var file: String

    @Option(
      help: "The audit's event log, to check an export's chain head and content against.", completion: .file()
    )
    var log: String?

    @Option(
      help: "The team leader's public key (.pub): the export must be signed with it.", completion: .file())
    var key: String?

    @Flag(help: "Print the result as JSON.")
    var json = false

    func execute() throws(CommandFailure) {
      let outcome: VerifyOutcome
      // A bundle (.zip) is read entry by entry, not whole: see Bundle.swift.
      let bundle = Self.isBundle(file)
      let data = bundle ? Data() : try CommandFiles.read(file, limit: BoundedFile.maximumExportSize)
      if bundle {
        outcome = try verifyBundle(file)
      } else if AuditDocument.looksLikeExport(data) {
        outcome = try verifyExport(data)
      } else {
        guard key == nil else {
          throw CommandFailure(
            "\(file) is an event log, which is not signed; give --key with the signed export")
        }
        outcome = verifyLog(data)
      }
      if json {
        try CommandFiles.write(try Show.encode(outcome.json), to: nil, force: false)
      } else {
        try CommandFiles.write(
          TerminalText.sanitized(outcome.lines.joined(separator: "\n")) + "\n", to: nil, force: false)
      }
      if outcome.status != .success {
        throw CommandFailure(outcome.summary, status: outcome.status)
      }
    }

    func verifyLog(_ data: Data) -> VerifyOutcome {
      let result = LogChain.verify(data)
      var outcome = VerifyOutcome(file: file, kind: "log")
      outcome.facts["events"] = .number(Double(result.eventCount))
      outcome.facts["chainedEvents"] = .number(Double(result.chainedEvents))
      outcome.facts["chainHead"] = result.head.map(JSONValue.string) ?? .null
      if !result.problems.isEmpty {
        outcome.fail(result.problems.map(\.description))
        return outcome
      }
      if result.chainedEvents == 0 {
        outcome.unproven(
          "\(file): version 1, not chained: \(result.eventCount) events that replay, but nothing shows whether "
            + "they were changed")
        return outcome
      }
      outcome.lines.append(
        result.unchainedEvents > 0
          ? "chain intact  \(file): events 1–\(result.unchainedEvents) are version 1, not chained; the "
            + "\(result.chainedEvents) after them are chained and every link and digest matches"
          : "chain intact  \(file): \(result.eventCount) events, every link and digest matches")
      outcome.lines.append("    chain head \(result.head ?? "-")")
      // What the chain proves, and what it does not: anyone who rewrites a log can chain it again.
      outcome.unproven(
        "a log is not signed: the chain shows no line was changed after the one after it was written, not who "
          + "wrote it; compare the head with the signed export's integrity.chainHead "
          + "(`kycuong verify EXPORT --log \(file) --key LEADER.pub`)")
      return outcome
    }

    func verifyExport(_ data: Data) throws(CommandFailure) -> VerifyOutcome {
      var trusted: PublicSigningKey?
      if let key {
        do {
          trusted = try PublicSigningKey.read(from: URL(fileURLWithPath: key))
        } catch {
          throw CommandFailure(error.description)
        }
      }
      let logData = try log.map { path throws(CommandFailure) in
        try CommandFiles.read(path, limit: BoundedFile.maximumLogSize)
      }
      var outcome = VerifyOutcome(file: file, kind: "export")
      if let logData {
        let chain = LogChain.verify(logData)
        if !chain.problems.isEmpty {
          outcome.fail(chain.problems.map { "\(log ?? ""): \($0)" })
          return outcome
        }
      }
      let result = ExportIntegrity.verify(exportData: data, log: logData, trustedKey: trusted)
      outcome.facts["audit"] = result.auditID.map(JSONValue.string) ?? .null
      outcome.facts["exportDigest"] = result.exportDigest.map(JSONValue.string) ?? .null
      outcome.facts["chainHead"] = result.chainHead.map(JSONValue.string) ?? .null
      outcome.facts["signer"] = result.signer.map(JSONValue.string) ?? .null
      outcome.facts["fingerprint"] = result.fingerprint.map(JSONValue.string) ?? .null
      if !result.problems.isEmpty {
        outcome.fail(result.problems.map(\.description))
        return outcome
      }
      guard result.sealed else {
        outcome.unproven(
          "\(file): an export without `integrity`: its snapshot digest matches, nothing else can be checked")
        return outcome
      }
      outcome.lines.append("digests match  \(file): audit \(result.auditID ?? "?")")
      outcome.lines.append("    export digest \(result.exportDigest ?? "-")")
      outcome.lines.append(
        logData != nil
          ? "    chain head \(result.chainHead ?? "-") is the head of the log \(log ?? ""), and the content matches it"
          : "    chain head \(result.chainHead ?? "-") (give --log LOG to check it against the log)")
      guard let signer = result.signer else {
        outcome.unproven("not signed: anyone could have sealed it")
        return outcome
      }
      let when = result.signedAt.map(Timestamp.string(from:)) ?? "?"
      outcome.lines.append("    signed by \(signer) at \(when), key fingerprint \(result.fingerprint ?? "?")")
      if result.signatureTrusted {
        outcome.lines.append(
          "verified: signed with the given key \(key ?? "") (\(trusted?.signer ?? signer))")
        return outcome
      }
      outcome.unproven(
        "the signature is valid for the key it carries, but that key was not checked: anyone can sign with a "
          + "key of their own under any name; give --key LEADER.pub")
      return outcome
    }
  }
}

/// What `verify` concluded, for text or JSON.
struct VerifyOutcome {
  var file: String
  var kind: String
  var status: ExitStatus = .success
  var lines: [String] = []
  var problems: [String] = []
  var summary = ""
  var facts: [String: JSONValue] = [:]

  mutating func fail(_ problems: [String]) {
    status = .negative
    self.problems = problems
    lines.append("FAILED  \(file): \(problems.first ?? "")")
    lines += problems.dropFirst().map { "  also: \($0)" }
    summary = "\(file) does not verify"
  }

  mutating func unproven(_ reason: String) {
    status = .unproven
    lines.append("unproven: \(reason)")
    summary = "\(file): nothing wrong found, but nothing proves who made it"
  }

  var json: JSONValue {
    let verdict: String =
      switch status {
      case .success: "verified"
      case .negative: "failed"
      case .unproven: "unproven"
      default: "error"
      }
    var members: [(key: String, value: JSONValue)] = [
      ("file", .string(file)), ("kind", .string(kind)), ("verdict", .string(verdict)),
      ("exitStatus", .number(Double(status.rawValue))), ("problems", .array(problems.map(JSONValue.string))),
    ]
    for key in facts.keys.sorted() { members.append((key, facts[key] ?? .null)) }
    return .object(members)
  }
}
