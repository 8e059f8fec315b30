extension JSONValue: Codable {
  private struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  /// Decodes any JSON value.
  ///
  /// A string is tried first: it is the most common value of a checklist, and each attempt that fails
  /// throws an error that builds its coding path, which cost most of reading an export (issue 13). Each
  /// JSON value decodes as one kind only (`JSONDecoder` turns no number or string into another kind), so
  /// the order changes no result.
  public init(from decoder: any Decoder) throws {
    let single = try decoder.singleValueContainer()
    if let text = try? single.decode(String.self) {
      self = .string(text)
      return
    }
    if let container = try? decoder.container(keyedBy: Key.self) {
      // Key order is lost through `Decoder`; object members come back sorted by key.
      self = .object(
        try container.allKeys.sorted { $0.stringValue < $1.stringValue }.map { key in
          (key.stringValue, try container.decode(JSONValue.self, forKey: key))
        })
      return
    }
    if var container = try? decoder.unkeyedContainer() {
      var elements: [JSONValue] = []
      while !container.isAtEnd { elements.append(try container.decode(JSONValue.self)) }
      self = .array(elements)
      return
    }
    if single.decodeNil() {
      self = .null
    } else if let flag = try? single.decode(Bool.self) {
      self = .bool(flag)
    } else {
      self = .number(try single.decode(Double.self))
    }
  }

  /// Encodes the value; object members in their order (an encoder with `.sortedKeys` sorts them).
  public func encode(to encoder: any Encoder) throws {
    switch self {
    case .null:
      var container = encoder.singleValueContainer()
      try container.encodeNil()
    case .bool(let flag):
      var container = encoder.singleValueContainer()
      try container.encode(flag)
    case .number(let number):
      var container = encoder.singleValueContainer()
      if number == number.rounded(), abs(number) < 9e15 {
        try container.encode(Int64(number))
      } else {
        try container.encode(number)
      }
    case .string(let text):
      var container = encoder.singleValueContainer()
      try container.encode(text)
    case .array(let elements):
      var container = encoder.unkeyedContainer()
      for element in elements { try container.encode(element) }
    case .object(let members):
      var container = encoder.container(keyedBy: Key.self)
      for (key, value) in members { try container.encode(value, forKey: Key(stringValue: key)) }
    }
  }
}
