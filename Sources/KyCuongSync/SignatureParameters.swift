import Foundation
import RawStructuredFieldValues

/// The inner list of a `Signature-Input` member (RFC 9421 §4.1): the covered components and the
/// parameters `created`, `keyid`, `nonce`, and optionally `alg` and `expires`.
struct SignatureParameters: Hashable, Sendable {
  var components: [String]
  var created: Int64
  var keyID: String
  var nonce: String
  var algorithm: String?
  var expires: Int64?

  init(
    components: [String], created: Int64, keyID: String, nonce: String, algorithm: String?, expires: Int64?
  ) {
    self.components = components
    self.created = created
    self.keyID = keyID
    self.nonce = nonce
    self.algorithm = algorithm
    self.expires = expires
  }

  /// Reads the inner list; the parameters' names are RFC 9421's.
  init(_ list: InnerList) throws(RequestSignatureRefusal) {
    var components: [String] = []
    for item in list.bareInnerList {
      guard case .string(let name) = item.rfc9651BareItem, item.rfc9651Parameters.count == 0 else {
        throw .malformed(
          field: "Signature-Input", reason: "a covered component is not a plain string (\"@method\")")
      }
      guard !components.contains(name) else {
        throw .malformed(field: "Signature-Input", reason: "the component \(name) is covered twice")
      }
      components.append(name)
    }
    let parameters = list.rfc9651Parameters
    func integer(_ name: String) throws(RequestSignatureRefusal) -> Int64? {
      guard let value = parameters[name] else { return nil }
      guard case .integer(let number) = value else {
        throw .malformed(field: "Signature-Input", reason: "\(name) is not an integer")
      }
      return number
    }
    func string(_ name: String) throws(RequestSignatureRefusal) -> String? {
      guard let value = parameters[name] else { return nil }
      guard case .string(let text) = value else {
        throw .malformed(field: "Signature-Input", reason: "\(name) is not a string")
      }
      return text
    }
    guard let created = try integer("created") else { throw .missing(field: "Signature-Input created") }
    guard let keyID = try string("keyid"), !keyID.isEmpty else {
      throw .missing(field: "Signature-Input keyid")
    }
    guard let nonce = try string("nonce"), (8...128).contains(nonce.utf8.count) else {
      throw .missing(field: "Signature-Input nonce (8 to 128 characters)")
    }
    self.init(
      components: components, created: created, keyID: keyID, nonce: nonce, algorithm: try string("alg"),
      expires: try integer("expires"))
  }

  /// The inner list serialized (RFC 8941 §4.1.1.1): the value of `@signature-params`.
  func serialized() -> String {
    var inner = BareInnerList()
    for component in components {
      inner.append(Item(bareItem: RFC9651BareItem.string(component), parameters: OrderedMap()))
    }
    var parameters = OrderedMap<String, RFC9651BareItem>()
    parameters["created"] = .integer(created)
    if let expires { parameters["expires"] = .integer(expires) }
    parameters["keyid"] = .string(keyID)
    parameters["nonce"] = .string(nonce)
    if let algorithm { parameters["alg"] = .string(algorithm) }
    var serializer = StructuredFieldValueSerializer()
    // A list of one inner list serializes as that inner list; strings of printable ASCII always serialize.
    let bytes =
      (try? serializer.writeListFieldValue([
        .innerList(InnerList(bareInnerList: inner, parameters: parameters))
      ]))
      ?? []
    return String(decoding: bytes, as: UTF8.self)
  }
}
