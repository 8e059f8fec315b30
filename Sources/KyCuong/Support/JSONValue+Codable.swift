extension JSONValue: Codable {
  private struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  /// Decodes any JSON value.
  ///
  /// `Decoder` cannot say what type a value is, so each type is tried in turn, and each wrong guess costs a
  /// `DecodingError` whose coding path is built anew. Scalars are tried first, strings before numbers:
  /// a checklist snapshot is mostly strings, which then decode at the first try, where trying containers
  /// first made every string four failed guesses (a third of an export's reading time).
  ///
  /// From a value the strict reader parsed (an export being read), the value is taken whole, its object
  /// members sorted by key as they come through any other `Decoder`.
  public init(from decoder: any Decoder) throws {
    if let parsed = JSONValueDecoder.parsedValue(of: decoder) {
      self = parsed.sortedByKey
      return
    }
    let value = try decoder.singleValueContainer()
    if value.decodeNil() {
      self = .null
    } else if let text = try? value.decode(String.self) {
      self = .string(text)
    } else if let number = try? value.decode(Double.self) {
      self = .number(number)
    } else if let flag = try? value.decode(Bool.self) {
      self = .bool(flag)
    } else if let container = try? decoder.container(keyedBy: Key.self) {
      // Key order is lost through `Decoder`; object members come back sorted by key.
      self = .object(
        try container.allKeys.sorted { $0.stringValue < $1.stringValue }.map { key in
          (key.stringValue, try container.decode(JSONValue.self, forKey: key))
        })
    } else {
      var container = try decoder.unkeyedContainer()
      var elements: [JSONValue] = []
      while !container.isAtEnd { elements.append(try container.decode(JSONValue.self)) }
      self = .array(elements)
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

extension JSONValue {
  /// The value with every object's members sorted by key (`String` order), as ``init(from:)`` gives it from
  /// any `Decoder`.
  package var sortedByKey: JSONValue {
    switch self {
    case .object(let members):
      .object(members.sorted { $0.key < $1.key }.map { ($0.key, $0.value.sortedByKey) })
    case .array(let elements): .array(elements.map(\.sortedByKey))
    default: self
    }
  }
}
