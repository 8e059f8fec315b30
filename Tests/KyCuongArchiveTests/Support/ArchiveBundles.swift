import Foundation
import KyCuong
import KyCuongBundle
import KyCuongIntegrity
import KyCuongStore
import ZIPFoundation

/// Audit bundles for the archive's tests, written by the bundle library as `kycuong bundle` writes them,
/// and rewritten file by file to tamper with them.
enum ArchiveBundles {
  /// The sample audit `index` with `files` attached (the first to its first item, the others to the audit),
  /// finished again, and its bundle's bytes.
  static func bundle(
    _ index: Int, seed: UInt64 = 11, files: [(name: String, content: Data)]
  ) throws -> (audit: Audit, data: Data) {
    let sample = ArchiveSamples.audit(index, seed: seed)
    let folder = try TestFolder.make()
    defer { try? FileManager.default.removeItem(at: folder) }
    // The sample without its `finished` event, the files attached, then finished again.
    var audit = try Audit(replaying: sample.events.filter { $0.change != .finished })
    let store = AttachmentStore(directory: folder.appending(path: "attachments"))
    let item = sample.checklist.sections.first?.items.first?.id
    for (position, file) in files.enumerated() {
      let url = folder.appending(path: file.name)
      try file.content.write(to: url)
      let added = try store.add(fileAt: url, by: sample.header.team.leader, at: sample.startedAt)
      try audit.attach(added.attachment, to: position == 0 ? item : nil)
    }
    try audit.finish()
    let bundle = folder.appending(path: "bundle.zip")
    try AuditBundle.write(
      audit, log: try ArchiveSamples.chainedLog(audit), files: store, to: bundle, language: .vi,
      now: sample.startedAt)
    return (audit, try Data(contentsOf: bundle))
  }

  /// The files of a zip archive, in order.
  static func files(of data: Data) throws -> [(path: String, content: Data)] {
    let archive = try Archive(data: data, accessMode: .read)
    return try archive.map { entry in
      var content = Data()
      _ = try archive.extract(entry) { content.append($0) }
      return (entry.path, content)
    }
  }

  /// A zip archive of `files`, in order.
  static func zip(_ files: [(path: String, content: Data)]) throws -> Data {
    let archive = try Archive(data: Data(), accessMode: .create)
    for (path, content) in files {
      try archive.addEntry(
        with: path, type: .file, uncompressedSize: Int64(content.count), compressionMethod: .deflate
      ) { position, size in
        content.subdata(in: Int(position)..<Int(position) + size)
      }
    }
    return try require(archive.data)
  }

  /// The bundle with `change` applied to its files (the manifest left as it was unless `change` edits it).
  static func rewriting(
    _ data: Data, _ change: (inout [(path: String, content: Data)]) throws -> Void
  ) throws -> Data {
    var files = try files(of: data)
    try change(&files)
    return try zip(files)
  }

  /// The bundle with its export changed by `edit` and the manifest made to match the changed export, so
  /// that only the export's own digests can tell.
  static func withExportChanged(_ data: Data, _ edit: (Data) -> Data) throws -> Data {
    try rewriting(data) { files in
      guard let index = files.firstIndex(where: { $0.path == AuditBundle.exportPath }),
        let manifestIndex = files.firstIndex(where: { $0.path == AuditBundle.manifestPath })
      else { return }
      let changed = edit(files[index].content)
      files[index].content = changed
      var manifest = try JSONCoding.decoder().decode(BundleManifest.self, from: files[manifestIndex].content)
      for position in manifest.files.indices where manifest.files[position].path == AuditBundle.exportPath {
        manifest.files[position].size = Int64(changed.count)
        manifest.files[position].sha256 = Digest.hex(of: changed)
      }
      files[manifestIndex].content = try JSONCoding.fileData(manifest)
    }
  }

  /// A zip whose only file, `path`, holds `size` zero bytes but whose headers (local and central) declare
  /// `declared` bytes: a zip bomb that lies about its size, or one that declares a huge one.
  static func lyingZip(path: String, size: Int, declared: UInt32) throws -> Data {
    var data = try zip([(path, Data(count: size))])
    patch(&data, signature: [0x50, 0x4B, 0x03, 0x04], offset: 22, value: declared)
    patch(&data, signature: [0x50, 0x4B, 0x01, 0x02], offset: 24, value: declared)
    return data
  }

  private static func patch(_ data: inout Data, signature: [UInt8], offset: Int, value: UInt32) {
    guard let range = data.firstRange(of: signature) else { return }
    let at = range.lowerBound + offset
    for byte in 0..<4 { data[at + byte] = UInt8((value >> (8 * UInt32(byte))) & 0xFF) }
  }
}

/// A value that was expected and is not there.
private struct Missing: Error {}

/// `#require` for a value outside a test: throws when `value` is nil.
private func require<T>(_ value: T?) throws -> T {
  guard let value else { throw Missing() }
  return value
}
