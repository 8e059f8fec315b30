import Foundation
import KyCuong
import KyCuongSupport
import Testing

/// The summary's fast reader of exports (`FastExportReader`) against the full reader (`AuditDocument`,
/// `AuditExport(data:)`): on every file of the hostile corpus, on every cut of an export, the fast reader
/// takes a file only when the full reader does, and then gives the same facts; the summary, which reads
/// with the fast reader and asks the full one when it is not certain, therefore gives the full reader's
/// verdict on every file, with its reason.
@Suite("Fast export reader")
struct FastExportReaderTests {
  /// The committed seeds of the export fuzzer, the hostile corpus among them.
  static let corpus: [URL] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: HostileExports.folder.path)) ?? []
    return names.sorted().map { HostileExports.folder.appending(path: $0) }
  }()

  /// Exports the fast reader leaves to the full reader although they are valid: spellings it does not
  /// mirror, a stored score no scorer gives.
  static let delegated: Set<String> = [
    "hostile-valid-event-count-3-0.json", "hostile-valid-items-before-checklist.json",
    "hostile-valid-overall-1e300.json",
  ]

  /// What the fast reader gives, cold and then with the snapshot cached; both must agree.
  func fast(_ data: Data, path: String) -> AuditFacts? {
    let cache = SnapshotCache()
    let cold = data.withUnsafeBytes { FastExportReader.facts($0, file: path, cache: cache) }
    let warm = data.withUnsafeBytes { FastExportReader.facts($0, file: path, cache: cache) }
    #expect(cold == warm, "\(path): the cached snapshot changes the result")
    return cold
  }

  /// Checks the two readers on `data`; returns whether the fast reader took it.
  @discardableResult
  func agree(_ data: Data, path: String) -> Bool {
    let full = SummaryReader.readFully(data, path: path, checkLog: nil)
    guard let facts = fast(data, path: path) else { return false }
    guard case .audit(let expected, _) = full else {
      Issue.record("\(path): the fast reader takes a file the full reader refuses (\(full))")
      return true
    }
    #expect(facts == expected, "\(path): the readers give different facts")
    return true
  }

  @Test("the committed hostile corpus is the one the fixtures make (KYCUONG_UPDATE_CORPUS=1 rewrites it)")
  func corpusIsCurrent() throws {
    let files = try HostileExports.corpus()
    #expect(files.count > 60)
    let update = ProcessInfo.processInfo.environment["KYCUONG_UPDATE_CORPUS"] == "1"
    for (name, data) in files {
      let url = HostileExports.folder.appending(path: name)
      if update { try data.write(to: url) }
      #expect(
        (try? Data(contentsOf: url)) == data,
        "\(name) differs from the fixture's; rerun with KYCUONG_UPDATE_CORPUS=1")
    }
  }

  @Test(
    "on every seed of the export fuzzer, the fast reader takes only what the full reader takes, with its facts"
  )
  func identicalVerdictsOnTheCorpus() throws {
    #expect(Self.corpus.count > 60)
    for url in Self.corpus {
      let data = try Data(contentsOf: url)
      let name = url.lastPathComponent
      let took = agree(data, path: name)
      // The summary's verdict is the full reader's, reason and all.
      let summary = SummaryReader.readOne(url, cache: SnapshotCache(), checkLog: nil)
      #expect(summary == SummaryReader.readFully(data, path: url.relativePath, checkLog: nil), "\(name)")
      if name.hasPrefix("hostile-valid-") {
        guard case .audit = summary else {
          Issue.record("\(name) is valid but refused: \(summary)")
          continue
        }
        // A test that cannot fail is a defect: the fast reader must take the valid exports it mirrors.
        #expect(took == !Self.delegated.contains(name), "\(name): fast reader took it: \(took)")
      } else if name.hasPrefix("hostile-") {
        guard case .skipped = summary else {
          Issue.record("\(name) is hostile but read as an audit")
          continue
        }
      }
    }
  }

  @Test("the reasons of the full reader reach the summary")
  func reasons() throws {
    func reason(_ name: String) throws -> String {
      let url = HostileExports.folder.appending(path: "hostile-\(name).json")
      guard case .skipped(let file) = SummaryReader.readOne(url, cache: SnapshotCache(), checkLog: nil) else {
        return "read"
      }
      return file.reason
    }
    #expect(try reason("duplicate-scores-overall").contains(#"the key "scores.overall" occurs twice"#))
    #expect(try reason("format-10").contains("unknown format \"kycuong.audit/10\""))
    #expect(try reason("scale-70").contains("POST-03"))
    #expect(try reason("observation-negative").contains("BADGE-01"))
    #expect(try reason("pass-on-scale").contains("POST-03"))
    // The decoder's own words, which do not name the member.
    #expect(try reason("event-count-1e300").contains("not a KyCuong export"))
  }

  @Test("an export cut at any point gets the same verdict from both readers")
  func truncations() throws {
    let data = try HostileExports.base()
    for cut in stride(from: 0, to: data.count, by: 61) { agree(data.prefix(cut), path: "cut-\(cut)") }
    #expect(agree(data, path: "whole"))
  }

  @Test("every byte of an export changed to a quote, a brace or a digit: the same verdicts")
  func flippedBytes() throws {
    let data = try HostileExports.base()
    var took = 0
    for position in stride(from: 0, to: data.count, by: 41) {
      for byte: UInt8 in [0x22, 0x7B, 0x31, 0x5C, 0x80] {
        var copy = data
        copy[position] = byte
        if agree(copy, path: "flip-\(position)") { took += 1 }
      }
    }
    // Many flips land in text and leave a valid export.
    #expect(took > 0)
  }

  @Test("the canonical time parser gives what Timestamp.date(from:) gives")
  func canonicalTimes() {
    var generator = SystemRandomNumberGenerator()
    var texts = [
      "1970-01-01T00:00:00Z", "2000-02-29T23:59:59Z", "2100-02-28T12:00:00Z", "2999-12-31T23:59:59Z",
      "2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T00:60:00Z",
      "2026-01-01T00:00:60Z", "1969-12-31T23:59:59Z", "2026-01-01T00:00:00z", "2026-1-01T00:00:00Z",
    ]
    for _ in 0..<2000 {
      let seconds = Double(Int.random(in: 0..<32_503_680_000, using: &generator))
      texts.append(Timestamp.string(from: Date(timeIntervalSince1970: seconds)))
    }
    for text in texts {
      let fast = Array(text.utf8).withUnsafeBufferPointer { Timestamp.canonicalDate($0) }
      if let fast { #expect(fast == Timestamp.date(from: text), "\(text)") }
    }
    #expect(
      Array("2026-11-21T09:30:00Z".utf8).withUnsafeBufferPointer { Timestamp.canonicalDate($0) }
        == Fixed.start)
  }

  @Test("the scanner accepts only documents JSONReader accepts, without a key twice")
  func scannerAgreesWithJSONReader() {
    let documents = [
      "{}", "[]", "{\"a\":1}", "{\"a\":1,}", "[1,]", "{\"a\":1 \"b\":2}", "01", "-", "-0", "1.", "1e", "1e+",
      "1.5e-3", "\"\\u0000\"", "\"\\ud800\"", "\"\\ud83d\\ude00\"", "\"\\udc00\"", "\"\\x\"", "\"a\tb\"",
      "true",
      "tru", "nul", "{\"abcdefghX\":1,\"abcdefghY\":2}", "{\"abcdefghX\":1,\"abcdefghX\":2}",
      "{\"a\":{\"a\":1}}",
      "{\"a\":1,\"b\":{\"a\":2},\"a\":3}", "\u{FEFF}{}", " {} ", "{} x", "1e400", "1e308",
      "[" + HostileExports.nested(254) + "]",
      HostileExports.nested(256), HostileExports.nested(255), "\"é\"", "\"\\\"\"", "{\"é\":1}",
    ]
    for text in documents {
      let bytes = Array(text.utf8)
      let scanned = bytes.withUnsafeBufferPointer { buffer -> Bool in
        guard let base = buffer.baseAddress else { return false }
        var scanner = JSONScanner(base: base, count: buffer.count)
        return scanner.document { $0.skipValue(depth: 0) }
      }
      let read = (try? JSONReader.parse(bytes)).map { $0.firstDuplicateKey == nil } ?? false
      if scanned { #expect(read, "the scanner takes \(text.prefix(40)), JSONReader does not") }
    }
    // It takes the plain ones it should.
    for text in ["{}", "{\"a\":[1,2.5,-0,true,null,\"é\"]}", "[" + HostileExports.nested(254) + "]"] {
      let bytes = Array(text.utf8)
      #expect(
        bytes.withUnsafeBufferPointer { buffer in
          var scanner = JSONScanner(base: buffer.baseAddress.unsafelyUnwrapped, count: buffer.count)
          return scanner.document { $0.skipValue(depth: 0) }
        })
    }
  }
}
