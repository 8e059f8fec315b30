extension JSONScanner {
  /// Reads the number at the next byte (after white space), checking the grammar as ``JSONReader`` does
  /// (no leading zeros, digits after a point and in an exponent).
  ///
  /// ``JSONReader`` also refuses a number that overflows a `Double`; the scanner does not convert numbers it
  /// only skips, so it takes those whose size keeps them finite (fewer than 300 digits before the point and
  /// an exponent that does not bring them near 10³⁰⁸) and refuses the others as uncertain.
  ///
  /// - Returns: Where its text is, or `nil`.
  package mutating func scanNumber() -> NumberToken? {
    skipWhitespace()
    let start = index
    var position = index
    @inline(__always) func isDigit(_ at: Int) -> Bool {
      at < end && base[at] >= UInt8(ascii: "0") && base[at] <= UInt8(ascii: "9")
    }
    if position < end, base[position] == UInt8(ascii: "-") { position += 1 }
    let integerStart = position
    while isDigit(position) { position += 1 }
    let integerDigits = position - integerStart
    guard integerDigits > 0, integerDigits == 1 || base[integerStart] != UInt8(ascii: "0"),
      integerDigits < 300
    else { return nil }
    var isInteger = true
    if position < end, base[position] == UInt8(ascii: ".") {
      position += 1
      let fractionStart = position
      while isDigit(position) { position += 1 }
      guard position > fractionStart else { return nil }
      isInteger = false
    }
    if position < end, base[position] == UInt8(ascii: "e") || base[position] == UInt8(ascii: "E") {
      isInteger = false
      position += 1
      var negative = false
      if position < end, base[position] == UInt8(ascii: "+") || base[position] == UInt8(ascii: "-") {
        negative = base[position] == UInt8(ascii: "-")
        position += 1
      }
      let exponentStart = position
      var exponent = 0
      while isDigit(position) {
        exponent = exponent * 10 + Int(base[position] - UInt8(ascii: "0"))
        position += 1
        guard position - exponentStart <= 4 else { return nil }
      }
      guard position > exponentStart else { return nil }
      // A negative exponent never overflows; a positive one may, with the digits before the point.
      if !negative && integerDigits + exponent >= 300 { return nil }
    }
    let token = NumberToken(start: start, end: position, isInteger: isInteger)
    if numbersAreDoubles && double(token) == nil { return nil }
    index = position
    return token
  }

  /// The number `token` holds as an `Int`, when it is written as a plain integer that fits (as
  /// `JSONDecoder` reads an integer written so); `nil` for any other spelling, which the caller leaves to the
  /// full reader.
  ///
  /// - Parameter token: A number read by ``scanNumber()``.
  package func integer(_ token: NumberToken) -> Int? {
    guard token.isInteger else { return nil }
    var position = token.start
    let negative = base[position] == UInt8(ascii: "-")
    if negative { position += 1 }
    guard token.end - position <= 18 else { return nil }
    var value = 0
    while position < token.end {
      value = value * 10 + Int(base[position] - UInt8(ascii: "0"))
      position += 1
    }
    return negative ? -value : value
  }

  /// The number `token` holds as a `Double`, as `JSONDecoder` reads one: the nearest double, refused (`nil`)
  /// when a number that is not zero rounds to zero.
  ///
  /// - Parameter token: A number read by ``scanNumber()``.
  package func double(_ token: NumberToken) -> Double? {
    if let exact = shortDecimal(token) { return exact }
    let text = String(
      decoding: UnsafeBufferPointer(start: base + token.start, count: token.end - token.start), as: UTF8.self)
    guard let value = Double(text), value.isFinite else { return nil }
    if value == 0 {
      // Zero only when every digit before the exponent is a zero.
      var position = token.start
      while position < token.end, base[position] != UInt8(ascii: "e"), base[position] != UInt8(ascii: "E") {
        if base[position] >= UInt8(ascii: "1") && base[position] <= UInt8(ascii: "9") { return nil }
        position += 1
      }
    }
    return value
  }

  /// The value of a number with at most 15 significant digits and no exponent, computed exactly as a
  /// correctly rounded conversion would (the digits and the power of ten are both exact doubles, so one
  /// division rounds once); `nil` for any other number.
  private func shortDecimal(_ token: NumberToken) -> Double? {
    var position = token.start
    let negative = base[position] == UInt8(ascii: "-")
    if negative { position += 1 }
    var digits: Int64 = 0
    var count = 0
    var fraction = -1
    while position < token.end {
      let byte = base[position]
      if byte == UInt8(ascii: ".") {
        fraction = 0
      } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
        digits = digits * 10 + Int64(byte - UInt8(ascii: "0"))
        count += digits == 0 ? 0 : 1
        if fraction >= 0 { fraction += 1 }
      } else {
        return nil
      }
      guard count <= 15 else { return nil }
      position += 1
    }
    guard fraction <= 22 else { return nil }
    let scale = Self.powersOfTen[max(0, fraction)]
    let magnitude = fraction > 0 ? Double(digits) / scale : Double(digits)
    return negative ? -magnitude : magnitude
  }

  private static let powersOfTen: [Double] = (0...22).map { exponent in
    (0..<exponent).reduce(1.0) { value, _ in value * 10 }
  }
}
