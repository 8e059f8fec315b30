import Foundation
import KyCuong
import KyCuongBundle
import KyCuongIntegrity
import KyCuongStore

extension Session {
  /// Where a writer writes, and whether it chose a new name because the default one was taken.
  struct Output {
    var url: URL
    var renamed: Bool
  }

  /// `export [PATH] [--force]`: the sealed export.
  func export(_ rest: String) -> SessionReply {
    guard let audit else { return refuse(.noAudit) }
    let output: Output
    switch outputFor(rest, command: .export, defaultName: "\(audit.id).json") {
    case .success(let found): output = found
    case .failure(let refusal): return refusal.reply
    }
    do {
      try sealedExport(of: audit).jsonData().write(to: output.url, options: .atomic)
    } catch {
      return refuse(.exportFailed(path: output.url.path, reason: Self.describe(error)))
    }
    return reply(.exported(path: output.url.path, renamed: output.renamed))
  }

  /// `record [PATH] [--format html|md] [--force]`: the inspection record ("biên bản") of the audit, in the
  /// session's language; HTML (printable on A4) unless the format or the file name says Markdown.
  func record(_ rest: String) -> SessionReply {
    guard let audit else { return refuse(.noAudit) }
    let arguments: Arguments
    switch self.arguments(rest, for: .record, options: ["format"], flags: ["force"]) {
    case .success(let parsed): arguments = parsed
    case .failure(let refusal): return refusal.reply
    }
    let path = arguments.joined
    guard arguments.options["format"].map({ $0 == "md" || $0 == "html" }) ?? true else {
      return refuse(.usage(.record))
    }
    let markdown = arguments.options["format"] == "md" || path.hasSuffix(".md")
    let output: Output
    switch outputURL(
      path, defaultName: "\(audit.id)-bien-ban.\(markdown ? "md" : "html")",
      force: arguments.flags.contains("force"))
    {
    case .success(let found): output = found
    case .failure(let refusal): return refusal.reply
    }
    let export: AuditExport
    do {
      export = try sealedExport(of: audit)
    } catch {
      return refuse(.exportFailed(path: output.url.path, reason: Self.describe(error)))
    }
    let record = InspectionRecord(export: export, authenticity: ExportIntegrity.authenticity(of: export))
    let text = markdown ? record.markdown(language: language) : record.html(language: language)
    do {
      try Data(text.utf8).write(to: output.url, options: .atomic)
    } catch {
      return refuse(.exportFailed(path: output.url.path, reason: Self.describe(error)))
    }
    return reply(.recordWritten(path: output.url.path, renamed: output.renamed))
  }

  /// `bundle [PATH] [--force]`: one zip with the export, the log, the record and every attachment.
  func bundle(_ rest: String) -> SessionReply {
    guard let audit else { return refuse(.noAudit) }
    if audit.isMembersLog || store.hasDeviceLogs(audit.id) {
      // A bundle holds one log; a team audit's export needs every device's (`export`, then the logs).
      return refuse(.exportFailed(path: audit.id, reason: Self.teamBundleRefusal))
    }
    let output: Output
    switch outputFor(rest, command: .bundle, defaultName: "\(audit.id).zip") {
    case .success(let found): output = found
    case .failure(let refusal): return refusal.reply
    }
    let manifest: BundleManifest
    do {
      let log = try store.logData(for: audit.id)
      manifest = try AuditBundle.write(
        audit, log: log, files: attachmentStore, to: output.url, language: language,
        now: configuration.clock())
    } catch let error as BundleError {
      return refuse(.exportFailed(path: output.url.path, reason: error.description))
    } catch {
      return refuse(.exportFailed(path: output.url.path, reason: Self.describe(error)))
    }
    return reply(.bundleWritten(path: output.url.path, files: manifest.files.count, renamed: output.renamed))
  }

  /// Why a team audit has no bundle yet: a bundle holds one log, and its export would not be the team's.
  static let teamBundleRefusal =
    "a team audit's bundle is not made yet (a bundle holds one log): `export` it, and hand over the export "
    + "with every device's log (the store's AUDIT.jsonl and AUDIT.team/*.jsonl), which `kycuong verify` checks"

  /// The output of a command whose only arguments are a path and `--force`.
  private func outputFor(_ rest: String, command: Command, defaultName: String) -> Result<Output, RefusedLine>
  {
    switch arguments(rest, for: command, flags: ["force"]) {
    case .failure(let refusal): return .failure(refusal)
    case .success(let arguments):
      return outputURL(arguments.joined, defaultName: defaultName, force: arguments.flags.contains("force"))
    }
  }

  /// Where `export`, `record` and `bundle` write: `path` against the export folder, a folder's
  /// `defaultName` inside it, or `defaultName` in the export folder when no path is given. A path inside the
  /// audit store is refused (it would replace a log); an existing file is refused unless `force`, except
  /// for the default name, which moves to a new one (`…-2.json`) and says so.
  func outputURL(_ path: String, defaultName: String, force: Bool) -> Result<Output, RefusedLine> {
    var url =
      path.isEmpty
      ? configuration.exportDirectory.appending(path: defaultName)
      : resolve(path, against: configuration.exportDirectory)
    var isDirectory: ObjCBool = false
    var chosenName = path.isEmpty
    if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
      url = url.appending(path: defaultName)
      chosenName = true
    }
    let storePath = store.directory.resolvingSymlinksInPath().standardizedFileURL.path + "/"
    let target = url.deletingLastPathComponent().resolvingSymlinksInPath().standardizedFileURL.path + "/"
    if target.hasPrefix(storePath) {
      return .failure(RefusedLine(reply: refuse(.insideStore(path: url.path, store: store.directory.path))))
    }
    guard FileManager.default.fileExists(atPath: url.path) || isSymbolicLink(url) else {
      return .success(Output(url: url, renamed: false))
    }
    if force { return .success(Output(url: url, renamed: false)) }
    guard chosenName else { return .failure(RefusedLine(reply: refuse(.outputExists(path: url.path)))) }
    let stem = url.deletingPathExtension().lastPathComponent
    let ext = url.pathExtension
    let folder = url.deletingLastPathComponent()
    for number in 2...999 {
      let candidate = folder.appending(path: "\(stem)-\(number)" + (ext.isEmpty ? "" : ".\(ext)"))
      if !FileManager.default.fileExists(atPath: candidate.path) && !isSymbolicLink(candidate) {
        return .success(Output(url: candidate, renamed: true))
      }
    }
    return .failure(RefusedLine(reply: refuse(.outputExists(path: url.path))))
  }

  private func isSymbolicLink(_ url: URL) -> Bool {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil
  }
}
