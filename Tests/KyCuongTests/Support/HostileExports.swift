import Foundation
import KyCuong
import KyCuongSupport

/// The hostile corpus of exports: audit A's export (``ReportFixtures/auditA()``), then that export edited in
/// every way a careless or hostile hand might — each kept in `Tests/Fuzz/Corpus/export/hostile-*.json`,
/// where the export fuzzer starts from them too. Some edits leave a valid export (an unknown member, another
/// layout, a format 1.x), most do not (a key twice, a score out of range, a number too large).
enum HostileExports {
  /// The folder of the export fuzzer's seeds.
  static var folder: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appending(path: "Fuzz/Corpus/export")
  }

  /// Audit A's export, as `jsonData()` writes it.
  static func base() throws -> Data {
    try AuditExport(try ReportFixtures.auditA()).jsonData()
  }

  /// Every variant, by file name.
  static func corpus() throws -> [(name: String, data: Data)] {
    let data = try base()
    let text = String(decoding: data, as: UTF8.self)
    let json = try JSONReader.parse(data)
    guard case .number(let count)? = json.at(["audit", "eventCount"]) else {
      throw Missing(target: "audit.eventCount")
    }
    // The member as `jsonData()` writes it, for edits of its spelling.
    let events = #""eventCount" : "# + String(Int(count))
    var files: [(String, Data)] = [("hostile-valid-base.json", data)]
    func add(_ name: String, _ text: String) { files.append(("hostile-\(name).json", Data(text.utf8))) }
    func edit(_ name: String, _ change: (inout JSONValue) throws -> Void) throws {
      var copy = json
      try change(&copy)
      add(name, Printer.pretty(copy) + "\n")
    }
    func replace(_ name: String, _ target: String, _ replacement: String) throws {
      guard text.contains(target) else { throw Missing(target: target) }
      add(name, text.replacingOccurrences(of: target, with: replacement))
    }

    // Still valid: the layout, an unknown member, a later minor format, an unfinished audit.
    add("valid-compact", Printer.compact(json))
    add("valid-tabs", Printer.pretty(json, indent: "\t") + "\n")
    add("valid-bom", "\u{FEFF}" + text)
    try edit("valid-unknown-member") {
      $0.set(["extra"], .object([("nested", .array([.number(1), .null, .object([("a", .bool(true))])]))]))
    }
    try edit("valid-format-1-7") { $0.set(["format"], .string("kycuong.audit/1.7")) }
    try edit("valid-unfinished") { $0.set(["audit", "finishedAt"], .null) }
    try edit("valid-overall-1e300") { $0.set(["scores", "overall"], .number(1e300)) }
    try edit("valid-scores-edited") {
      $0.set(["scores", "overall"], .number(100))
      $0.set(["scores", "criticalFailures"], .array([]))
    }
    try edit("valid-terminal-escapes") {
      $0.set(["audit", "unit", "name"], .string("UBND \u{1B}]0;pwned\u{07}\u{1B}[2J phường"))
    }
    try edit("valid-spreadsheet-formula") {
      $0.set(["audit", "unit", "name"], .string("=HYPERLINK(\"http://x.example\",\"click\")"))
    }
    try edit("valid-offset-time") { $0.set(["audit", "startedAt"], .string("2026-02-10T09:00:00+07:00")) }
    try replace(
      "valid-escaped-strings", #""name" : "UBND phường Hàng Bạc""#,
      #""name" : "UBND ph\u01b0\u1eddng H\u00e0ng B\u1ea1c""#)
    try replace("valid-event-count-3-0", events, events + ".0")
    try replace(
      "valid-nested-200", #""attachments" : ["#, #""deep" : "# + nested(200) + #", "attachments" : ["#)
    try replace("valid-tiny-number-unknown", #""attachments" : ["#, #""tiny" : 1e-400, "attachments" : ["#)

    // Keys given twice, at the top, deep, spelled with escapes or canonically equal characters.
    try replace("duplicate-scores-overall", #""overall" : "#, #""overall" : 100, "overall" : "#)
    try replace("duplicate-format", #""format" : "#, #""form\u0061t" : "kycuong.audit/1", "format" : "#)
    try replace("duplicate-in-snapshot", #""partialCredit" : "#, #""partialCredit" : 1, "partialCredit" : "#)
    try replace(
      "duplicate-kelvin", #""attachments" : ["#, #""Kelvin" : 1, "\u212Aelvin" : 2, "attachments" : ["#)
    try replace("duplicate-items-key", "\n  \"items\" : [", "\n  \"items\" : [],\n  \"items\" : [")

    // Formats and structure.
    try edit("format-10") { $0.set(["format"], .string("kycuong.audit/10")) }
    try edit("format-2") { $0.set(["format"], .string("kycuong.audit/2")) }
    try edit("format-number") { $0.set(["format"], .number(1)) }
    try edit("format-missing") { $0.remove(["format"]) }
    try edit("items-missing") { $0.remove(["items"]) }
    try edit("checklist-id-differs") { $0.set(["checklist", "id"], .string("another-list")) }
    try edit("snapshot-weight-too-large") {
      $0.set(["checklist", "snapshot", "sections", "0", "weight"], .number(5000))
    }

    // Answers an item's kind does not take, and statuses that contradict their fields.
    try edit("scale-70") { $0.set(["items", "4", "outcome", "value"], .number(70)) }
    try edit("observation-negative") { $0.set(["items", "0", "outcome", "compliant"], .number(-1)) }
    try edit("observation-exceeds") { $0.set(["items", "0", "outcome", "compliant"], .number(9)) }
    try edit("pass-on-scale") { $0.set(["items", "4", "outcome"], .object([("type", .string("pass"))])) }
    try edit("text-on-check") {
      $0.set(["items", "1", "outcome"], .object([("text", .string("ok")), ("type", .string("text"))]))
    }
    try edit("answered-without-outcome") { $0.set(["items", "1", "outcome"], .null) }
    try edit("unanswered-with-outcome") { $0.set(["items", "1", "status"], .string("unanswered")) }
    try edit("skipped-blank-reason") {
      $0.set(["items", "1", "status"], .string("skipped"))
      $0.set(["items", "1", "outcome"], .null)
      $0.set(["items", "1", "skipReason"], .string("  \n"))
    }
    try edit("history-bad-outcome") {
      $0.set(
        ["items", "4", "history"],
        .array([
          .object([
            ("at", .string("2026-02-10T02:10:00Z")), ("by", .string("X")),
            ("new", .object([("type", .string("scale")), ("value", .number(9))])),
          ])
        ]))
    }
    try edit("item-kind-differs") { $0.set(["items", "1", "kind"], .string("scale")) }
    try edit("item-weight-differs") { $0.set(["items", "1", "weight"], .number(2)) }
    try edit("item-tags-differ") { $0.set(["items", "1", "tags"], .array([])) }
    try edit("items-reordered") {
      guard case .array(var items)? = $0.at(["items"]) else { return }
      items.swapAt(0, 1)
      $0.set(["items"], .array(items))
    }
    try edit("item-missing") {
      guard case .array(var items)? = $0.at(["items"]) else { return }
      items.removeLast()
      $0.set(["items"], .array(items))
    }
    try edit("item-twice") {
      guard case .array(var items)? = $0.at(["items"]) else { return }
      items.append(items[0])
      $0.set(["items"], .array(items))
    }
    try edit("valid-items-before-checklist") {
      guard case .object(var members) = $0, let at = members.firstIndex(where: { $0.key == "items" }) else {
        return
      }
      members.insert(members.remove(at: at), at: 0)
      $0 = .object(members)
    }

    // Numbers, dates and texts a decoder refuses.
    try replace("event-count-1e300", events, #""eventCount" : 1e300"#)
    try replace("event-count-fraction", events, events + ".5")
    try replace("event-count-string", events, #""eventCount" : "# + "\"\(Int(count))\"")
    try replace("number-1e400", events, #""eventCount" : 1e400"#)
    try replace("event-count-negative", events, #""eventCount" : -3"#)
    try edit("staff-present-fraction") { $0.set(["audit", "staffPresent"], .number(18.5)) }
    try edit("note-event-zero") { $0.set(["items", "0", "notes", "0", "event"], .number(0)) }
    try edit("attachment-size-negative") { $0.set(["items", "2", "attachments", "0", "size"], .number(-1)) }
    try edit("compliant-1e300") { $0.set(["items", "0", "outcome", "compliant"], .number(1e300)) }
    try edit("scored-items-fraction") { $0.set(["scores", "sections", "0", "scoredItems"], .number(1.5)) }
    // A number only the text can hold: a marker set through the JSON, then its digits replaced.
    var underflow = json
    underflow.set(["checklist", "snapshot", "sections", "0", "items", "0", "weight"], .number(987_654_321))
    let marked = Printer.pretty(underflow) + "\n"
    guard marked.contains("987654321") else {
      throw Missing(target: "checklist.snapshot.sections[0].items[0]")
    }
    add("weight-underflow", marked.replacingOccurrences(of: "987654321", with: "1e-400"))
    try replace("nan-literal", events, #""eventCount" : NaN"#)
    try replace("infinity-literal", events, #""eventCount" : Infinity"#)
    try replace("leading-zero", events, #""eventCount" : 0"# + String(Int(count)))
    // Days and clock times that do not exist (ISO8601FormatStyle alone rolls 30 February over to 2 March).
    try edit("date-rolled-over") { $0.set(["audit", "startedAt"], .string("2026-02-30T02:00:00Z")) }
    try edit("date-april-31") { $0.set(["audit", "finishedAt"], .string("2026-04-31T02:00:00Z")) }
    try edit("date-not-leap") { $0.set(["items", "0", "at"], .string("2027-02-29T02:00:00Z")) }
    try edit("time-hour-24") { $0.set(["findings", "0", "at"], .string("2026-02-10T24:00:00Z")) }
    try edit("time-minute-60") { $0.set(["audit", "startedAt"], .string("2026-02-10T09:60:00+07:00")) }
    try edit("date-garbage") { $0.set(["audit", "startedAt"], .string("yesterday")) }
    try edit("due-not-a-day") { $0.set(["correctiveActions", "0", "due"], .string("2026-02-30")) }
    try edit("null-required") { $0.set(["audit", "id"], .null) }
    try replace("lone-surrogate", #""name" : "UBND phường Hàng Bạc""#, #""name" : "UBND \ud800""#)
    try replace("bad-escape", #""name" : "UBND phường Hàng Bạc""#, #""name" : "UBND \x41""#)
    try replace("raw-tab-in-string", #""name" : "UBND phường Hàng Bạc""#, "\"name\" : \"UBND\tphường\"")
    var invalid = data
    if let range = invalid.range(of: Data("phường Hàng".utf8)) {
      invalid.replaceSubrange(range, with: [0xC0, 0xAF])
    }
    files.append(("hostile-invalid-utf8.json", invalid))
    var surrogate = data
    if let range = surrogate.range(of: Data("phường Hàng".utf8)) {
      surrogate.replaceSubrange(range, with: [0xED, 0xA0, 0x80])
    }
    files.append(("hostile-utf8-surrogate.json", surrogate))

    // Cut short, run together, nested too deep, not an object.
    for (name, cut) in [
      ("truncated-100", 100), ("truncated-half", data.count / 2), ("truncated-end", data.count - 3),
    ] {
      files.append(("hostile-\(name).json", data.prefix(cut)))
    }
    files.append(("hostile-concatenated.json", data + data))
    add("trailing-garbage", text + "x")
    try replace("nested-300", #""attachments" : ["#, #""deep" : "# + nested(300) + #", "attachments" : ["#)
    add("empty-object", "{}")
    add("top-level-array", "[" + text + "]")
    return files
  }

  /// `depth` arrays, one inside another.
  static func nested(_ depth: Int) -> String {
    String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
  }

  /// An anchor a replacement needs is not in the export (the fixture changed).
  struct Missing: Error, CustomStringConvertible {
    var target: String
    var description: String { "the export has no \(target)" }
  }

  /// JSON text from a ``JSONValue``, members in their order, numbers that are whole written as integers.
  enum Printer {
    static func pretty(_ value: JSONValue, indent: String = "  ") -> String {
      var out = ""
      write(value, to: &out, indent: indent, level: 0)
      return out
    }

    static func compact(_ value: JSONValue) -> String {
      var out = ""
      write(value, to: &out, indent: nil, level: 0)
      return out
    }

    static func write(_ value: JSONValue, to out: inout String, indent: String?, level: Int) {
      let newline = indent.map { "\n" + String(repeating: $0, count: level + 1) } ?? ""
      let close = indent.map { "\n" + String(repeating: $0, count: level) } ?? ""
      switch value {
      case .null: out += "null"
      case .bool(let flag): out += flag ? "true" : "false"
      case .number(let number):
        out += number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : "\(number)"
      case .string(let text): out += string(text)
      case .array(let elements):
        out += "["
        for (index, element) in elements.enumerated() {
          out += (index > 0 ? "," : "") + newline
          write(element, to: &out, indent: indent, level: level + 1)
        }
        out += (elements.isEmpty ? "" : close) + "]"
      case .object(let members):
        out += "{"
        for (index, member) in members.enumerated() {
          out += (index > 0 ? "," : "") + newline + string(member.key) + (indent == nil ? ":" : " : ")
          write(member.value, to: &out, indent: indent, level: level + 1)
        }
        out += (members.isEmpty ? "" : close) + "}"
      }
    }

    static func string(_ text: String) -> String {
      var out = "\""
      for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\u{00}"..<"\u{20}": out += String(format: "\\u%04x", scalar.value)
        default: out.unicodeScalars.append(scalar)
        }
      }
      return out + "\""
    }
  }
}

extension JSONValue {
  /// The value at `path` (object keys, array indices as numbers).
  func at(_ path: [String]) -> JSONValue? {
    guard let first = path.first else { return self }
    switch self {
    case .object(let members): return members.first { $0.key == first }?.value.at(Array(path.dropFirst()))
    case .array(let elements):
      guard let index = Int(first), elements.indices.contains(index) else { return nil }
      return elements[index].at(Array(path.dropFirst()))
    default: return nil
    }
  }

  /// Sets the value at `path`, adding an object member that is not there.
  mutating func set(_ path: [String], _ value: JSONValue) {
    guard let first = path.first else {
      self = value
      return
    }
    switch self {
    case .object(var members):
      if let index = members.firstIndex(where: { $0.key == first }) {
        members[index].value.set(Array(path.dropFirst()), value)
      } else {
        var fresh = JSONValue.object([])
        fresh.set(Array(path.dropFirst()), value)
        members.append((first, fresh))
      }
      self = .object(members)
    case .array(var elements):
      guard let index = Int(first), elements.indices.contains(index) else { return }
      elements[index].set(Array(path.dropFirst()), value)
      self = .array(elements)
    default: return
    }
  }

  /// Removes the member at `path`.
  mutating func remove(_ path: [String]) {
    guard let first = path.first else { return }
    switch self {
    case .object(var members):
      if path.count == 1 {
        members.removeAll { $0.key == first }
      } else if let index = members.firstIndex(where: { $0.key == first }) {
        members[index].value.remove(Array(path.dropFirst()))
      }
      self = .object(members)
    case .array(var elements):
      guard let index = Int(first), elements.indices.contains(index) else { return }
      elements[index].remove(Array(path.dropFirst()))
      self = .array(elements)
    default: return
    }
  }
}
