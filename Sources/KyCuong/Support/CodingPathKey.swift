/// An object member's name, or an array index (`Index 3`, integer value 3), as `JSONDecoder` and
/// `JSONEncoder` name them in a coding path.
struct CodingPathKey: CodingKey {
  var stringValue: String
  var intValue: Int?

  init(stringValue: String) {
    self.stringValue = stringValue
    intValue = nil
  }

  init(intValue: Int) {
    stringValue = "Index \(intValue)"
    self.intValue = intValue
  }
}
