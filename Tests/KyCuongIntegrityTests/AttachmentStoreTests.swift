import Foundation
import KyCuong
import KyCuongIntegrity
import KyCuongStore
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// F14 and F15 at the library: a file is read once, hashed as it is copied, refused over the limit before a
/// byte is copied, cancelled between chunks with nothing left behind, and special files are refused with
/// the tool's own reason.
@Suite("Attachment store")
struct AttachmentStoreTests {
  /// A new folder with `bytes` in `photo.jpg`; the store's copies go in `attachments`.
  func folder(with bytes: Data) throws -> (folder: URL, file: URL, store: AttachmentStore) {
    let folder = try Sample.temporaryFolder()
    let file = folder.appending(path: "photo.jpg")
    try bytes.write(to: file)
    return (folder, file, AttachmentStore(directory: folder.appending(path: "attachments")))
  }

  /// Every file under the store's folder, copies and partial copies alike.
  func kept(_ store: AttachmentStore) -> [String] {
    let walker = FileManager.default.enumerator(atPath: store.directory.path)
    return (walker?.allObjects as? [String] ?? []).filter {
      var isFolder: ObjCBool = false
      FileManager.default.fileExists(atPath: store.directory.appending(path: $0).path, isDirectory: &isFolder)
      return !isFolder.boolValue
    }
  }

  func problem(_ body: () throws(AuditError) -> Void) -> AttachmentProblem? {
    do {
      try body()
      return nil
    } catch {
      if case .attachmentUnreadable(_, let problem) = error { return problem }
      return nil
    }
  }

  @Test(
    "a copy is kept once under the SHA-256 of the bytes, and a second add of the same bytes keeps nothing new"
  )
  func keptUnderItsDigest() throws {
    let bytes = Data((0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
    let (folder, file, store) = try folder(with: bytes)
    defer { try? FileManager.default.removeItem(at: folder) }
    var reported: [Int64] = []
    let added = try store.add(fileAt: file, by: "An", at: Sample.start, progress: { reported.append($0) })
    #expect(added.attachment.sha256 == Digest.hex(of: bytes))
    #expect(added.attachment.size == Int64(bytes.count))
    #expect(!added.alreadyStored)
    #expect(try Data(contentsOf: store.url(for: added.attachment.sha256)) == bytes)
    // Progress comes per chunk, rising to the whole size.
    #expect(reported.count >= 3 && reported == reported.sorted() && reported.last == Int64(bytes.count))
    let again = try store.add(fileAt: file, by: "An", at: Sample.start)
    #expect(again.alreadyStored)
    #expect(kept(store) == [String(added.attachment.sha256.prefix(2)) + "/" + added.attachment.sha256])
  }

  @Test("a file over the limit is refused before anything is copied")
  func overTheLimit() throws {
    let (folder, file, store) = try folder(with: Data(repeating: 7, count: 1001))
    defer { try? FileManager.default.removeItem(at: folder) }
    var copied = false
    let found = problem { () throws(AuditError) in
      _ = try store.add(
        fileAt: file, by: "An", at: Sample.start, limit: 1000, progress: { _ in copied = true })
    }
    #expect(found == .tooLarge(size: 1001, limit: 1000))
    #expect(!copied)
    #expect(kept(store).isEmpty)
    #expect(Attachment.maximumSize == 1 << 30)
  }

  @Test("cancelling between chunks stops the read and leaves no copy, whole or partial")
  func cancelled() throws {
    let (folder, file, store) = try folder(with: Data(repeating: 1, count: 5 << 20))
    defer { try? FileManager.default.removeItem(at: folder) }
    var asked = 0
    let found = problem { () throws(AuditError) in
      _ = try store.add(
        fileAt: file, by: "An", at: Sample.start,
        isCancelled: {
          asked += 1
          return asked > 2
        })
    }
    #expect(found == .cancelled)
    #expect(asked == 3, "asked between chunks, and no more once cancelled")
    #expect(kept(store).isEmpty, "left behind: \(kept(store))")
  }

  @Test("a pipe, a folder and a file of the system are refused with the tool's own reason")
  func specialFiles() throws {
    let (folder, _, store) = try folder(with: Data())
    defer { try? FileManager.default.removeItem(at: folder) }
    let fifo = folder.appending(path: "fifo")
    #expect(mkfifo(fifo.path, 0o600) == 0)
    let cases: [(URL, AttachmentProblem)] = [
      (fifo, .notRegularFile), (folder, .isFolder), (URL(fileURLWithPath: "/proc/self/status"), .systemFile),
      (folder.appending(path: "absent.jpg"), .missing),
    ]
    for (url, expected) in cases {
      let found = problem { () throws(AuditError) in
        _ = try store.add(fileAt: url, by: "An", at: Sample.start)
      }
      #expect(found == expected, "\(url.path)")
    }
    #expect(kept(store).isEmpty)
  }
}
