import KyCuongSupport

extension Outcome: Codable {
  private enum CodingKeys: String, CodingKey {
    case type, compliant, observed, value, text
  }

  /// Reads `{"type": "pass"}`, `{"type": "observation", "compliant": 10, "observed": 12}`,
  /// `{"type": "scale", "value": 3}` or `{"type": "text", "text": "…"}`.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let type = try container.decode(String.self, forKey: .type)
    guard
      let outcome = try Self.outcome(
        type: type, number: { try container.decode(Int.self, forKey: $0) },
        text: { try container.decode(String.self, forKey: $0) })
    else {
      throw DecodingError.dataCorruptedError(
        forKey: .type, in: container, debugDescription: "unknown outcome type \"\(type)\"")
    }
    self = outcome
  }

  /// The outcome of `type`, its numbers and its text read by `number` and `text` (in this order:
  /// `compliant`, then `observed`); `nil` for a type there is none of.
  private static func outcome(
    type: String, number: (CodingKeys) throws -> Int, text: (CodingKeys) throws -> String
  ) rethrows -> Outcome? {
    switch type {
    case "pass": .pass
    case "partial": .partial
    case "fail": .fail
    case "notApplicable": .notApplicable
    case "observation": .observation(compliant: try number(.compliant), observed: try number(.observed))
    case "scale": .scale(try number(.value))
    case "text": .text(try text(.text))
    case "yes": .yes
    case "no": .no
    default: nil
    }
  }

  /// Writes the outcome with a `type` and its values.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(name, forKey: .type)
    switch self {
    case .observation(let compliant, let observed):
      try container.encode(compliant, forKey: .compliant)
      try container.encode(observed, forKey: .observed)
    case .scale(let value): try container.encode(value, forKey: .value)
    case .text(let text): try container.encode(text, forKey: .text)
    default: break
    }
  }
}

extension Outcome: ParsedValueDecodable {
  /// The outcome as ``init(from:)`` reads it, for one in the form exports write (see
  /// ``ParsedValueDecodable``); `nil` otherwise.
  package init?(parsedValue json: JSONValue) {
    /// A member missing or of another kind: not the shortcut's form.
    struct NotTheForm: Error {}
    guard case .object = json, let type = json["type"]?.stringValue,
      let outcome = try? Self.outcome(
        type: type,
        number: { key throws(NotTheForm) in
          guard let number = json[key.stringValue]?.exactIntegerValue else { throw NotTheForm() }
          return number
        },
        text: { key throws(NotTheForm) in
          guard let text = json[key.stringValue]?.stringValue else { throw NotTheForm() }
          return text
        })
    else { return nil }
    self = outcome
  }
}
