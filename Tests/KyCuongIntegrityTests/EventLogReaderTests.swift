import Foundation
import KyCuong
import KyCuongIntegrity
import KyCuongSupport
import Testing

/// The streaming reader (issue 13, F16) against the reader it replaced: the same events, the same damage,
/// whatever the chunks it is fed, for every hostile line below.
@Suite("The streaming event log reader")
struct EventLogReaderTests {
  /// The reader of before issue 13, kept here as the reference: split on newlines, parse every line in full
  /// (for a key given twice), then decode it.
  /// What a reader found, compared as values.
  struct Found: Equatable {
    var lines: [Int] = []
    var bytes: [Data] = []
    var events: [AuditEvent] = []
    var damage: [LogDamage] = []
    var endsWithNewline = false

    init() {}

    init(_ contents: EventLog.RawContents) {
      for raw in contents.events { add(raw) }
      damage = contents.damage
      endsWithNewline = contents.endsWithNewline
    }

    mutating func add(_ raw: EventLog.RawEvent) {
      lines.append(raw.lineNumber)
      bytes.append(raw.bytes)
      events.append(raw.event)
    }
  }

  static func reference(_ data: Data) -> Found {
    let decoder = JSONCoding.decoder()
    var found = Found()
    var damage: [LogDamage] = []
    let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    for (index, line) in lines.enumerated() {
      if line.isEmpty || line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) { continue }
      let isLast = index == lines.count - 1
      let bytes = Data(line)
      let number = index + 1
      if let path = (try? JSONReader.parse(bytes))?.firstDuplicateKey {
        damage.append(
          LogDamage(
            line: number, kind: isLast ? .incompleteLastLine(bytes: line.count) : .duplicateKey(path: path)))
        continue
      }
      do {
        let event = try decoder.decode(AuditEvent.self, from: bytes)
        found.lines.append(number)
        found.bytes.append(bytes)
        found.events.append(event)
      } catch {
        damage.append(
          LogDamage(
            line: number,
            kind: isLast && data.last != UInt8(ascii: "\n")
              ? .incompleteLastLine(bytes: line.count) : .invalidEvent(reason: JSONCoding.reason(error))))
      }
    }
    found.damage = damage
    found.endsWithNewline = data.last == UInt8(ascii: "\n")
    return found
  }

  /// Lines a hostile hand could write: keys twice at every depth and in every spelling the full reader
  /// counts as one key, brackets and quotes inside strings, broken JSON.
  static func hostileLines() throws -> [Data] {
    let audit = try Sample.audit()
    let log = try Sample.chainedLog(audit)
    let valid = log.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }
    let answer = valid[1]
    var lines = valid
    lines += [
      answer.replacingOccurrences(of: #""by":"#, with: #""by":"X","by":"#),
      answer.replacingOccurrences(of: #""by":"#, with: #""b\u0079":"X","by":"#),
      answer.replacingOccurrences(of: #"{"type":"pass"}"#, with: #"{"type":"pass","type":"fail"}"#),
      answer.replacingOccurrences(of: #""by":"#, with: #""caf\u00e9":1,"cafe\#u{301}":2,"by":"#),
      answer.replacingOccurrences(of: #""by":"#, with: "\"café\":1,\"cafe\u{301}\":2,\"by\":"),
      answer.replacingOccurrences(of: #""by":"#, with: #""x":[{"a":1,"a":2}],"by":"#),
      answer.replacingOccurrences(of: #""by":"#, with: #""x":[{"a":1},{"a":2}],"by":"#),
      answer.replacingOccurrences(of: #""by":"#, with: #""x":{"a":{"a":1},"b":"a"},"by":"#),
      answer.replacingOccurrences(of: #""by":"#, with: #""x":"{\"by\":1,\"by\":2}","by":"#),
      answer.replacingOccurrences(of: #""by":"#, with: #""x":"]}[{","by":"#),
      answer.replacingOccurrences(of: #""by":"#, with: #""x\"":1,"x\"":2,"by":"#),
      answer.replacingOccurrences(of: #""by":"#, with: #""by":"X",  "by" :"#),
      answer.replacingOccurrences(of: #""by":"#, with: #""":1,"":2,"by":"#),
      answer.replacingOccurrences(of: #""by":"#, with: #""x":[1,2,{"y":[{"z":1,"z":1}]}],"by":"#),
      answer.replacingOccurrences(of: #""by":"#, with: #""x":1e400,"x":1,"by":"#),
      answer.replacingOccurrences(of: #""by":"#, with: "\"x\":\"\u{1}\",\"x\":1,\"by\":"),
      String(answer.dropLast()),
      answer + "}",
      "[" + answer + "]",
      #"{"a":1,"a":2"#,
      #"{"a":"#,
      "\"",
      "{]",
      "[}",
      String(repeating: "[", count: 300) + String(repeating: "]", count: 300),
      String(repeating: "{\"a\":", count: 300) + "1" + String(repeating: "}", count: 300),
      "   ", "\r", " \r ", "null", "{}", "\u{FEFF}" + answer,
    ]
    // Lines that the one-parse reading (the strict reader's value, decoded) must hand to JSONDecoder, or
    // refuse with JSONDecoder's words: numbers whose text says more than their value, values of the wrong
    // kind at every level, members missing, kinds of event unknown.
    let sequence = try #require(answer.firstMatch(of: #/"seq":[0-9]+/#)).output
    for number in [
      "3.0", "2e0", "2.5", "1e400", "-1", "9007199254740993", "1E2", "0.2e1", "null", "\"2\"", "[]",
    ] {
      lines.append(answer.replacingOccurrences(of: String(sequence), with: #""seq":\#(number)"#))
    }
    for (member, replacement) in [
      (#""by":"#, #""by":1,"x":"#), (#""by":"#, #""by":null,"x":"#), (#""type":"pass""#, #""type":7"#),
      (#""type":"pass""#, #""type":"maybe""#), (#"{"type":"pass"}"#, #"[]"#), (#"{"type":"pass"}"#, #"null"#),
      (#""item":"#, #""x":"#), (#""time":"#, #""time":1,"x":"#), (#""time":""#, #""time":"1999-"#),
      (#""v":2"#, #""v":2.0"#), (#""v":2"#, #""v":1e0"#), (#""v":2"#, #""v":99"#), (#""v":2"#, #""v":"2""#),
      (#""type":"answered""#, #""type":"unheard""#), (#""type":"answered""#, #""type":true"#),
    ] {
      lines.append(answer.replacingOccurrences(of: member, with: replacement))
    }
    for line in valid {
      lines.append(line.replacingOccurrences(of: #":""#, with: #":1,"x":""#))
      lines.append(line.replacingOccurrences(of: #""by":""#, with: #""by":"\u00e9\ud83d\ude00\/\n"#))
    }
    // The fuzzer's corpus of logs, every line of it.
    let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appending(path: "Fuzz/Corpus/eventlog")
    for file in try FileManager.default.contentsOfDirectory(at: corpus, includingPropertiesForKeys: nil) {
      for line in try Data(contentsOf: file).split(separator: UInt8(ascii: "\n")) {
        lines.append(String(decoding: line, as: UTF8.self))
      }
    }
    return lines.map { Data($0.utf8) }
  }

  @Test("every hostile line is read as the reader of before read it: event, damage and kind of damage")
  func sameAsBefore() throws {
    let lines = try Self.hostileLines()
    for line in lines {
      // The line in the middle of a log, at its end, and at its end without a newline.
      for data in [line + Data("\n".utf8) + lines[0] + Data("\n".utf8), line + Data("\n".utf8), line] {
        let expected = Self.reference(data)
        #expect(
          Found(EventLog.readLines(data)) == expected, "\(String(decoding: line.prefix(120), as: UTF8.self))")
        #expect(EventLog.read(data).events == expected.events)
        #expect(EventLog.read(data).damage == expected.damage)
      }
    }
  }

  @Test("fed in chunks of any size, the reader reads what it reads in one piece")
  func chunks() throws {
    let lines = try Self.hostileLines()
    var data = Data()
    for line in lines { data.append(line + Data("\n".utf8)) }
    data.append(Data(#"{"by":"cut"#.utf8))
    let whole = Found(EventLog.readLines(data))
    #expect(whole == Self.reference(data))
    var generator = SystemRandomNumberGenerator()
    for size in [1, 2, 3, 7, 64, 1000, 4096, 0] {
      var reader = EventLog.Reader()
      var read = Found()
      func keep(_ line: EventLog.Line) {
        switch line {
        case .event(let event): read.add(event)
        case .damage(let damage): read.damage.append(damage)
        }
      }
      var offset = 0
      while offset < data.count {
        let length = size == 0 ? Int.random(in: 1...500, using: &generator) : size
        let end = min(data.count, offset + length)
        reader.read(data.subdata(in: offset..<end), keep)
        offset = end
      }
      reader.finish(keep)
      read.endsWithNewline = reader.endsWithNewline
      #expect(read == whole, "chunks of \(size)")
      #expect(reader.byteCount == data.count)
      #expect(reader.unterminatedLine == Data(#"{"by":"cut"#.utf8))
    }
  }

  @Test("the chain head is found from the end of the log, as reading it whole finds it")
  func headFromTheEnd() throws {
    let log = try Sample.chainedLog(try Sample.audit())
    let last = try #require(EventLog.readLines(log).events.last)
    let cases: [Data] = [
      log, log.dropLast(), log + Data("\n\n  \r\n".utf8), log + Data(#"{"by":"cut"#.utf8),
      log + Data("{\"a\":1}\nnot json\n\n".utf8), Data(), Data("\n\n".utf8), Data("junk\n".utf8),
    ]
    for data in cases {
      let expected = EventLog.readLines(data).events.last.map { Digest.labelled($0.bytes) }
      #expect(LogChain.head(of: data) == expected)
    }
    #expect(LogChain.head(of: log) == Digest.labelled(last.bytes))
  }

  @Test("a chained line is the bytes the encoder writes with its sum, the sum where sorted keys put it")
  func lineAsEncoded() throws {
    let audit = try Sample.audit()
    var previous: Data?
    for event in audit.events {
      let line = try LogChain.line(for: event, after: previous)
      var expected = event
      expected.previousDigest = previous.map { Digest.hex(of: $0) } ?? LogChain.firstPrevious
      expected.lineDigest = nil
      expected.lineDigest = Digest.hex(of: try EventLog.line(for: expected).dropLast())
      #expect(line == (try EventLog.line(for: expected)))
      previous = line.dropLast()
    }
  }

  @Test("a sum member is found once, with its comma, or not at all")
  func sumMember() {
    let sum = String(repeating: "a", count: 64)
    let member = #""sum":"\#(sum)""#
    #expect(
      LogChain.removingSum(sum, from: Data(#"{"a":1,\#(member),"b":2}"#.utf8)) == Data(#"{"a":1,"b":2}"#.utf8)
    )
    #expect(LogChain.removingSum(sum, from: Data(#"{\#(member),"b":2}"#.utf8)) == Data(#"{"b":2}"#.utf8))
    #expect(LogChain.removingSum(sum, from: Data(#"{"a":1,\#(member)}"#.utf8)) == Data(#"{"a":1}"#.utf8))
    #expect(LogChain.removingSum(sum, from: Data(#"{\#(member)}"#.utf8)) == Data("{}".utf8))
    #expect(LogChain.removingSum(sum, from: Data(#"{\#(member),\#(member)}"#.utf8)) == nil)
    #expect(LogChain.removingSum(sum, from: Data(#"{"sum":"b"}"#.utf8)) == nil)
    #expect(LogChain.removingSum(sum, from: Data()) == nil)
  }
}
