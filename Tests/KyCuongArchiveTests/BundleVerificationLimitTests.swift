import Foundation
import KyCuong
import KyCuongBundle
import Testing

/// `kycuong verify FILE.zip` holds a bundle's members to the sizes its manifest gives: a member that inflates
/// past them is reported as changed as soon as it does, not after it has been inflated whole into memory.
@Suite("Bundle verification: sizes")
struct BundleVerificationLimitTests {
  @Test("an export that inflates far past the manifest's size is stopped there and reported as changed")
  func exportInflatingPastItsManifestSize() throws {
    let (_, data) = try ArchiveBundles.bundle(0, files: [])
    // 64 MiB of spaces deflate to about 64 KiB; the manifest still gives the export's real size.
    let inflated = try ArchiveBundles.rewriting(data) { files in
      guard let index = files.firstIndex(where: { $0.path == AuditBundle.exportPath }) else { return }
      files[index].content = Data(repeating: 0x20, count: 64 << 20)
    }
    #expect(inflated.count < 1 << 20)
    let folder = try TestFolder.make()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appending(path: "inflated.zip")
    try inflated.write(to: url)

    let verification = try BundleVerification.verify(bundleAt: url)
    #expect(!verification.isIntact)
    let problem = try #require(verification.problems.first { $0.hasPrefix(AuditBundle.exportPath) })
    #expect(problem.contains("decompresses to more than the"), "\(problem)")
    #expect(verification.problems.contains { $0.hasPrefix("\(AuditBundle.exportPath): no readable export") })
  }
}
