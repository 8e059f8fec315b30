import Foundation
import KyCuong
import KyCuongIntegrity
import KyCuongStore

extension Session {
  /// `finish [--yes] [--sign KEYFILE]`: refuses while items are open; otherwise lists what was skipped, what
  /// does not apply and why, and asks before closing (unless `--yes`). With `--sign` the record is signed
  /// and the signed export written once the audit is closed.
  func finish(_ rest: String) -> SessionReply {
    guard let audit else { return refuse(.noAudit) }
    let arguments: Arguments
    switch self.arguments(rest, for: .finish, options: ["sign", "ky"], flags: ["yes", "co"]) {
    case .success(let parsed): arguments = parsed
    case .failure(let refusal): return refusal.reply
    }
    if !arguments.positional.isEmpty { return refuse(.usage(.finish)) }
    let keyPath = arguments.options["sign"] ?? arguments.options["ky"]
    if audit.isFinished {
      // Signing an audit finished earlier is allowed; finishing it again is not.
      guard let keyPath else { return refuse(.alreadyFinishedHint(id: audit.id)) }
      return sign("--key \"\(keyPath)\"")
    }
    if audit.isMembersLog { return refuse(.auditRefused(.leadersOnly(type: "finished"))) }
    // A team audit is finished on every device's answers merged: an item in conflict is open.
    var judged = audit
    if store.hasDeviceLogs(audit.id) {
      do {
        judged = try store.mergedAudit(audit.id)
      } catch {
        return refuse(.openFailed(error))
      }
    }
    let open = judged.openItems
    if !open.isEmpty {
      let lines = open.map {
        "  " + TextLayout.pad($0.id.rawValue, 12) + " "
          + TextLayout.shorten($0.text[language], (columns ?? 100) - 16)
      }
      // An item in conflict is open for another reason than an unanswered one: say what settles it.
      let conflicts = open.map(\.id).filter { judged.conflicts[$0] != nil }
      let hint = conflicts.isEmpty ? [] : [text(.finishWaitsForResolution(conflicts))]
      return SessionReply(
        text: ([text(.finishRefused(count: open.count))] + lines + hint).joined(separator: "\n"),
        succeeded: false)
    }
    // The key is read before anything is recorded: a key that cannot sign must not leave a finished,
    // unsigned audit behind.
    var key: SigningKey?
    if let keyPath {
      do {
        key = try SigningKey.read(from: resolve(keyPath, against: configuration.exportDirectory))
      } catch {
        return refuse(.signFailed(reason: error.description))
      }
    }
    let close: (Session) -> SessionReply = { session in session.close(signingWith: key) }
    if arguments.flags.contains("yes") || arguments.flags.contains("co") { return close(self) }
    return ask(finishSummary(judged)) { close($0) }
  }

  /// What the inspector confirms before finishing: answered, skipped with reasons, not applicable.
  func finishSummary(_ audit: Audit) -> String {
    var skipped: [String] = []
    var notApplicable: [String] = []
    var doesNotApply: [String] = []
    for item in audit.checklist.items {
      let state = audit.records[item.id]?.state ?? .unanswered
      if !audit.applicability.isApplicable(item.id) {
        let why = item.applicableWhen.map { Message.conditionText($0, language) } ?? text(.notValidOnVisitDay)
        doesNotApply.append("  \(item.id): " + text(.appliesOnlyWhen(why)))
        continue
      }
      switch state {
      case .skipped(let reason): skipped.append("  \(item.id): \(reason)")
      case .answered(.notApplicable): notApplicable.append("  \(item.id)")
      default: break
      }
    }
    let answered = audit.applicableItems.count - skipped.count
    var lines = [text(.finishSummary(answered: answered, applicable: audit.applicableItems.count))]
    if !skipped.isEmpty { lines += [text(.finishSkipped(skipped.count))] + skipped }
    if !notApplicable.isEmpty { lines += [text(.finishNotApplicable(notApplicable.count))] + notApplicable }
    if !doesNotApply.isEmpty { lines += [text(.finishDoesNotApply(doesNotApply.count))] + doesNotApply }
    lines.append(text(.finishQuestion(id: audit.id)))
    return lines.joined(separator: "\n")
  }

  /// Records `finished` (and signs, with `key`), after the confirmation.
  func close(signingWith key: SigningKey?) -> SessionReply {
    if let refusal = commit(.finished) { return refusal }
    moveTo(nil)
    guard let finished = audit else { return refuse(.noAudit) }
    var lines = [text(.finished(id: finished.id)), "", renderScore(finished.score(), audit: finished)]
    if let key {
      // `finish --sign`: the record is signed by the leader, digitally; the log says so.
      let signer = finished.header.team.leader
      if let refusal = commit(.signed(signer: signer, keyFingerprint: key.publicKey.fingerprint)) {
        return SessionReply(text: (lines + [refusal.text]).joined(separator: "\n"), succeeded: false)
      }
      lines.append(text(.recordSigned(signer: signer, id: finished.id)))
      let signed = signExport(with: key)
      lines.append(signed.text)
      return SessionReply(text: lines.joined(separator: "\n"), succeeded: signed.succeeded)
    }
    return SessionReply(text: lines.joined(separator: "\n"))
  }

  /// `reopen REASON`: a finished audit takes changes again, until its record is signed.
  func reopen(_ rest: String) -> SessionReply {
    guard let audit else { return refuse(.noAudit) }
    let reason = rest.trimmingCharacters(in: .whitespaces)
    guard !reason.isEmpty else { return refuse(.usage(.reopen)) }
    if let refusal = commit(.reopened(reason: reason)) { return refusal }
    moveTo(nextOpenItem(after: nil) ?? audit.applicableItems.last?.id)
    return SessionReply(
      text: [text(.reopened(id: audit.id)), "", renderCurrentOrDone()].joined(separator: "\n"))
  }

