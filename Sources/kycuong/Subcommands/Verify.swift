import ArgumentParser
import Foundation
import KyCuong
import KyCuongIntegrity

extension KyCuongCommand {
  /// `kycuong verify FILE [--log LOG] [--key PUB]… [--json]`: checks the hash chain of a log, the digests
  /// and the signature of an export, or a bundle's files, and says exactly what that proves.
  struct Verify: KyCuongSubcommand {
    static let configuration = CommandConfiguration(
      commandName: "verify",
      abstract: "Check an audit's log or export: every link of its hash chain, its digests, its signature.",
      discussion: """
        A log (.jsonl): every event's `prev` and `sum`; the first event that does not match is named. A log is
        never signed: an intact chain shows that no line was changed after the next was written, not who
        wrote it (anyone could have rebuilt the chain).
        An export (.json): the snapshot digest, the export digest, the signature, and with --log, that its
        chain head and content match the log. A bundle (.zip): every file against its manifest, every
        attachment re-hashed, the log's chain, and its export as above against its log. A signature proves who signed only when its key is one you
        expect: give the team leader's public key with --key (a .pub file, or a folder of them; repeatable).
        Exit status:
          0  verified: an export whose digests match, signed with a key given by --key in its owner's name
             (and with --log, whose log is intact and matches it);
          1  does not verify: a line or a digest does not match, the signature is not valid, the signature's
             key is not one given by --key (or is used in another name), or --key was given for an export
             that is not signed;
          2  could not check: the file (or the log, or a key) is missing, unreadable, too large or not an
             audit, or --key was given with a log;
          3  unproven: nothing contradicts the file, but nothing proves who made it: an intact log (chained
             or version 1), an export without `integrity`, sealed but not signed, signed with no --key, or
             signed with a key given but checked against a --log of version 1 (not chained); a bundle
             intact but not signed, or signed with no --key.
        --json prints one object (format kycuong.verify/1, described in the Integrity article) whatever the
        outcome, the same fields every time.
        """
    )

    @Argument(
      help: "An audit's event log (.jsonl), export (.json) or bundle (.zip), or - for standard input.",
      completion: .file())
    var file: String

    @Option(
      help: """
        The audit's event log, to check an export's chain head and content against; for a team audit, \
        every device's log (--log once for each).
        """, completion: .file()
    )
    var log: [String] = []

    @Option(
      name: .customLong("key"),
      help: ArgumentHelp(
        "A team leader's public key (.pub), or a folder of them: the export must be signed with one of them.",
        valueName: "key"),
      completion: .file())
    var keys: [String] = []

    @Flag(help: "Print the result as JSON (format kycuong.verify/1).")
    var json = false

    func execute() throws(CommandFailure) {
      let outcome: VerifyOutcome
      do {
        outcome = try check()
      } catch {
        if json {
          var failed = VerifyOutcome(file: file, kind: nil)
          failed.status = error.status
          failed.problems = [error.message]
          failed.summary = error.message
          try CommandFiles.write(try Show.encode(failed.json), to: nil, force: false)
        }
        throw error
      }
      if json {
        try CommandFiles.write(try Show.encode(outcome.json), to: nil, force: false)
      } else {
        try CommandFiles.write(
          TerminalText.sanitized(outcome.lines.joined(separator: "\n")) + "\n", to: nil, force: false)
      }
      if outcome.status != .success {
        throw CommandFailure("\(file): \(outcome.summary)", status: outcome.status)
      }
    }

    func check() throws(CommandFailure) -> VerifyOutcome {
      // A bundle (.zip) is read entry by entry, not whole: see Bundle.swift.
      if Self.isBundle(file) { return try verifyBundle(file) }
      let data = try CommandFiles.read(file, limit: BoundedFile.maximumExportSize)
      if AuditDocument.looksLikeExport(data) { return try verifyExport(data) }
      guard keys.isEmpty else {
        throw CommandFailure(
          "\(file) is an event log, which is never signed; give --key with the signed export (and the log with "
            + "--log)")
      }
      return verifyLog(data)
    }

