import Foundation
import KyCuong
import Testing

@Suite("Event log")
struct EventLogTests {
  func lines(_ data: Data) -> [Data] {
    data.split(separator: UInt8(ascii: "\n")).map { Data($0) }
  }

  @Test("a log read back gives the identical audit", arguments: [false, true])
  func roundTrip(finished: Bool) throws {
    let audit = try SampleAudit.audit(finished: finished)
    let data = try SampleAudit.log(audit)
    let contents = EventLog.read(data)
    #expect(contents.damage.isEmpty)
    #expect(contents.events == audit.events)
    let replayed = try Audit(replaying: contents.events)
    #expect(replayed == audit)
    #expect(replayed.score() == audit.score())
    let (fromData, damage) = try EventLog.audit(from: data)
    #expect(fromData == audit)
    #expect(damage.isEmpty)
  }

  @Test("every event is one line of JSON with sorted keys, ending in a newline")
  func lineFormat() throws {
    let audit = try SampleAudit.audit()
    for event in audit.events {
      let line = try EventLog.line(for: event)
      #expect(line.last == UInt8(ascii: "\n"))
      #expect(line.dropLast().contains(UInt8(ascii: "\n")) == false)
      let json = try JSONReader.parse(line.dropLast())
      guard case .object(let members) = json else {
        Issue.record("not an object")
        continue
      }
      #expect(members.map(\.key) == members.map(\.key).sorted())
      #expect(json["v"] == .number(1))
      #expect(json["seq"] == .number(Double(event.sequence)))
      #expect(json["type"] == .string(event.change.typeName))
    }
    let answered = String(decoding: try EventLog.line(for: audit.events[1]), as: UTF8.self)
    #expect(
      answered
        == #"{"by":"Nguyễn Văn An","item":"C-01","outcome":{"type":"fail"},"seq":2,"time":"2026-11-21T09:31:00Z","type":"answered","v":1}"#
        + "\n")
  }

  @Test("times are ISO 8601 UTC with whole seconds")
  func times() throws {
    #expect(Timestamp.string(from: Fixed.start) == "2026-11-21T09:30:00Z")
    #expect(Timestamp.string(from: Fixed.at(0.999)) == "2026-11-21T09:30:00Z")
    #expect(Timestamp.wholeSeconds(Fixed.at(59.999)) == Fixed.at(59))
    #expect(Timestamp.date(from: "2026-11-21T09:30:00Z") == Fixed.start)
    #expect(Timestamp.date(from: "2026-11-21T09:30:00.250Z") == Fixed.at(0.25))
    #expect(Timestamp.date(from: "21/11/2026") == nil)
    var audit = Build.audit(Build.checklist([Build.section("s", [Build.item("A-1")])]))
    let event = try audit.record(
      .answered(item: "A-1", outcome: .pass, remark: nil), by: Fixed.inspector, at: Fixed.at(61.75))
    #expect(event.time == Fixed.at(61))
    let line = String(decoding: try EventLog.line(for: event), as: UTF8.self)
    #expect(line.contains(#""time":"2026-11-21T09:31:01Z""#))
  }

  @Test("a log whose last line is cut at any byte keeps every complete event and reports the damage")
  func truncatedLastLine() throws {
    let audit = try SampleAudit.audit()
    let all = lines(try SampleAudit.log(audit))
    var intact = Data()
    for line in all.dropLast() { intact.append(line + Data("\n".utf8)) }
    let last = try #require(all.last)
    let lineNumber = all.count
    for cut in 0..<last.count {
      let contents = EventLog.read(intact + last.prefix(cut))
      #expect(contents.events == Array(audit.events.dropLast()), "cut at \(cut)")
      if cut == 0 {
        #expect(contents.damage.isEmpty)
      } else {
        #expect(
          contents.damage == [
            "line \(lineNumber): incomplete last line (\(cut) bytes), probably cut off by a crash; ignored"
          ], "cut at \(cut)")
      }
    }
    // The whole last line without its newline is complete.
    #expect(EventLog.read(intact + last).events == audit.events)
    #expect(EventLog.read(intact + last).damage.isEmpty)
  }

  @Test("a cut in a multi-byte character of the last line is damage too")
  func truncatedInsideCharacter() throws {
    let audit = try SampleAudit.audit()
    let data = try SampleAudit.log(audit)
    let all = lines(data)
    let last = try #require(all.last)
    // Find a cut inside a two- or three-byte UTF-8 sequence ("Nguyễn").
    let index = try #require(last.firstIndex { $0 >= 0xC0 })
    let cut = last.prefix(index - last.startIndex + 1)
    let contents = EventLog.read(data.prefix(data.count - last.count - 1) + cut)
    #expect(contents.events.count == audit.events.count - 1)
    #expect(contents.damage.count == 1)
  }

  @Test("a corrupt line in the middle is reported and skipped")
  func corruptMiddleLine() throws {
    let audit = try SampleAudit.audit()
    var all = lines(try SampleAudit.log(audit))
    all[3] = Data(#"{"v":1,"seq":4,"by":"x""#.utf8)  // cut short, then more lines were written
    all[5] = Data(#"{"v":1}"#.utf8)
    let data = Data(all.joined(separator: Data("\n".utf8))) + Data("\n".utf8)
    let contents = EventLog.read(data)
    #expect(contents.damage.count == 2)
    #expect(contents.damage[0].hasPrefix("line 4: not a valid event ("))
    #expect(contents.damage[0].hasSuffix("); ignored"))
    #expect(contents.damage[1] == #"line 6: not a valid event (missing "seq"); ignored"#)
    var expected = audit.events
    expected.remove(at: 5)
    expected.remove(at: 3)
    #expect(contents.events == expected)
  }

  @Test("after a lost line, new events get a sequence number after the last one")
  func sequenceAfterLostLine() throws {
    let audit = try SampleAudit.audit(finished: false)
    var events = audit.events
    events.remove(at: 2)
    var replayed = try Audit(replaying: events)
    let event = try replayed.record(.finding(text: "Thêm"), by: Fixed.inspector, at: Fixed.at(3600))
    #expect(event.sequence == audit.events.count + 1)
    #expect(Set(replayed.events.map(\.sequence)).count == replayed.events.count)
  }

  @Test("blank lines and Windows line ends are tolerated")
  func blankLines() throws {
    let audit = try SampleAudit.audit()
    var data = Data()
    for line in lines(try SampleAudit.log(audit)) { data.append(line + Data("\r\n\n".utf8)) }
    let contents = EventLog.read(data)
    #expect(contents.damage.isEmpty)
    #expect(contents.events == audit.events)
  }

  @Test("the first event must be started")
  func firstEventMustBeStarted() throws {
    let audit = try SampleAudit.audit()
    #expect(throws: AuditError.badLog(reason: "the first event must be \"started\"")) {
      try Audit(replaying: Array(audit.events.dropFirst()))
    }
    #expect(throws: AuditError.badLog(reason: "the first event must be \"started\"")) {
      try Audit(replaying: [])
    }
    let data = try SampleAudit.log(audit)
    let withoutStart = Data(lines(data).dropFirst().joined(separator: Data("\n".utf8)))
    do {
      _ = try EventLog.audit(from: withoutStart)
      Issue.record("a log without its started event was read")
    } catch {
      #expect(error.description == "not a valid audit log: the first event must be \"started\"")
    }
  }

  @Test("an event that breaks the rules is refused on replay, naming it")
  func invalidEventOnReplay() throws {
    let audit = try SampleAudit.audit(finished: false)
    var events = audit.events
    events.append(
      AuditEvent(
        sequence: events.count + 1, time: Fixed.at(7200), author: "x",
        change: .answered(item: "ZZ-1", outcome: .pass, remark: nil)))
    #expect(
      throws: AuditError.badLog(
        reason: "event \(events.count) (answered): no item \"ZZ-1\" in this checklist")
    ) {
      try Audit(replaying: events)
    }
    var twice = audit.events
    twice.append(AuditEvent(sequence: 99, time: Fixed.at(7200), author: "x", change: twice[0].change))
    #expect(
      throws: AuditError.badLog(
        reason: "event 99 (started): an audit has only one \"started\" event")
    ) {
      try Audit(replaying: twice)
    }
  }

  @Test("outcomes encode with a type and their values")
  func outcomeCoding() throws {
    let outcomes: [Outcome] = [
      .pass, .partial, .fail, .notApplicable, .observation(compliant: 3, observed: 4), .scale(2), .text("Có"),
    ]
    let encoder = EventLog.makeEncoder()
    let data = try encoder.encode(outcomes)
    #expect(
      String(decoding: data, as: UTF8.self)
        == #"[{"type":"pass"},{"type":"partial"},{"type":"fail"},{"type":"notApplicable"},"#
        + #"{"compliant":3,"observed":4,"type":"observation"},{"type":"scale","value":2},{"text":"Có","type":"text"}]"#
    )
    #expect(try EventLog.makeDecoder().decode([Outcome].self, from: data) == outcomes)
    #expect(throws: DecodingError.self) {
      try EventLog.makeDecoder().decode(Outcome.self, from: Data(#"{"type":"maybe"}"#.utf8))
    }
  }
}
