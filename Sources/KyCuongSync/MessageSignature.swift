import Foundation
import KyCuongIntegrity
import RawStructuredFieldValues

/// HTTP Message Signatures (RFC 9421) as devices and the department server use them: Ed25519 over the
/// method, the path, the query and the body's `Content-Digest`, with the time it was made, the device's key
/// id and a nonce, so that a request cannot be altered, sent by another device or sent twice.
///
/// ```
/// Content-Digest: sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:
/// Signature-Input: kycuong=("@method" "@path" "@query" "content-digest");created=1764684000;keyid="3f9a0c1d77e29b40";nonce="…";alg="ed25519"
/// Signature: kycuong=:<base64 Ed25519 signature of the signature base>:
/// ```
///
/// The signature base is RFC 9421's (§2.5): one line per covered component, `"name": value`, then
/// `"@signature-params": ` and the serialized inner list of `Signature-Input`.
public struct MessageSignature: Hashable, Sendable {
  /// The label of the signature in `Signature-Input` and `Signature`.
  public static let label = "kycuong"
  /// What every signature must cover.
  public static let requiredComponents = ["@method", "@path", "@query", ContentDigest.fieldName]
  /// How far a signature's `created` may be from the server's time.
  public static let defaultWindow: TimeInterval = 300

  /// The device's key id: its key's fingerprint without spaces (`3f9a0c1d77e29b40`).
  public var keyID: String
  /// When the device signed, in whole seconds.
  public var created: Date
  /// A value the device never uses twice with its key.
  public var nonce: String
  /// The components covered, in order.
  public var components: [String]
  /// The signature base the signature is over.
  public var base: Data
  /// The 64-byte Ed25519 signature.
  public var signature: Data

  /// The key id of `key`'s signed requests.
  public static func keyID(of key: PublicSigningKey) -> String {
    key.fingerprint.filter { !$0.isWhitespace }
  }

  /// A fresh nonce: 16 random bytes in base64url without padding.
  public static func makeNonce() -> String { randomToken(bytes: 16) }

  /// `count` bytes from the system's secure generator, in base64url without padding (RFC 4648 §5): for
  /// nonces here, and the web sessions' tokens of the server.
  package static func randomToken(bytes count: Int) -> String {
    var generator = SystemRandomNumberGenerator()
    let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
    return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
      .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
  }

  /// The three fields that sign a request: `Content-Digest`, `Signature-Input` and `Signature`.
  ///
  /// - Parameters:
  ///   - request: The request as it will be sent (its method, target and body; its fields are not read).
  ///   - key: The device's private key.
  ///   - created: When; whole seconds are signed.
  ///   - nonce: Never used twice with `key` (``makeNonce()``).
  /// - Returns: The fields' names (lowercase) and values, to add to the request.
  /// - Throws: ``/KyCuongIntegrity/KeyError`` when the key cannot sign.
  public static func sign(
    _ request: SignedRequest, with key: SigningKey, created: Date = Date(), nonce: String = makeNonce()
  ) throws(KeyError) -> [(name: String, value: String)] {
    var request = request
    let digest = ContentDigest.value(for: request.body)
    request.fields.append((ContentDigest.fieldName, digest))
    let parameters = SignatureParameters(
      components: requiredComponents, created: Int64(created.timeIntervalSince1970.rounded(.down)),
      keyID: keyID(of: key.publicKey), nonce: nonce, algorithm: "ed25519", expires: nil)
    let serialized = parameters.serialized()
    // The covered components of a request this function built are always present.
    let base =
      (try? signatureBase(request, components: parameters.components, parameters: serialized)) ?? Data()
    let signature = try key.signature(for: base)
    return [
      (ContentDigest.fieldName, digest),
      ("signature-input", "\(label)=\(serialized)"),
      ("signature", "\(label)=:\(signature.base64EncodedString()):"),
    ]
  }

