import Foundation
import KyCuongIntegrity
import Testing

@testable import KyCuongSync

/// HTTP Message Signatures as devices and the server use them: RFC 9421's own Ed25519 example, then a
/// round trip, then each refusal.
@Suite("Signed requests (RFC 9421, RFC 9530)")
struct MessageSignatureTests {
  /// RFC 9421 Appendix B.1.4's test key (public half, `x` of its JWK).
  static let rfcPublicKey = Data(base64Encoded: "JrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=") ?? Data()

  @Test(
    "the signature base of RFC 9421 §B.2.6 is built as the RFC's, and the RFC's signature verifies over it")
  func rfcExample() throws {
    let request = SignedRequest(
      method: "POST", target: "/foo?param=Value&Pet=dog",
      fields: [
        ("Host", "example.com"), ("Date", "Tue, 20 Apr 2021 02:07:55 GMT"),
        ("Content-Type", "application/json"),
        (
          "Content-Digest",
          "sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:"
        ),
        ("Content-Length", "18"),
      ], body: Data(#"{"hello": "world"}"#.utf8))
    let parameters =
      #"("date" "@method" "@path" "@authority" "content-type" "content-length");created=1618884473;keyid="test-key-ed25519""#
    let base = try MessageSignature.signatureBase(
      request, components: ["date", "@method", "@path", "@authority", "content-type", "content-length"],
      parameters: parameters)
    let expected = """
      "date": Tue, 20 Apr 2021 02:07:55 GMT
      "@method": POST
      "@path": /foo
      "@authority": example.com
      "content-type": application/json
      "content-length": 18
      "@signature-params": \(parameters)
      """
    #expect(String(decoding: base, as: UTF8.self) == expected)
    let key = try PublicSigningKey(
      signer: "RFC 9421", createdAt: Date(), rawRepresentation: Self.rfcPublicKey)
    let signature = try #require(
      Data(
        base64Encoded:
          "wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw=="))
    #expect(key.isValidSignature(signature, for: base))
  }

  @Test("Content-Digest is RFC 9530's sha-256 of the body, and a different body does not match it")
  func contentDigest() throws {
    let body = Data(#"{"hello": "world"}"#.utf8)
    #expect(ContentDigest.value(for: body) == "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:")
    try ContentDigest.check("sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:", body: body)
    #expect(throws: RequestSignatureRefusal.digestMismatch) {
      try ContentDigest.check(ContentDigest.value(for: body), body: Data("{}".utf8))
    }
    #expect(throws: RequestSignatureRefusal.self) { try ContentDigest.check("md5=:AAAA:", body: body) }
    #expect(throws: RequestSignatureRefusal.self) {
      try ContentDigest.check("not a dictionary ((", body: body)
    }
  }

  static let key = SigningKey(signer: "Trần Thị Bình")
  static let now = Date(timeIntervalSince1970: 1_764_684_000)

  /// A request to `target` signed at `now` with ``key``; its fields as the server receives them.
  func signed(
    _ method: String = "POST", _ target: String = "/api/v1/audits", body: Data = Data("{}".utf8)
  )
    throws -> SignedRequest
  {
    let fields = try MessageSignature.sign(
      SignedRequest(method: method, target: target, body: body), with: Self.key, created: Self.now,
      nonce: "nonce-0001")
    return SignedRequest(method: method, target: target, fields: fields + [("Host", "127.0.0.1")], body: body)
  }

  @Test("a request signed here reads back: key id, time, nonce, components, and the signature is the key's")
  func roundTrip() throws {
    let request = try signed()
    #expect(
      request.field("signature-input")
        == #"kycuong=("@method" "@path" "@query" "content-digest");created=1764684000;keyid=""#
        + MessageSignature.keyID(of: Self.key.publicKey) + #"";nonce="nonce-0001";alg="ed25519""#)
    let signature = try MessageSignature.read(request, now: Self.now.addingTimeInterval(120))
    #expect(signature.keyID == MessageSignature.keyID(of: Self.key.publicKey))
    #expect(signature.keyID.count == 16 && signature.keyID.allSatisfy(\.isHexDigit))
    #expect(signature.nonce == "nonce-0001")
    #expect(signature.created == Self.now)
    #expect(signature.isValid(for: Self.key.publicKey))
    #expect(!signature.isValid(for: SigningKey(signer: "Người khác").publicKey))
  }

