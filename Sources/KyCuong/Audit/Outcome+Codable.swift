extension Outcome: Codable {
  private enum CodingKeys: String, CodingKey {
    case type, compliant, observed, value, text
  }

  /// Reads `{"type": "pass"}`, `{"type": "observation", "compliant": 10, "observed": 12}`,
  /// `{"type": "scale", "value": 3}` or `{"type": "text", "text": "…"}`.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let type = try container.decode(String.self, forKey: .type)
    switch type {
    case "pass": self = .pass
    case "partial": self = .partial
    case "fail": self = .fail
    case "notApplicable": self = .notApplicable
    case "observation":
      self = .observation(
        compliant: try container.decode(Int.self, forKey: .compliant),
        observed: try container.decode(Int.self, forKey: .observed))
    case "scale": self = .scale(try container.decode(Int.self, forKey: .value))
    case "text": self = .text(try container.decode(String.self, forKey: .text))
    case "yes": self = .yes
    case "no": self = .no
    default:
      throw DecodingError.dataCorruptedError(
        forKey: .type, in: container, debugDescription: "unknown outcome type \"\(type)\"")
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
