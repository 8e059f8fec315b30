import Foundation
import KyCuong
import KyCuongIntegrity
import KyCuongStore
import KyCuongTestSupport
import Testing

/// F10: escape sequences and other control characters in what an audit or a checklist says (a unit's name, a
/// team member's, an item's note, a checklist's title) never reach the terminal raw, whichever command prints
/// them: each shows as `\u{…}` (`TerminalText.sanitized`).
@Suite("Control characters never reach the terminal", .enabled(if: KyCuongBinary.url != nil))
struct TerminalEscapeCommandTests {
  /// ESC ] (OSC, retitles the window) ended by BEL, ESC [ (CSI, clears the screen), the one-byte C1 CSI,
  /// NEL, DCS, DEL, and a right-to-left override and a first-strong isolate (which reorder what follows).
  static let attack = "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m\u{85}\u{90}x\u{7F}\u{202E}y\u{2068}z"

  /// The control characters of `text` other than new line and tab, and its bidirectional embeddings,
  /// overrides and isolates.
  static func controls(_ text: String) -> [String] {
    text.unicodeScalars.filter {
      $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t"
        || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value)
    }.map { "U+" + String($0.value, radix: 16, uppercase: true) }
  }

  /// A checklist titled with the attack, and an audit of a unit named with it, by a team member named with
  /// it, with a note that holds it.
  static func audit(id: String) throws -> Audit {
    var checklist = Sample.checklist()
    checklist.title = LocalizedText(vi: "Danh mục \(attack)", en: "List \(attack)")
    let header = AuditHeader(
      id: id, checklist: checklist, unit: InspectedUnit(name: "UBND \(attack) phường"),
      team: InspectionTeam(leader: Sample.inspector, members: ["Trần \(attack) Bình"]), visitType: .surprise)
    var audit = Audit(header: header, by: Sample.inspector, at: Sample.start)
    let changes: [AuditEvent.Change] = [
      .answered(item: "A-1", outcome: .fail, remark: "remark \(attack)"),
      .noted(item: "A-1", text: "note \(attack)"),
      .answered(item: "A-2", outcome: .observation(compliant: 9, observed: 12), remark: nil),
      .answered(item: "A-3", outcome: .pass, remark: nil),
      .finished,
    ]
    for (minute, change) in changes.enumerated() {
      try audit.record(
        change, by: Sample.inspector, at: Sample.start.addingTimeInterval(Double(minute + 1) * 60))
    }
    return audit
  }

  /// Runs `kycuong` in English with `input` on standard input.
  static func run(_ arguments: [String], input: String = "", in folder: URL) throws -> (String, String) {
    let run = try CommandRun.run(
      KyCuongBinary.url, arguments, in: folder, environment: ["KYCUONG_LANG": "en"], input: input)
    return (run.output, run.error)
  }

  @Test("show, validate, score, report, verify, bundle, audits and archive print no raw control character")
  func everyCommand() throws {
    let folder = try Sample.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = folder.appending(path: "store")
    let audit = try Self.audit(id: "20261121-0930-escape-7a8b")
    let auditStore = AuditStore(directory: store)
    try auditStore.create(audit)
    auditStore.close(audit.id)
    try Sample.chainedLog(audit).write(to: folder.appending(path: "a.jsonl"))
    try AuditExport(audit).jsonData().write(to: folder.appending(path: "a.json"))
    try JSONEncoder().encode(audit.checklist).write(to: folder.appending(path: "list.json"))
    let commands: [([String], String)] = [
      (["show", "list.json"], ""), (["validate", "list.json"], ""),
      (["score", "a.jsonl"], ""), (["score", "a.json"], ""),
      (["report", "record", "a.jsonl"], ""), (["report", "record", "a.json", "--lang", "vi"], ""),
      (["report", "compare", "a.jsonl", "a.json"], ""), (["report", "summary", "."], ""),
      (["report", "summary", ".", "--lang", "vi"], ""),
      (["verify", "a.jsonl"], ""), (["verify", "a.json"], ""),
      (["bundle", audit.id, "-o", "b.zip", "--store", store.path], ""), (["verify", "b.zip"], ""),
      (["audit", "--store", store.path], "audits\nresume \(audit.id)\nshow A-1\nlist\nscore\nquit\n"),
      (["archive", "init", "--database", "archive.sqlite"], ""),
      (["archive", "import", "--database", "archive.sqlite", "a.jsonl"], ""),
      (["archive", "list", "--database", "archive.sqlite"], ""),
      (["archive", "show", audit.id, "--database", "archive.sqlite"], ""),
      (["archive", "list", "--database", "archive.sqlite", "--format", "json"], ""),
      (["show", "list.json", "--json"], ""), (["validate", "list.json", "--json"], ""),
      (["score", "a.json", "--json"], ""), (["report", "compare", "a.jsonl", "a.json", "--json"], ""),
      (["report", "summary", ".", "--format", "json"], ""), (["verify", "a.json", "--json"], ""),
    ]
    var printed = 0
    var jsonOutputs: [String] = []
    for (arguments, input) in commands {
      let (output, error) = try Self.run(arguments, input: input, in: folder)
      printed += output.count + error.count
      #expect(Self.controls(output).isEmpty, "\(arguments) stdout: \(Self.controls(output))")
      #expect(Self.controls(error).isEmpty, "\(arguments) stderr: \(Self.controls(error))")
      // The attack is shown, escaped, where the command prints the name; JSON escapes it the JSON way and
      // still means the same text to a reader.
      guard output.contains("UBND") || output.contains("Danh mục") else { continue }
      if arguments.contains("--json") || arguments.contains("json") {
        #expect(output.contains(#"\u001b"#) && output.contains(#"\u009b"#), "\(arguments)")
        let parsed = try JSONSerialization.jsonObject(with: Data(output.utf8))
        let strings = Self.strings(in: parsed)
        #expect(strings.contains { $0.contains(Self.attack) }, "\(arguments): the attack is not read back")
        jsonOutputs.append(arguments[0])
      } else {
        #expect(output.contains(#"\u{1b}"#), "\(arguments)")
      }
    }
    // validate, score and verify print no name from the audit; the other four JSON outputs do.
    #expect(jsonOutputs == ["archive", "show", "report", "report"], "JSON outputs that print the attack")
    #expect(printed > 1000)
  }

  /// F15's error texts: a file that is not JSON (a file of the system, a text file) is described in the
  /// tool's words, not Foundation's ("The given data was not valid JSON.").
  @Test("a file that is not JSON is said to be not JSON, in the tool's words")
  func notJSON() throws {
    let folder = try Sample.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data("Name:\tkycuong\nState:\tR (running)\n".utf8).write(to: folder.appending(path: "status"))
    for file in ["/proc/self/status", "status"] {
      for command in ["verify", "score"] {
        let (output, error) = try Self.run([command, file], in: folder)
        #expect(!(output + error).contains("The given data"), "\(command) \(file): \(output + error)")
        #expect((output + error).contains("not JSON"), "\(command) \(file): \(output + error)")
      }
    }
  }

  /// Every string in a parsed JSON value, keys too.
  static func strings(in value: Any) -> [String] {
    switch value {
    case let text as String: [text]
    case let array as [Any]: array.flatMap(strings(in:))
    case let object as [String: Any]: object.keys + object.values.flatMap(strings(in:))
    default: []
    }
  }

  /// F11: a checklist of 100,000 items with six problems each: `show` and `validate` print at most the
  /// first 200 problems, then how many more there are, and the total (the test has no timing assertion: a
  /// quadratic printing would never finish).
  @Test("show and validate of a checklist with 600,000 problems print 200 of them and the total")
  func manyProblems() throws {
    let folder = try Sample.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // Each item: an id off its pattern, no Vietnamese text, an unknown kind, a negative weight, an unknown
    // field and a source that names no citation.
    var items: [String] = []
    items.reserveCapacity(100_000)
    for index in 0..<100_000 {
      items.append(
        #"{"id":"bad id \#(index)","text":{"en":"x"},"kind":"k","weight":-1,"z":1,"source":{"ref":"N"}}"#)
    }
    let text =
      #"{"id":"many-problems","version":"1.0.0","title":{"vi":"Nhiều lỗi"},"description":{"vi":"x"},"#
      + #""sources":[],"tags":[],"scoring":{"model":"weighted","partialCredit":0.5},"#
      + #""sections":[{"id":"s","title":{"vi":"Phần"},"weight":1,"items":["#
      + items.joined(separator: ",") + "]}]}"
    try Data(text.utf8).write(to: folder.appending(path: "many.json"))
    for command in ["show", "validate"] {
      let (output, error) = try Self.run([command, "many.json"], in: folder)
      let all = output + error
      let lines = all.split(separator: "\n")
      #expect(lines.count <= 203, "\(command): \(lines.count) lines")
      #expect(lines.filter { $0.contains("many.json: sections[0].items[") }.count == 200, "\(command)")
      let total = try #require(all.firstMatch(of: /(\d+) problem\(s\)/).flatMap { Int($0.1) }, "\(command)")
      #expect(total >= 600_000, "\(command)")
      #expect(
        all.contains("… and \(total - 200) more"), "\(command): \(lines.suffix(2).joined(separator: " / "))")
    }
  }
}
