/// Reads CSV (RFC 4180) back into its fields, for the fuzzers' checks of what KyCuong writes.
enum CSVFields {
  /// Every field of `text`, records run together; a leading byte order mark skipped.
  static func parse(_ text: String) -> [String] {
    var fields: [String] = []
    var field = ""
    var quoted = false
    var scalars = text.unicodeScalars[...]
    if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
    var iterator = scalars.makeIterator()
    var pending = iterator.next()
    while let scalar = pending {
      pending = iterator.next()
      if quoted {
        if scalar == "\"" {
          if pending == "\"" {
            field.unicodeScalars.append("\"")
            pending = iterator.next()
          } else {
            quoted = false
          }
        } else {
          field.unicodeScalars.append(scalar)
        }
      } else if scalar == "\"" && field.isEmpty {
        quoted = true
      } else if scalar == "," || scalar == "\n" {
        fields.append(field)
        field = ""
      } else if scalar == "\r" && pending == "\n" {
        continue
      } else {
        field.unicodeScalars.append(scalar)
      }
    }
    if !field.isEmpty { fields.append(field) }
    return fields
  }
}