    func verifyLog(_ data: Data) -> VerifyOutcome {
      let result = LogChain.verify(data)
      var outcome = VerifyOutcome(file: file, kind: "log")
      outcome.facts = [
        ("events", .number(Double(result.eventCount))),
        ("chainedEvents", .number(Double(result.chainedEvents))),
        ("unchainedEvents", .number(Double(result.unchainedEvents))),
        ("chainHead", result.head.map(JSONValue.string) ?? .null),
      ]
      outcome.proven["chainIntact"] = .bool(result.isIntact)
      if !result.problems.isEmpty {
        outcome.fail(result.problems.map(\.description))
        return outcome
      }
      if result.chainedEvents == 0 {
        outcome.unproven(
          "version 1, not chained: nothing shows whether its events were changed",
          details: ["\(file): \(result.eventCount) events that replay, without a hash chain"])
        return outcome
      }
      var details = [
        result.unchainedEvents > 0
          ? "\(file): events 1–\(result.unchainedEvents) are version 1, not chained; the \(result.chainedEvents) "
            + "after them are chained and every link and digest matches"
          : "\(file): \(result.eventCount) events, every link and digest matches",
        "chain head \(result.head ?? "-")",
      ]
      // What the chain proves, and what it does not: anyone who rewrites a log can chain it again.
      details.append(
        "what would prove who made it: a signed export whose integrity.chainHead is this head "
          + "(`kycuong verify EXPORT --log \(file) --key LEADER.pub`)")
      outcome.unproven("chain intact, unsigned: anyone could have rebuilt it", details: details)
      return outcome
    }

    func trustedKeys() throws(CommandFailure) -> TrustedKeys {
      var trusted = TrustedKeys()
      for path in keys {
        do {
          trusted.formUnion(try TrustedKeys.read(from: URL(fileURLWithPath: path)))
        } catch {
          throw CommandFailure(error.description)
        }
      }
      return trusted
    }

    func verifyExport(_ data: Data) throws(CommandFailure) -> VerifyOutcome {
      let trusted = try trustedKeys()
      var logs: [Data] = []
      for path in log { logs.append(try CommandFiles.read(path, limit: BoundedFile.maximumLogSize)) }
      let logData = logs.first
      let logNames = log.joined(separator: ", ")
      var outcome = VerifyOutcome(file: file, kind: "export")
      let result =
        logs.count > 1
        ? ExportIntegrity.verify(exportData: data, deviceLogs: logs, trustedKeys: trusted)
        : ExportIntegrity.verify(exportData: data, log: logData, trustedKeys: trusted)
      // A team export's log problems are named per device log among the problems.
      let logProblems = logs.count > 1 ? [] : result.logChain?.problems.map { "\(logNames): \($0)" } ?? []
      outcome.facts = [
        ("audit", result.auditID.map(JSONValue.string) ?? .null),
        ("exportDigest", result.exportDigest.map(JSONValue.string) ?? .null),
        ("chainHead", result.chainHead.map(JSONValue.string) ?? .null),
        ("signer", result.signer.map(JSONValue.string) ?? .null),
        ("fingerprint", result.fingerprint.map(JSONValue.string) ?? .null),
        ("signedAt", result.signedAt.map { .string(Timestamp.string(from: $0)) } ?? .null),
      ]
      outcome.prove(result, keysExpected: !trusted.isEmpty, withLog: logData != nil)
      let problems = logProblems + result.problems.map(\.description)
      if !problems.isEmpty {
        outcome.fail(problems)
        return outcome
      }
      var details = ["\(file): audit \(result.auditID ?? "?")"]
      guard result.sealed else {
        outcome.unproven(
          "no integrity: its snapshot digest matches, and nothing else can be checked",
          details: details + (logData != nil ? ["its content matches the log \(logNames)"] : []))
        return outcome
      }
      details.append("export digest \(result.exportDigest ?? "-")")
      let logChained = result.logChain?.isIntact ?? true
      details.append(
        logData != nil
          ? "chain head \(result.chainHead ?? "-") is the head of the log \(logNames)"
            + (logChained ? ", intact," : " (version 1 lines, not chained)") + " and the content matches it"
          : "chain head \(result.chainHead ?? "-") (give --log LOG to check it against the log)")
      guard let signer = result.signer else {
        outcome.unproven("digests match, unsigned: anyone could have sealed it", details: details)
        return outcome
      }
      let when = result.signedAt.map(Timestamp.string(from:)) ?? "?"
      details.append(
        "signed in the name of \(signer) at \(when), key fingerprint \(result.fingerprint ?? "?")")
      if result.signatureTrusted && !logChained {
        outcome.unproven(
          "signed by \(signer) with an expected key, but the log given is not chained (version 1): its lines are "
            + "not pinned to the export", details: details)
        return outcome
      }
      if result.signatureTrusted {
        outcome.verified("verified: signed by \(signer) with an expected key", details: details)
        return outcome
      }
      outcome.unproven(
        "signature valid, key not checked: anyone can make a key and sign in any name",
        details: details + ["give the leader's public key, obtained from them: --key LEADER.pub"])
      return outcome
    }
  }
}

