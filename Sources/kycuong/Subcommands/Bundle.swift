import ArgumentParser
import Foundation
import KyCuong
import KyCuongBundle
import KyCuongIntegrity
import KyCuongStore

extension KyCuongCommand {
  /// `kycuong bundle AUDIT -o FILE.zip`: the export, the log, the record and every attachment of an audit in
  /// one archive, with a manifest of digests.
  struct Bundle: KyCuongSubcommand {
    static let configuration = CommandConfiguration(
      commandName: "bundle",
      abstract: "Write one zip with an audit's export, log, record (HTML and Markdown) and attachments.",
      discussion: """
        AUDIT is an audit id in the store. The archive holds manifest.json (every file's size and SHA-256),
        export.json (sealed), log.jsonl, record.html, record.md and attachments/<sha256>/<name>. Whoever
        receives it checks it with `kycuong verify FILE.zip` and prints record.html.
        Exit status: 0 written; 2 the audit cannot be read, an attachment has no copy in the store, or the
        file cannot be written (an existing file is refused unless --force).
        """
    )

    @Argument(help: "The audit's id in the store.")
    var audit: String

    @Option(name: .shortAndLong, help: "The archive to write (.zip).", completion: .file(extensions: ["zip"]))
    var output: String

    @Flag(help: "Replace the archive if it exists.")
    var force = false

    @Option(help: "Language of the record: vi or en (default: $KYCUONG_LANG, else vi).")
    var lang: Language = .defaultFromEnvironment

    @OptionGroup var storeOptions: StoreOptions

    func execute() throws(CommandFailure) {
      let store = AuditStore(directory: storeOptions.folder)
      let url = URL(fileURLWithPath: output)
      if FileManager.default.fileExists(atPath: url.path) && !force {
        throw CommandFailure("\(output) exists; not overwritten (add --force)")
      }
      let opened: AuditStore.OpenedAudit
      let log: Data
      do {
        opened = try store.open(audit, readOnly: true)
        log = try store.logData(for: audit)
      } catch {
        throw CommandFailure(error.description)
      }
      if opened.audit.isMembersLog || store.hasDeviceLogs(audit) {
        throw CommandFailure(
          "\(audit): a team audit's bundle is not made yet (a bundle holds one log): export it in the REPL "
            + "(`export`), and hand over the export with every device's log, which `kycuong verify` checks")
      }
      for problem in opened.chainBreaks {
        Diagnostics.warn("\(audit): \(problem) (hash chain: `kycuong verify`)")
      }
      let manifest: BundleManifest
      do {
        manifest = try AuditBundle.write(
          opened.audit, log: log, files: AttachmentStore(for: store), to: url, language: lang)
      } catch {
        throw CommandFailure(error.description)
      }
      try CommandFiles.write(
        TerminalText.sanitized("\(output): \(manifest.files.count) files, audit \(manifest.audit)") + "\n",
        to: nil,
        force: false)
    }
  }
}

extension KyCuongCommand.Verify {
  /// Whether `path` is a zip archive (a bundle), from its first bytes.
  static func isBundle(_ path: String) -> Bool {
    // Without blocking, and only a regular file: a FIFO given as FILE must not hang here (it is refused with
    // a message when it is read).
    guard path != "-" else { return false }
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { return false }
    defer { _ = close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return false }
    var magic = [UInt8](repeating: 0, count: 4)
    guard read(fd, &magic, 4) == 4 else { return false }
    return magic == [0x50, 0x4B, 0x03, 0x04]
  }

  /// Checks a bundle: every file against its manifest, every attachment re-hashed, the log's chain, the
  /// export's digests against the log (and its signature against --key).
  func verifyBundle(_ path: String) throws(CommandFailure) -> VerifyOutcome {
    let trusted = try trustedKeys()
    let result: BundleVerification
    do {
      result = try BundleVerification.verify(bundleAt: URL(fileURLWithPath: path), trustedKeys: trusted)
    } catch {
      throw CommandFailure("\(path): \(error.description)")
    }
    var outcome = VerifyOutcome(file: path, kind: "bundle")
    outcome.facts = [
      ("audit", result.auditID.map(JSONValue.string) ?? .null),
      ("files", .number(Double(result.filesChecked))),
      ("attachments", .number(Double(result.attachmentsChecked))),
      ("signer", result.export?.signer.map(JSONValue.string) ?? .null),
      ("fingerprint", result.export?.fingerprint.map(JSONValue.string) ?? .null),
    ]
    if let export = result.export { outcome.prove(export, keysExpected: !trusted.isEmpty, withLog: true) }
    if !result.isIntact {
      outcome.fail(result.problems)
      return outcome
    }
    var details = [
      "\(path): \(result.filesChecked) files match the manifest, \(result.attachmentsChecked) attachments match "
        + "the digests the audit recorded, the export matches its log"
    ]
    guard let export = result.export, let signer = export.signer else {
      outcome.unproven("bundle intact, unsigned: anyone could have made this bundle", details: details)
      return outcome
    }
    details.append("signed in the name of \(signer), key fingerprint \(export.fingerprint ?? "?")")
    if export.signatureTrusted {
      outcome.verified("verified: signed by \(signer) with an expected key", details: details)
      return outcome
    }
    outcome.unproven(
      "signature valid, key not checked: anyone can make a key and sign in any name",
      details: details + ["give the leader's public key, obtained from them: --key LEADER.pub"])
    return outcome
  }
}
