import Foundation
import KyCuong
import KyCuongSupport
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
          contents.damage == [LogDamage(line: lineNumber, kind: .incompleteLastLine(bytes: cut))],
          "cut at \(cut)")
        #expect(
          contents.damage.map(\.description) == [
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

  @Test(
    "a day or clock time that does not exist is refused, not rolled over",
    arguments: [
      ("2026-02-30T02:00:00Z", "there is no 30 February 2026 (February has 28 days)"),
      ("2026-04-31T02:00:00Z", "there is no 31 April 2026 (April has 30 days)"),
      ("2027-02-29T02:00:00Z", "there is no 29 February 2027 (February has 28 days)"),
      ("2026-13-01T02:00:00Z", "month 13 does not exist"),
      ("2026-02-00T02:00:00Z", "day 0 does not exist"),
      ("2026-02-10T24:00:00Z", "hour 24 does not exist"),
      ("2026-02-10T09:60:00Z", "minute 60 does not exist"),
      ("2026-02-10T09:30:60Z", "second 60 does not exist"),
    ])
  func impossibleTimes(text: String, why: String) throws {
    #expect(Timestamp.date(from: text) == nil)
    #expect(Timestamp.impossibility(in: text) == why)
    // In a log, the line is refused with the member named.
    let audit = try SampleAudit.audit()
    var all = lines(try SampleAudit.log(audit))
    let second = String(decoding: all[1], as: UTF8.self)
    let time = try #require(second.range(of: #""time":"[^"]*""#, options: .regularExpression))
    all[1] = Data(second.replacingCharacters(in: time, with: #""time":"\#(text)""#).utf8)
    let contents = EventLog.read(Data(all.joined(separator: Data("\n".utf8))) + Data("\n".utf8))
    #expect(
      contents.damage.first?.description
        == "line 2: not a valid event (time: not an ISO 8601 time: \(text) (\(why))); ignored")
  }

  @Test("the days that do exist are read: 29 February of a leap year, the last second of a day")
  func possibleTimes() {
    for text in [
      "2028-02-29T00:00:00Z", "2000-02-29T12:00:00Z", "2026-12-31T23:59:59Z", "2026-04-30T23:59:59+07:00",
    ] {
      #expect(Timestamp.impossibility(in: text) == nil, "\(text)")
      #expect(Timestamp.date(from: text) != nil, "\(text)")
    }
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
    #expect(contents.damage.map(\.line) == [4, 6])
    if case .invalidEvent = contents.damage[0].kind {
    } else {
      Issue.record("line 4 is not reported as an invalid event: \(contents.damage[0])")
    }
    #expect(contents.damage[0].description.hasPrefix("line 4: not a valid event ("))
    #expect(contents.damage[0].description.hasSuffix("); ignored"))
    #expect(contents.damage[1] == LogDamage(line: 6, kind: .invalidEvent(reason: #"missing "seq""#)))
    #expect(contents.damage[1].description == #"line 6: not a valid event (missing "seq"); ignored"#)
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
    #expect(throws: AuditError.firstEventNotStarted) {
      try Audit(replaying: Array(audit.events.dropFirst()))
    }
    #expect(
      AuditError.firstEventNotStarted.description
        == "not a valid audit log: the first event must be \"started\"")
    // An empty list of events has no first event at all: its own error since the typed errors.
    #expect(throws: AuditError.emptyLog) {
      try Audit(replaying: [])
    }
    #expect(AuditError.emptyLog.description == "not a valid audit log: it holds no event")
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
    let unknown = AuditError.invalidEvent(
      sequence: events.count, type: "answered", reason: .unknownItem("ZZ-1"))
    #expect(throws: unknown) {
      try Audit(replaying: events)
    }
    #expect(
      unknown.description
        == "not a valid audit log: event \(events.count) (answered): no item \"ZZ-1\" in this checklist")
    var twice = audit.events
    twice.append(AuditEvent(sequence: 99, time: Fixed.at(7200), author: "x", change: twice[0].change))
    let startedAgain = AuditError.invalidEvent(sequence: 99, type: "started", reason: .startedAgain)
    #expect(throws: startedAgain) {
      try Audit(replaying: twice)
    }
    #expect(
      startedAgain.description
        == "not a valid audit log: event 99 (started): an audit has only one \"started\" event")
    // A step back in the numbering (a spliced log) names both numbers.
    var spliced = audit.events
    spliced.append(
      AuditEvent(sequence: 3, time: Fixed.at(7200), author: "x", change: .finding(text: "chèn")))
    let outOfOrder = AuditError.invalidEvent(
      sequence: 3, type: "finding", reason: .sequenceOutOfOrder(sequence: 3, after: audit.events.count))
    #expect(throws: outOfOrder) {
      try Audit(replaying: spliced)
    }
    #expect(
      outOfOrder.description
        == "not a valid audit log: event 3 (finding): sequence number 3 does not follow \(audit.events.count)"
    )
  }

  @Test("a \"0/0\" observation, refused live since, still replays from an older log")
  func noneObservedReplays() throws {
    var audit = Build.audit(Build.checklist([Build.section("s", [Build.item("O-1", .observation)])]))
    #expect(throws: AuditError.outcomeNotAccepted(item: "O-1", problem: .noneObserved)) {
      try audit.record(
        .answered(item: "O-1", outcome: .observation(compliant: 0, observed: 0), remark: nil),
        by: Fixed.inspector, at: Fixed.at(60))
    }
    #expect(audit.events.count == 1)
    let old = AuditEvent(
      sequence: 2, time: Fixed.at(60), author: Fixed.inspector,
      change: .answered(item: "O-1", outcome: .observation(compliant: 0, observed: 0), remark: nil))
    let replayed = try Audit(replaying: audit.events + [old])
    #expect(replayed.records["O-1"]?.state == .answered(.observation(compliant: 0, observed: 0)))
    // Read from a log too, and not scored: no one was observed.
    var log = Data()
    for event in replayed.events { log.append(try EventLog.line(for: event)) }
    let (fromLog, damage) = try EventLog.audit(from: log)
    #expect(damage.isEmpty)
    #expect(fromLog == replayed)
    #expect(fromLog.score().overall == nil)
  }

  @Test("outcomes encode with a type and their values")
  func outcomeCoding() throws {
    let outcomes: [Outcome] = [
      .pass, .partial, .fail, .notApplicable, .observation(compliant: 3, observed: 4), .scale(2), .text("Có"),
      .yes, .no,
    ]
    let encoder = JSONCoding.encoder()
    let data = try encoder.encode(outcomes)
    #expect(
      String(decoding: data, as: UTF8.self)
        == #"[{"type":"pass"},{"type":"partial"},{"type":"fail"},{"type":"notApplicable"},"#
        + #"{"compliant":3,"observed":4,"type":"observation"},{"type":"scale","value":2},{"text":"Có","type":"text"},"#
        + #"{"type":"yes"},{"type":"no"}]"#
    )
    #expect(try JSONCoding.decoder().decode([Outcome].self, from: data) == outcomes)
    #expect(throws: DecodingError.self) {
      try JSONCoding.decoder().decode(Outcome.self, from: Data(#"{"type":"maybe"}"#.utf8))
    }
  }
}