  @Test("what was signed cannot change: another path, query or method fails the signature")
  func tampering() throws {
    for (method, target) in [
      ("POST", "/api/v1/audits/x"), ("POST", "/api/v1/audits?x=1"), ("PUT", "/api/v1/audits"),
    ] {
      var request = try signed()
      let moved = SignedRequest(method: method, target: target, fields: request.fields, body: request.body)
      request = moved
      let signature = try MessageSignature.read(request, now: Self.now)
      #expect(!signature.isValid(for: Self.key.publicKey), "\(method) \(target)")
    }
    var body = try signed()
    body.body = Data(#"{"x":1}"#.utf8)
    #expect(throws: RequestSignatureRefusal.digestMismatch) { try MessageSignature.read(body, now: Self.now) }
  }

  @Test("refused: missing fields, a stale or future time, another algorithm, a component left out, junk")
  func refusals() throws {
    let good = try signed()
    func without(_ name: String) -> SignedRequest {
      var request = good
      request.fields.removeAll { $0.name == name }
      return request
    }
    func replacing(_ name: String, with value: String) -> SignedRequest {
      var request = without(name)
      request.fields.append((name, value))
      return request
    }
    #expect(throws: RequestSignatureRefusal.missing(field: "Signature-Input")) {
      try MessageSignature.read(without("signature-input"), now: Self.now)
    }
    #expect(throws: RequestSignatureRefusal.missing(field: "Signature")) {
      try MessageSignature.read(without("signature"), now: Self.now)
    }
    #expect(throws: RequestSignatureRefusal.missing(field: "Content-Digest")) {
      try MessageSignature.read(without("content-digest"), now: Self.now)
    }
    for late in [-301.0, 301.0] {
      #expect(throws: RequestSignatureRefusal.self) {
        try MessageSignature.read(good, now: Self.now.addingTimeInterval(late))
      }
    }
    let input = try #require(good.field("signature-input"))
    let cases: [(String, RequestSignatureRefusal)] = [
      (
        input.replacingOccurrences(of: "ed25519", with: "rsa-v1_5-sha256"),
        .unsupportedAlgorithm("rsa-v1_5-sha256")
      ),
      (input.replacingOccurrences(of: #" "@query""#, with: ""), .uncovered(component: "@query")),
      (
        input.replacingOccurrences(of: #""content-digest""#, with: #""@method""#),
        .malformed(field: "Signature-Input", reason: "the component @method is covered twice")
      ),
      (
        input.replacingOccurrences(of: "kycuong=", with: "other="),
        .malformed(field: "Signature", reason: "it has no byte sequence labelled other")
      ),
      (
        input + ", second=()",
        .malformed(field: "Signature-Input", reason: "it must hold exactly one signature")
      ),
      (
        input.replacingOccurrences(of: #";nonce="nonce-0001""#, with: ""),
        .missing(field: "Signature-Input nonce (8 to 128 characters)")
      ),
      (
        input.replacingOccurrences(of: "created=1764684000", with: #"created="yesterday""#),
        .malformed(field: "Signature-Input", reason: "created is not an integer")
      ),
    ]
    for (value, refusal) in cases {
      #expect(throws: refusal, "\(value)") {
        try MessageSignature.read(replacing("signature-input", with: value), now: Self.now)
      }
    }
    #expect(throws: RequestSignatureRefusal.self) {
      try MessageSignature.read(replacing("signature-input", with: "((( not structured"), now: Self.now)
    }
    #expect(throws: RequestSignatureRefusal.self) {
      try MessageSignature.read(replacing("signature", with: "kycuong=\"a string\""), now: Self.now)
    }
  }

  @Test(
    "5,000 random changes to the three fields: each refused, or read as the same signature — never a crash")
  func mutations() throws {
    let good = try signed()
    let original = try MessageSignature.read(good, now: Self.now)
    var random = SplitMix64(seed: 9421)
    let names = ["signature-input", "signature", "content-digest"]
    var accepted = 0
    for _ in 0..<5000 {
      let name = names[Int(random.next() % 3)]
      var bytes = Array(try #require(good.field(name)).utf8)
      for _ in 0...(random.next() % 3) {
        let at = Int(random.next() % UInt64(bytes.count + 1))
        let byte = UInt8(truncatingIfNeeded: random.next())
        switch random.next() % 3 {
        case 0 where at < bytes.count: bytes[at] = byte
        case 1 where at < bytes.count: bytes.remove(at: at)
        default: bytes.insert(byte, at: at)
        }
      }
      var request = good
      request.fields = good.fields.map {
        $0.name == name ? (name, String(decoding: bytes, as: UTF8.self)) : $0
      }
      guard let signature = try? MessageSignature.read(request, now: Self.now),
        signature.isValid(for: Self.key.publicKey)
      else { continue }
      // A change that still verifies must be one of spelling only: the same base and signature.
      accepted += 1
      #expect(
        signature.base == original.base && signature.signature == original.signature, "\(request.fields)")
    }
    #expect(accepted < 500)
  }

  @Test("every refusal says what to fix, naming the field, the key or the device's clock")
  func messages() {
    #expect(
      RequestSignatureRefusal.unknownKey("3f9a0c1d77e29b40").description.contains("kycuong server device add")
    )
    #expect(
      RequestSignatureRefusal.outsideWindow(
        created: Self.now, now: Self.now.addingTimeInterval(900), window: 300
      )
      .description.contains("check the device's clock"))
    #expect(RequestSignatureRefusal.replayed(keyID: "k", nonce: "n").description.contains("replayed"))
  }
}

/// A small deterministic generator (SplitMix64), so that the random cases are the same on every run.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
