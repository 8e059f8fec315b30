import Foundation
import KyCuongArchive
import Testing

@Suite("Team leaders' keys and signed exports")
struct ArchiveKeyTests {
  @Test(
    "registered, unknown and revoked keys; a forged signature; the strict policy",
    arguments: TestBackend.allCases)
  func keys(backend: TestBackend) async throws {
    let folder = try TestFolder.make()
    defer { try? FileManager.default.removeItem(at: folder) }
    try await withArchive(backend) { archive, _ in
      let an = try ArchiveSamples.key("Nguyễn Văn An", in: folder)
      let stranger = try ArchiveSamples.key("Người lạ", in: folder)
      let registration = try await archive.registerKey(file: an.publicFile, addedBy: "Sở Nội vụ")
      guard case .registered(let registered) = registration else {
        Issue.record("\(registration)")
        return
      }
      #expect(registered.signer == "Nguyễn Văn An" && registered.revokedAt == nil)
      // Registering it again changes nothing.
      let again = try await archive.registerKey(file: an.publicFile, addedBy: "someone else")
      #expect(again == .alreadyRegistered(registered))

      let signed = try await archive.importDocument(
        try ArchiveSamples.signedExport(ArchiveSamples.audit(5), key: an.key), fileName: "an.json",
        from: "Đoàn 1")
      #expect(signed.receipt?.keyTrust == .registered, "\(signed)")
      let signedSHA = try #require(signed.receipt?.sha256)
      let stored = try #require(try await archive.document(signedSHA))
      #expect(stored.seal.name == "signed" && stored.seal.signature?.signer == "Nguyễn Văn An")
      #expect(stored.seal.signature?.fingerprint == registered.fingerprint && stored.keyTrust == .registered)
      #expect(try await archive.documents(signedWith: registered.fingerprint).map(\.sha256) == [signedSHA])

      let unknown = try await archive.importDocument(
        try ArchiveSamples.signedExport(ArchiveSamples.audit(6), key: stranger.key), fileName: "x.json",
        from: "Đoàn 9")
      #expect(unknown.receipt?.keyTrust == .unknownKey, "\(unknown)")
      #expect(unknown.summary.hasSuffix(" — signed by a key that is not registered"))

      // A signature whose value was changed.
      let genuine = try ArchiveSamples.signedExport(ArchiveSamples.audit(7), key: stranger.key)
      let json = try #require(try JSONSerialization.jsonObject(with: genuine) as? [String: Any])
      let integrity = try #require(json["integrity"] as? [String: Any])
      let signature = try #require(integrity["signature"] as? [String: Any])
      let value = try #require(signature["value"] as? String)
      let forgedValue =
        String(value.prefix(10)) + (value.dropFirst(10).first == "A" ? "B" : "A") + value.dropFirst(11)
      let forged = try await archive.importDocument(
        replacing(value, with: forgedValue, in: genuine), fileName: "forged.json", from: "Đoàn 9")
      #expect(forged.refusal?.rule == .integrity, "\(forged)")
      #expect(forged.refusal?.detail == "the signature is not valid for its digest and key", "\(forged)")

      // Revoked: later documents signed with it are refused; the one archived before stays.
      let revoked = try await archive.revokeKey(
        fingerprint: registered.fingerprint, by: "Sở Nội vụ", reason: "máy tính bị mất")
      #expect(revoked.revocationReason == "máy tính bị mất")
      let late = try await archive.importDocument(
        try ArchiveSamples.signedExport(ArchiveSamples.audit(8), key: an.key), fileName: "late.json",
        from: "Đoàn 1")
      #expect(late.refusal?.rule == .revokedKey, "\(late)")
      #expect(
        late.refusal?.detail.hasPrefix(
          "signed by Nguyễn Văn An with key \(registered.fingerprint), revoked on ") == true)
      #expect(late.refusal?.detail.hasSuffix(" by Sở Nội vụ: máy tính bị mất") == true, "\(late)")
      #expect(try await archive.document(signedSHA)?.keyTrust == .registered)
      do throws(ArchiveError) {
        _ = try await archive.revokeKey(fingerprint: registered.fingerprint, by: "x", reason: "y")
        Issue.record("revoked twice")
      } catch {
        #expect(error.code == .key)
      }
      let keys = try await archive.keys()
      #expect(keys.count == 1 && keys.first?.revokedBy == "Sở Nội vụ")

      // The strict policy: only a registered, unrevoked key's signature.
      let strict = ImportPolicy(requireRegisteredKey: true)
      let unsigned = try await archive.importDocument(
        try ArchiveSamples.unsealedExport(ArchiveSamples.audit(9)), fileName: "plain.json", from: "Đoàn 1",
        policy: strict)
      #expect(unsigned.refusal?.rule == .unregisteredSigner, "\(unsigned)")
      let strangers = try await archive.importDocument(
        try ArchiveSamples.signedExport(ArchiveSamples.audit(10), key: stranger.key), fileName: "s.json",
        from: "Đoàn 9", policy: strict)
      #expect(strangers.refusal?.rule == .unregisteredSigner, "\(strangers)")
      #expect(
        strangers.refusal?.detail.hasPrefix("signed by Người lạ with key ") == true
          && strangers.refusal?.detail.hasSuffix(
            "which is not registered in the archive (`kycuong archive keys add`)") == true
      )
      #expect(try await archive.statistics().audits == 2)
    }
  }
}