  /// Reads the signature of `request` and checks everything that needs no key: the fields read, the
  /// required components are covered, the algorithm is Ed25519, `created` is within `window` of `now` and
  /// not expired, and the body is the one `Content-Digest` was computed over. The caller then looks up the
  /// key by ``keyID``, checks ``isValid(for:)`` and records the nonce.
  ///
  /// - Throws: ``RequestSignatureRefusal`` naming the field or rule.
  public static func read(
    _ request: SignedRequest, now: Date = Date(), window: TimeInterval = defaultWindow
  ) throws(RequestSignatureRefusal) -> MessageSignature {
    guard let input = request.field("signature-input") else { throw .missing(field: "Signature-Input") }
    guard let signatureField = request.field("signature") else { throw .missing(field: "Signature") }
    let inputs = try dictionary(input, field: "Signature-Input")
    let signatures = try dictionary(signatureField, field: "Signature")
    guard inputs.count == 1, let (label, member) = inputs.first else {
      throw .malformed(field: "Signature-Input", reason: "it must hold exactly one signature")
    }
    guard case .innerList(let list) = member else {
      throw .malformed(field: "Signature-Input", reason: "\(label) is not an inner list of components")
    }
    guard case .item(let signatureItem)? = signatures[label],
      case .undecodedByteSequence(let encoded) = signatureItem.rfc9651BareItem,
      let signature = Data(base64Encoded: encoded)
    else {
      throw .malformed(field: "Signature", reason: "it has no byte sequence labelled \(label)")
    }
    let parameters = try SignatureParameters(list)
    for component in requiredComponents where !parameters.components.contains(component) {
      throw .uncovered(component: component)
    }
    if let algorithm = parameters.algorithm, algorithm != "ed25519" { throw .unsupportedAlgorithm(algorithm) }
    let created = Date(timeIntervalSince1970: TimeInterval(parameters.created))
    guard abs(created.timeIntervalSince(now)) <= window else {
      throw .outsideWindow(created: created, now: now, window: window)
    }
    if let expires = parameters.expires {
      let expiry = Date(timeIntervalSince1970: TimeInterval(expires))
      guard expiry > now else { throw .expired(expiry) }
    }
    guard let digest = request.field(ContentDigest.fieldName) else { throw .missing(field: "Content-Digest") }
    try ContentDigest.check(digest, body: request.body)
    let base = try signatureBase(
      request, components: parameters.components, parameters: parameters.serialized())
    return MessageSignature(
      keyID: parameters.keyID, created: created, nonce: parameters.nonce, components: parameters.components,
      base: base, signature: signature)
  }

  /// Whether the signature is `key`'s signature of the request.
  public func isValid(for key: PublicSigningKey) -> Bool {
    key.isValidSignature(signature, for: base)
  }

  // MARK: - The signature base

  /// RFC 9421 §2.5: each component's line, then the parameters' line, joined by LF with none at the end.
  static func signatureBase(
    _ request: SignedRequest, components: [String], parameters: String
  ) throws(RequestSignatureRefusal) -> Data {
    var lines: [String] = []
    for component in components {
      let value: String
      switch component {
      case "@method": value = request.method.uppercased()
      case "@path": value = request.path
      case "@query": value = "?" + request.query
      case "@authority":
        guard let host = request.field("host") else { throw .missing(field: "Host") }
        value = host.lowercased()
      default:
        guard !component.hasPrefix("@") else {
          throw .malformed(field: "Signature-Input", reason: "the component \(component) is not supported")
        }
        guard let field = request.field(component) else { throw .missing(field: component) }
        value = field
      }
      lines.append("\"\(component)\": \(value)")
    }
    lines.append("\"@signature-params\": \(parameters)")
    return Data(lines.joined(separator: "\n").utf8)
  }

  private static func dictionary(
    _ text: String, field: String
  ) throws(RequestSignatureRefusal) -> OrderedMap<String, ItemOrInnerList> {
    do {
      var parser = StructuredFieldValueParser(Array(text.utf8))
      return try parser.parseDictionaryFieldValue()
    } catch {
      throw .malformed(field: field, reason: "it is not a structured dictionary (RFC 8941)")
    }
  }
}