/// What `verify` concluded, for text or JSON (`kycuong.verify/1`).
struct VerifyOutcome {
  static let formatID = "kycuong.verify/1"
  var file: String
  /// `log` or `export`; `nil` when the file could not be checked.
  var kind: String?
  var status: ExitStatus = .success
  var lines: [String] = []
  var problems: [String] = []
  /// The first line: what was proven.
  var summary = ""
  /// What each check showed: `true`, `false`, or null when it was not made.
  var proven: [String: JSONValue] = [:]
  var facts: [(String, JSONValue)] = []

  mutating func fail(_ problems: [String]) {
    status = .negative
    self.problems = problems
    summary = "does not verify"
    lines.append("FAILED  \(file): \(problems.first ?? "")")
    lines += problems.dropFirst().map { "  also: \($0)" }
  }

  /// What the checks of an export showed, into ``proven``.
  mutating func prove(_ result: ExportVerification, keysExpected: Bool, withLog: Bool) {
    if let chain = result.logChain { proven["chainIntact"] = .bool(chain.isIntact) }
    let digestProblems = result.problems.filter(\.isDigestProblem)
    proven["digestsMatch"] = result.sealed ? .bool(digestProblems.isEmpty) : .null
    proven["signed"] = .bool(result.signer != nil)
    proven["signatureValid"] = result.signer == nil ? .null : .bool(result.signatureValid)
    proven["keyExpected"] = result.signer == nil || !keysExpected ? .null : .bool(result.signatureTrusted)
    if withLog { proven["matchesLog"] = .bool(!result.problems.contains(where: \.isLogProblem)) }
  }

  mutating func unproven(_ headline: String, details: [String]) {
    status = .unproven
    summary = headline
    lines = ["unproven: \(headline)"] + details.map { "    " + $0 }
  }

  mutating func verified(_ headline: String, details: [String]) {
    status = .success
    summary = headline
    lines = [headline] + details.map { "    " + $0 }
  }

  var json: JSONValue {
    let verdict: String =
      switch status {
      case .success: "verified"
      case .negative: "failed"
      case .unproven: "unproven"
      default: "error"
      }
    let checks = ["chainIntact", "digestsMatch", "keyExpected", "matchesLog", "signatureValid", "signed"]
    var members: [(key: String, value: JSONValue)] = [
      ("format", .string(Self.formatID)), ("file", .string(file)),
      ("kind", kind.map(JSONValue.string) ?? .null),
      ("verdict", .string(verdict)), ("exitStatus", .number(Double(status.rawValue))),
      ("summary", .string(summary)), ("problems", .array(problems.map(JSONValue.string))),
      ("proven", .object(checks.map { ($0, proven[$0] ?? .null) })),
    ]
    members += facts.map { (key: $0.0, value: $0.1) }
    return .object(members)
  }
}