  /// `pages N --copies M`: the record's pages and copies, for its closing statement.
  func pages(_ rest: String) -> SessionReply {
    guard audit != nil else { return refuse(.noAudit) }
    let arguments: Arguments
    switch self.arguments(rest, for: .pages, options: ["copies", "ban"]) {
    case .success(let parsed): arguments = parsed
    case .failure(let refusal): return refusal.reply
    }
    guard let pages = arguments.positional.first.flatMap({ Int($0) }),
      let copies = (arguments.options["copies"] ?? arguments.options["ban"]).flatMap({ Int($0) })
    else { return refuse(.usage(.pages)) }
    if let refusal = commit(.recordDetails(pages: pages, copies: copies)) { return refusal }
    return reply(.recordDetailsRecorded(pages: pages, copies: copies))
  }

  /// `refusal NAME --reason TEXT` (or `NAME -- REASON`): someone refused to sign the record. The reason is
  /// the rest of the line, as typed.
  func refusal(_ rest: String) -> SessionReply {
    guard audit != nil else { return refuse(.noAudit) }
    var name = rest
    var reason = ""
    for separator in [" --reason ", " --ly-do ", " -- "] {
      if let range = rest.range(of: separator) {
        name = String(rest[..<range.lowerBound])
        reason = String(rest[range.upperBound...]).trimmingCharacters(in: .whitespaces)
        break
      }
    }
    name = Arguments(name).joined
    guard !name.isEmpty, !reason.isEmpty else { return refuse(.usage(.refusal)) }
    if let refusal = commit(.refusedToSign(name: name, reason: reason)) { return refusal }
    return reply(.refusalRecorded(name: name))
  }

  /// `sign [--key KEYFILE] [--by NAME]`: records that the record was signed (by the leader unless `--by`),
  /// after which nothing changes; with a key, the export is signed too and written beside the others.
  func sign(_ rest: String) -> SessionReply {
    guard let audit else { return refuse(.noAudit) }
    let arguments: Arguments
    switch self.arguments(rest, for: .sign, options: ["key", "by"]) {
    case .success(let parsed): arguments = parsed
    case .failure(let refusal): return refusal.reply
    }
    guard audit.isFinished else { return refuse(.auditRefused(.notFinished)) }
    var key: SigningKey?
    if let keyPath = arguments.options["key"] {
      do {
        key = try SigningKey.read(from: resolve(keyPath, against: configuration.exportDirectory))
      } catch {
        return refuse(.signFailed(reason: error.description))
      }
    }
    if audit.isSigned {
      // The log knows it is signed; a digital signature can still be made again from it.
      guard let key else { return refuse(.auditRefused(.alreadySigned)) }
      return signExport(with: key)
    }
    let signer = arguments.options["by"].flatMap { $0.isEmpty ? nil : $0 } ?? audit.header.team.leader
    if let refusal = commit(.signed(signer: signer, keyFingerprint: key?.publicKey.fingerprint)) {
      return refusal
    }
    var lines = [text(.recordSigned(signer: signer, id: audit.id))]
    if let key { lines.append(signExport(with: key).text) }
    return SessionReply(text: lines.joined(separator: "\n"))
  }

  /// Seals and signs the export with `key` and writes it to the export folder (a new name if one is there).
  func signExport(with key: SigningKey) -> SessionReply {
    guard let finished = audit else { return refuse(.noAudit) }
    let url: URL
    switch outputURL("", defaultName: "\(finished.id).json", force: false) {
    case .success(let found): url = found.url
    case .failure(let refusal): return refusal.reply
    }
    do {
      let sealed = try sealedExport(of: finished)
      let signed = try ExportIntegrity.sign(sealed, with: key, at: configuration.clock())
      try signed.jsonData().write(to: url, options: .atomic)
    } catch {
      // The audit stays finished (that is on disk); only the signature is missing, and can be made again.
      return refuse(.signFailed(reason: "\(url.path): \(Self.describe(error))"))
    }
    return reply(.signed(signer: key.signer, fingerprint: key.publicKey.fingerprint, path: url.path))
  }

  /// An error's message: the description of KyCuong's own errors, the system's text for the others.
  static func describe(_ error: any Error) -> String {
    switch error {
    case let error as IntegrityError: error.description
    case let error as KeyError: error.description
    case let error as CustomStringConvertible: error.description
    default: "\(error)"
    }
  }

  /// The export of `audit` with its `integrity`: the chain head of its log as it is on disk, and the digests.
  func sealedExport(of audit: Audit) throws(IntegrityError) -> AuditExport {
    guard store.hasDeviceLogs(audit.id) else {
      let log: Data
      do {
        log = try store.logData(for: audit.id)
      } catch {
        throw IntegrityError(reason: error.description)
      }
      return try ExportIntegrity.seal(AuditExport(audit), log: log)
    }
    // A team audit: the export is of every device's log merged, and pins each of them.
    let logs: [AuditStore.TeamLog]
    let merged: Audit
    do {
      logs = try store.teamLogs(for: audit.id)
      merged = try AuditStore.mergedAudit(of: logs.map(\.log))
    } catch {
      throw IntegrityError(reason: error.description)
    }
    return try ExportIntegrity.seal(AuditExport(merged), deviceLogs: logs.map(\.data))
  }
}
