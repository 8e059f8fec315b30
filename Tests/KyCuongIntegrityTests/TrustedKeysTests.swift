import Foundation
import KyCuong
import KyCuongIntegrity
import Testing

/// F12: what a signature proves depends on whether its key is one the checker expects.
@Suite("Trusted keys: a signature by a key not expected is a failure")
struct TrustedKeysTests {
  static func signed(by key: SigningKey, signer: String? = nil) throws -> Data {
    let audit = try Sample.audit()
    let sealed = try ExportIntegrity.seal(AuditExport(audit), log: try Sample.chainedLog(audit))
    let claim = signer.map { SigningKey.impersonating(key, as: $0) } ?? key
    return try ExportIntegrity.sign(sealed, with: claim, at: Sample.start).jsonData()
  }

  @Test("a key is kept once; standing: trusted, another's name, untrusted, none expected")
  func standing() {
    let leader = SigningKey(signer: "Nguyễn Văn An").publicKey
    let member = SigningKey(signer: "Trần Thị Bình").publicKey
    var keys: TrustedKeys = [leader]
    keys.insert(leader)
    keys.insert(member)
    #expect(keys.keys == [leader, member])
    #expect(keys.standing(ofRawKey: leader.rawRepresentation, signer: "Nguyễn Văn An") == .trusted(leader))
    // The same name written with combining marks and extra spaces is the same name.
    let decomposed = "Nguye\u{302}\u{303}n  Văn An"
    #expect(keys.standing(ofRawKey: leader.rawRepresentation, signer: decomposed) == .trusted(leader))
    #expect(keys.standing(ofRawKey: member.rawRepresentation, signer: "Nguyễn Văn An") == .otherName(member))
    let stranger = SigningKey(signer: "Nguyễn Văn An").publicKey
    #expect(
      keys.standing(ofRawKey: stranger.rawRepresentation, signer: "Nguyễn Văn An")
        == .untrusted(sameName: [leader]))
    #expect(keys.standing(ofRawKey: stranger.rawRepresentation, signer: "Ai đó") == .untrusted(sameName: []))
    #expect(TrustedKeys().standing(ofRawKey: leader.rawRepresentation, signer: "x") == .noKeysExpected)
  }

  @Test(
    "the attack of F12: an export re-signed with an attacker's key in the leader's name fails against the leader's key"
  )
  func resignedInTheLeadersName() throws {
    let leader = SigningKey(signer: "Nguyễn Văn An")
    let attacker = SigningKey(signer: "Nguyễn Văn An")
    let forged = try Self.signed(by: attacker)
    // Without an expected key the signature is valid and proves nothing: not trusted.
    let unchecked = ExportIntegrity.verify(exportData: forged)
    #expect(unchecked.isIntact && unchecked.signatureValid && !unchecked.signatureTrusted)
    // Against the leader's key (or a set of registered keys holding it): a failure naming the expected key.
    for keys in [
      TrustedKeys([leader.publicKey]), [SigningKey(signer: "Lê Văn C").publicKey, leader.publicKey],
    ] {
      let result = ExportIntegrity.verify(exportData: forged, trustedKeys: keys)
      #expect(!result.isIntact)
      #expect(
        result.problems == [
          .untrustedKey(
            fingerprint: attacker.publicKey.fingerprint, signer: "Nguyễn Văn An", expected: [leader.publicKey]
          )
        ])
      #expect(!result.signatureTrusted)
    }
    // The record of it says it does not verify, with no signature block.
    guard
      case .failed(let reasons) = ExportIntegrity.authenticity(
        ofExportJSON: forged, trustedKeys: [leader.publicKey])
    else {
      Issue.record("a forged signature was shown as signed")
      return
    }
    #expect(reasons.first?.contains("which is not an expected key") == true)
  }

  @Test("a registered member's key used in the leader's name fails, naming whose key it is")
  func anotherMembersKey() throws {
    let leader = SigningKey(signer: "Nguyễn Văn An")
    let member = SigningKey(signer: "Trần Thị Bình")
    let forged = try Self.signed(by: member, signer: "Nguyễn Văn An")
    let result = ExportIntegrity.verify(
      exportData: forged, trustedKeys: [leader.publicKey, member.publicKey])
    #expect(
      result.problems == [
        .keyOfAnotherSigner(
          fingerprint: member.publicKey.fingerprint, signer: "Nguyễn Văn An", owner: "Trần Thị Bình")
      ])
    #expect(result.problems.first?.description.contains("which is Trần Thị Bình's key") == true)
    // Signed by the leader: trusted, and the record shows the signature as checked.
    let genuine = try Self.signed(by: leader)
    #expect(
      ExportIntegrity.verify(exportData: genuine, trustedKeys: [leader.publicKey, member.publicKey])
        .signatureTrusted)
    #expect(
      ExportIntegrity.authenticity(ofExportJSON: genuine, trustedKeys: [leader.publicKey])
        == .signed(
          signer: "Nguyễn Văn An", fingerprint: leader.publicKey.fingerprint, signedAt: Sample.start,
          keyTrusted: true))
  }

  @Test("keys are read from a .pub file or a folder of them; a folder without one is refused")
  func readFolder() throws {
    let folder = try Sample.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let an = SigningKey(signer: "Nguyễn Văn An")
    let binh = SigningKey(signer: "Trần Thị Bình")
    try FileManager.default.createDirectory(
      at: folder.appending(path: "keys"), withIntermediateDirectories: true)
    try an.write(to: folder.appending(path: "keys/an.key"))
    try binh.write(to: folder.appending(path: "keys/binh.key"))
    // The private keys beside them are not public keys and are not read.
    let keys = try TrustedKeys.read(from: folder.appending(path: "keys"))
    #expect(Set(keys.keys.map(\.fingerprint)) == [an.publicKey.fingerprint, binh.publicKey.fingerprint])
    #expect(
      try TrustedKeys.read(from: folder.appending(path: "keys/an.key.pub")).keys.map(\.fingerprint) == [
        an.publicKey.fingerprint
      ])
    try FileManager.default.createDirectory(
      at: folder.appending(path: "empty"), withIntermediateDirectories: true)
    #expect(throws: KeyError.self) { try TrustedKeys.read(from: folder.appending(path: "empty")) }
  }
}

extension SigningKey {
  /// `key`'s secret with another name on it: what someone holding a key writes to sign in another's name.
  static func impersonating(_ key: SigningKey, as signer: String) -> SigningKey {
    var copy = key
    copy.signer = signer
    return copy
  }
}
