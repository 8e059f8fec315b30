import ArgumentParser
import Foundation
import KyCuong
import KyCuongIntegrity
import KyCuongStore

/// Options every command that reads audits by id shares, and the reading itself.
struct StoreOptions: ParsableArguments {
  @Option(
    help:
      "Folder of stored audits (default: $XDG_DATA_HOME/kycuong/audits or ~/.local/share/kycuong/audits).",
    completion: .directory)
  var store: String?

  /// The store folder.
  var folder: URL { store.map { URL(fileURLWithPath: $0) } ?? AuditStore.defaultDirectory() }

  /// The audit `name` (a path, `-` for standard input, or an id in the store) as a document, with its damage
  /// and any break of its hash chain warned about on standard error.
  func document(_ name: String) throws(CommandFailure) -> AuditDocument {
    try load(name).document
  }

  /// An audit as read: the document, and what a record made from it may say of its integrity.
  struct LoadedAudit {
    var document: AuditDocument
    var authenticity: InspectionRecord.Authenticity
  }

  /// The audit `name` read and checked (see ``document(_:)``).
  func load(_ name: String) throws(CommandFailure) -> LoadedAudit {
    let data: Data
    let label: String
    if name == "-" {
      data = try CommandFiles.read("-", limit: BoundedFile.maximumLogSize)
      label = "standard input"
    } else {
      let url: URL
      do {
        url = try AuditStore(directory: folder).locate(name)
      } catch {
        throw CommandFailure(error.description)
      }
      data = try CommandFiles.read(url.path, limit: BoundedFile.maximumLogSize)
      label = url.relativePath
    }
    let document: AuditDocument
    do {
      document = try AuditDocument(data: data)
    } catch {
      throw CommandFailure("\(label): \(error.description)")
    }
    var authenticity = InspectionRecord.Authenticity.unsealed
    switch document {
    case .log(_, let damage):
      for line in damage { Diagnostics.warn("\(label): \(line)") }
      // A hand-edited log replays, but its chain says it was changed: say so wherever it is used.
      let breaks = LogChain.verify(data).problems.filter(\.isChainBreak)
      for problem in breaks {
        Diagnostics.warn("\(label): \(problem) (hash chain: `kycuong verify \(label)`)")
      }
      if !breaks.isEmpty { authenticity = .failed(reasons: breaks.map(\.description)) }
    case .export(let export):
      for inconsistency in export.inconsistencies {
        Diagnostics.warn("\(label): \(inconsistency); the figures shown are the items' own")
      }
      authenticity = ExportIntegrity.authenticity(ofExportJSON: data)
      if case .failed(let reasons) = authenticity {
        for reason in reasons { Diagnostics.warn("\(label): \(reason) (`kycuong verify \(label)`)") }
      }
    }
    return LoadedAudit(document: document, authenticity: authenticity)
  }

  /// The audit `name` as an export (built from the log where it is a log).
  func export(_ name: String) throws(CommandFailure) -> AuditExport {
    try document(name).export
  }
}
