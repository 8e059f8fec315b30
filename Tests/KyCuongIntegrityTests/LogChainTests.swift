import Foundation
import KyCuong
import KyCuongIntegrity
import KyCuongSupport
import Testing

@Suite("Hash chain of the event log")
struct LogChainTests {
  func lines(_ data: Data) -> [Data] { data.split(separator: UInt8(ascii: "\n")).map { Data($0) } }

  @Test("a chained log is version 2; each prev is the SHA-256 of the previous line, the first of no bytes")
  func format() throws {
    let audit = try Sample.audit()
    let log = try Sample.chainedLog(audit)
    let lines = lines(log)
    #expect(lines.count == audit.events.count)
    var previous: Data?
    for line in lines {
      let json = try JSONReader.parse(line)
      #expect(json["v"] == .number(2))
      let expected = previous.map { Digest.hex(of: $0) } ?? Digest.empty
      #expect(json["prev"] == .string(expected))
      guard case .string(let sum)? = json["sum"], let stripped = LogChain.removingSum(sum, from: line) else {
        Issue.record("no sum")
        continue
      }
      #expect(Digest.hex(of: stripped) == sum)
      previous = line
    }
    #expect(Digest.empty == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
  }

  @Test("a chained log reads back as the same audit, with the chain fields")
  func readsBack() throws {
    let audit = try Sample.audit()
    let log = try Sample.chainedLog(audit)
    let (replayed, damage) = try EventLog.audit(from: log)
    #expect(damage.isEmpty)
    #expect(replayed == audit)
    let raw = EventLog.readLines(log)
    #expect(raw.events.allSatisfy { $0.event.previousDigest != nil && $0.event.lineDigest != nil })
    #expect(raw.events.map(\.bytes) == lines(log))
  }

  @Test("an intact chained log verifies, and its head is the digest of its last line")
  func intact() throws {
    let log = try Sample.chainedLog(try Sample.audit())
    let result = LogChain.verify(log)
    #expect(result.problems.isEmpty)
    #expect(result.isIntact)
    #expect(result.head == "sha256:" + Digest.hex(of: try #require(lines(log).last)))
  }

  @Test("a version 1 log still reads, and verifies as not chained")
  func version1() throws {
    let audit = try Sample.audit()
    let log = try Sample.version1Log(audit)
    #expect(try EventLog.audit(from: log).audit == audit)
    let result = LogChain.verify(log)
    #expect(result.problems.isEmpty)
    #expect(result.chainedEvents == 0)
    #expect(result.unchainedEvents == audit.events.count)
    #expect(!result.isIntact)
  }

  @Test("removing, swapping or inserting a line names the first event that does not match")
  func structuralTampering() throws {
    let log = try Sample.chainedLog(try Sample.audit())
    let original = lines(log)
    func joined(_ lines: [Data]) -> Data { lines.reduce(Data()) { $0 + $1 + Data("\n".utf8) } }
    var removed = original
    removed.remove(at: 2)
    #expect(LogChain.verify(joined(removed)).firstProblem?.line == 3)
    var swapped = original
    swapped.swapAt(2, 3)
    #expect(LogChain.verify(joined(swapped)).firstProblem?.line == 3)
    var duplicated = original
    duplicated.insert(original[2], at: 3)
    #expect(LogChain.verify(joined(duplicated)).firstProblem != nil)
    var firstRemoved = original
    firstRemoved.removeFirst()
    #expect(LogChain.verify(joined(firstRemoved)).firstProblem?.line == 1)
    // A version 1 line (prev and sum taken out) after chained ones is refused.
    var downgraded = original
    let event = try JSONCoding.decoder().decode(AuditEvent.self, from: original[4])
    var plain = event
    plain.previousDigest = nil
    plain.lineDigest = nil
    downgraded[4] = try EventLog.line(for: plain).dropLast()
    let result = LogChain.verify(joined(downgraded))
    #expect(result.firstProblem?.line == 5 || result.firstProblem?.line == 6)
  }

  /// Flips bits in every byte of `data` in turn and sorts each result into detected, refused or missed.
  static func flipEveryByte(
    of data: Data, masks: [UInt8], check: (Data) -> (intact: Bool, refused: Bool)
  ) -> (flips: Int, detected: Int, refused: Int, missed: [Int]) {
    var flips = 0
    var detected = 0
    var refused = 0
    var missed: [Int] = []
    for index in data.indices {
      for mask in masks {
        var copy = data
        copy[index] ^= mask
        flips += 1
        let outcome = check(copy)
        if outcome.refused {
          refused += 1
        } else if !outcome.intact {
          detected += 1
        } else {
          missed.append(index)
        }
      }
    }
    return (flips, detected, refused, missed)
  }

  @Test("flipping any bit pattern of any byte of a sample log is detected or the log refused")
  func byteFlipsOfALog() throws {
    let log = try Sample.chainedLog(try Sample.audit())
    let result = Self.flipEveryByte(of: log, masks: [0x01, 0x20]) { copy in
      let verification = LogChain.verify(copy)
      // Refused: a line that is not an event (invalid, cut short, a key twice), or no newline at the end.
      let refused = verification.problems.contains {
        switch $0.kind {
        case .damage, .noNewlineAtEnd: true
        default: false
        }
      }
      return (verification.problems.isEmpty, refused)
    }
    #expect(result.missed.isEmpty, "undetected flips at bytes \(result.missed.prefix(20))")
    #expect(result.flips == log.count * 2)
    #expect(result.detected + result.refused == result.flips)
    print(
      "byte flips of a \(log.count)-byte log: \(result.flips) flips, \(result.detected) detected, "
        + "\(result.refused) refused, \(result.missed.count) missed")
  }
}
