import Foundation
import KyCuong
import KyCuongSupport

/// Exports for the one-parse reading's trust test (``ExportReadingTests``): the hostile corpus, every seed of
/// the export fuzzer, and edits that reach the places where a reader over parsed values could differ from
/// `JSONDecoder` over the bytes (numbers only their text holds exactly, a snapshot changed under its id and
/// version, types a field does not take, nesting, byte-order marks).
enum ReadingCases {
  /// Every case, by name, in a fixed order: the valid base first, so the checklist snapshot it holds is
  /// read (and remembered) before the files that change it under the same id and version.
  static func all() throws -> [(name: String, data: Data)] {
    var cases = try HostileExports.corpus()
    let names = Set(cases.map(\.name))
    let seeds = (try? FileManager.default.contentsOfDirectory(atPath: HostileExports.folder.path)) ?? []
    for name in seeds.sorted() where !names.contains(name) {
      cases.append((name, try Data(contentsOf: HostileExports.folder.appending(path: name))))
    }
    return cases + (try edits())
  }

  /// Edits of audit A's export beyond the hostile corpus.
  static func edits() throws -> [(name: String, data: Data)] {
    let data = try HostileExports.base()
    let text = String(decoding: data, as: UTF8.self)
    let json = try JSONReader.parse(data)
    typealias Printer = HostileExports.Printer
    var files: [(String, Data)] = []
    func add(_ name: String, _ text: String) { files.append(("edit-\(name)", Data(text.utf8))) }
    func edit(_ name: String, _ change: (inout JSONValue) -> Void) {
      var copy = json
      change(&copy)
      add(name, Printer.pretty(copy) + "\n")
    }
    /// The export with the member at `path` written as `literal`, which a ``JSONValue`` cannot spell.
    func literal(_ name: String, _ path: [String], _ literal: String) throws {
      var copy = json
      copy.set(path, .string("@@literal@@"))
      let marked = Printer.pretty(copy) + "\n"
      guard marked.contains("\"@@literal@@\"") else { throw HostileExports.Missing(target: name) }
      add(name, marked.replacingOccurrences(of: "\"@@literal@@\"", with: literal))
    }

    // Whole numbers only the text holds exactly (above 2^53), and whole numbers written with a fraction or
    // an exponent, in counts the rules check and in counts they do not.
    try literal("event-count-2-53-plus-1", ["audit", "eventCount"], "9007199254740993")
    try literal("event-count-exponent-2-53", ["audit", "eventCount"], "9.007199254740993e15")
    try literal("event-count-2-62", ["audit", "eventCount"], "4611686018427387904")
    try literal("event-count-2-63", ["audit", "eventCount"], "9223372036854775808")
    try literal("event-count-1e2", ["audit", "eventCount"], "1e2")
    try literal("event-count-100e-2", ["audit", "eventCount"], "100e-2")
    try literal("event-count-near-one", ["audit", "eventCount"], "0.99999999999999999999")
    try literal("event-count-minus-zero", ["audit", "eventCount"], "-0")
    try literal("event-count-tiny", ["audit", "eventCount"], "1e-400")
    try literal("size-2-53-plus-1", ["items", "2", "attachments", "0", "size"], "9007199254740993")
    try literal("size-fraction", ["items", "2", "attachments", "0", "size"], "1.5")
    try literal("completeness-exponent", ["scores", "completeness", "answered"], "4e0")
    try literal("points-2-53-plus-1", ["scores", "points", "earned"], "9007199254740993")
    // Fractions: underflow to zero, subnormal, the largest finite, just past it, minus zero.
    try literal("overall-underflow", ["scores", "overall"], "1e-400")
    try literal("overall-minus-underflow", ["scores", "overall"], "-1e-400")
    try literal("overall-subnormal", ["scores", "overall"], "1e-310")
    try literal("overall-below-subnormal", ["scores", "overall"], "2e-324")
    try literal("overall-minus-zero", ["scores", "overall"], "-0")
    try literal("overall-zero-exponent", ["scores", "overall"], "0e-400")
    try literal("overall-largest", ["scores", "overall"], "1.7976931348623157e308")
    try literal("overall-too-large", ["scores", "overall"], "1.7976931348623159e308")
    try literal("item-weight-subnormal", ["items", "0", "weight"], "1e-310")
    try literal(
      "snapshot-weight-subnormal", ["checklist", "snapshot", "sections", "0", "items", "0", "weight"],
      "1e-310")
    try literal(
      "snapshot-weight-minus-zero", ["checklist", "snapshot", "sections", "0", "items", "0", "weight"], "-0")
    try literal(
      "snapshot-weight-one-point-zero", ["checklist", "snapshot", "sections", "0", "items", "0", "weight"],
      "1.0")
    try literal(
      "snapshot-partial-credit-exponent", ["checklist", "snapshot", "scoring", "partialCredit"], "5e-1")
    // NaN and infinity spelled as some writers do.
    try literal("overall-minus-infinity", ["scores", "overall"], "-Infinity")
    try literal("overall-minus-nan", ["scores", "overall"], "-NaN")
    try literal("overall-nan-string", ["scores", "overall"], "\"NaN\"")

    // A snapshot changed under the same id and version (after the base's was read): its text, a rule it
    // breaks, a member it does not know, its members in another order.
    edit("snapshot-title-changed") {
      $0.set(["checklist", "snapshot", "title", "en"], .string("Another title, same id and version"))
    }
    edit("snapshot-item-text-changed") {
      $0.set(["checklist", "snapshot", "sections", "0", "items", "0", "text", "vi"], .string("Đổi"))
    }
    edit("snapshot-weight-zero") {
      $0.set(["checklist", "snapshot", "sections", "0", "items", "0", "weight"], .number(0))
    }
    edit("snapshot-unknown-member") {
      $0.set(["checklist", "snapshot", "sections", "0", "extra"], .bool(true))
    }
    edit("snapshot-item-removed") {
      guard case .array(var items)? = $0.at(["checklist", "snapshot", "sections", "0", "items"]) else {
        return
      }
      items.removeLast()
      $0.set(["checklist", "snapshot", "sections", "0", "items"], .array(items))
    }
    edit("snapshot-reordered-members") {
      guard case .object(let members)? = $0.at(["checklist", "snapshot"]) else { return }
      $0.set(["checklist", "snapshot"], .object(members.reversed()))
    }
    edit("snapshot-not-an-object") { $0.set(["checklist", "snapshot"], .array([])) }
    edit("snapshot-null") { $0.set(["checklist", "snapshot"], .null) }
    edit("snapshot-version-changed") { $0.set(["checklist", "snapshot", "version"], .string("1.0.1")) }
    edit("snapshot-and-reference-version-changed") {
      $0.set(["checklist", "snapshot", "version"], .string("1.0.1"))
      $0.set(["checklist", "version"], .string("1.0.1"))
    }
    edit("item-not-in-checklist") {
      guard case .array(var items)? = $0.at(["items"]) else { return }
      var extra = items[items.count - 1]
      extra.set(["id"], .string("EXTRA-01"))
      items.append(extra)
      $0.set(["items"], .array(items))
    }
    // Types a member does not take, missing members, nulls, unknown enumeration values.
    edit("audit-array") { $0.set(["audit"], .array([])) }
    edit("audit-null") { $0.set(["audit"], .null) }
    edit("items-object") { $0.set(["items"], .object([])) }
    edit("item-id-number") { $0.set(["items", "0", "id"], .number(1)) }
    edit("item-status-unknown") { $0.set(["items", "0", "status"], .string("done")) }
    edit("item-kind-unknown") { $0.set(["items", "0", "kind"], .string("essay")) }
    edit("outcome-type-number") { $0.set(["items", "0", "outcome", "type"], .number(3)) }
    edit("outcome-type-unknown") { $0.set(["items", "0", "outcome", "type"], .string("maybe")) }
    edit("outcome-compliant-missing") { $0.remove(["items", "0", "outcome", "compliant"]) }
    edit("visit-type-unknown") { $0.set(["audit", "visitType"], .string("surprise")) }
    edit("unit-missing") { $0.remove(["audit", "unit"]) }
    edit("team-null") { $0.set(["audit", "team"], .null) }
    edit("started-at-number") { $0.set(["audit", "startedAt"], .number(0)) }
    edit("started-at-fraction-seconds") { $0.set(["audit", "startedAt"], .string("2026-02-10T09:00:00.5Z")) }
    edit("finished-at-missing") { $0.remove(["audit", "finishedAt"]) }
    edit("integrity-null") { $0.set(["integrity"], .null) }
    edit("integrity-empty") { $0.set(["integrity"], .object([])) }
    edit("findings-null") { $0.set(["findings"], .null) }
    edit("findings-strings") { $0.set(["findings"], .array([.string("x")])) }
    edit("tags-string") { $0.set(["items", "0", "tags"], .string("focus-2017-2")) }
    edit("weight-string") { $0.set(["items", "0", "weight"], .string("1")) }
    edit("critical-number") { $0.set(["items", "0", "critical"], .number(1)) }
    edit("due-number") { $0.set(["correctiveActions", "0", "due"], .number(20_260_230)) }
    edit("root-string") { $0 = .string("kycuong.audit/1.1") }
    // Spellings: a byte-order mark on a compact file, escapes in keys, deep nesting in a known member.
    add("bom-compact", "\u{FEFF}" + Printer.compact(json))
    add("bom-twice", "\u{FEFF}\u{FEFF}" + text)
    add("escaped-key", text.replacingOccurrences(of: "\"eventCount\"", with: "\"event\\u0043ount\""))
    edit("deep-in-findings") {
      var deep = JSONValue.array([])
      for _ in 0..<250 { deep = .array([deep]) }
      $0.set(["findings"], deep)
    }
    // Not exports at all, for the document reader: empty, blank, a line of an event log.
    add("empty", "")
    add("blank", " \n\t\n")
    add("lone-brace", "{\n")
    add("event-line", #"{"by":"a","seq":1,"time":"2026-11-21T09:30:00Z","type":"started","v":1}"#)
    return files
  }
}
