import Foundation
import KyCuongSupport
import Testing

@testable import KyCuong

@Suite("Values the JSON reader remembers")
struct JSONValueMemoTests {
  /// A document whose `snapshot` member is `snapshot`, with `before` and `after` around it.
  func document(snapshot: String, before: String = #""a": 1"#, after: String = "") -> [UInt8] {
    Array("{\(before), \"snapshot\": \(snapshot)\(after)}".utf8)
  }

  /// A snapshot-like object of about 2 KB, with `extra` members.
  func snapshot(_ extra: String = "") -> String {
    let items = (0..<40).map { #"{"id": "ITEM-\#($0)", "text": "Đeo thẻ công chức \#($0)", "weight": 1}"# }
    return #"{"id": "test", "items": [\#(items.joined(separator: ", "))]\#(extra)}"#
  }

  /// What the reader gives for `bytes`: the document, or the error's description.
  func outcome(
    _ bytes: [UInt8], memo: JSONValueMemo? = nil
  ) -> Result<(JSONValue, Bool, Bool), JSONReader.SyntaxError> {
    Result { () throws(JSONReader.SyntaxError) in
      let document = try JSONReader.parseDocument(bytes, memo: memo)
      return (document.value, document.hasInexactNumbers, document.hasDuplicateKeys)
    }
  }

  /// Whether `bytes` reads the same with `memo` as without one.
  func readsTheSame(_ bytes: [UInt8], memo: JSONValueMemo, sourceLocation: SourceLocation = #_sourceLocation)
  {
    switch (outcome(bytes, memo: memo), outcome(bytes)) {
    case (.success(let remembered), .success(let fresh)):
      #expect(remembered.0 == fresh.0, sourceLocation: sourceLocation)
      #expect(remembered.1 == fresh.1, "inexact numbers", sourceLocation: sourceLocation)
      #expect(remembered.2 == fresh.2, "duplicate keys", sourceLocation: sourceLocation)
    case (.failure(let remembered), .failure(let fresh)):
      #expect(remembered == fresh, sourceLocation: sourceLocation)
    case (let remembered, let fresh):
      Issue.record("with a memo \(remembered), without \(fresh)", sourceLocation: sourceLocation)
    }
  }

  @Test("the second reading of the same bytes takes the remembered value, and gives what parsing gives")
  func sameBytesGiveTheRememberedValue() throws {
    let memo = JSONValueMemo(members: ["snapshot"])
    let bytes = document(snapshot: snapshot())
    readsTheSame(bytes, memo: memo)
    #expect(memo.count == 1)
    let first = try JSONReader.parseDocument(bytes, memo: memo).value
    let second = try JSONReader.parseDocument(bytes, memo: memo).value
    #expect(first == second)
    #expect(memo.count == 1)
    // Taken, not parsed again: the very storage of the first reading.
    guard case .object(let one)? = first["snapshot"], case .object(let other)? = second["snapshot"] else {
      Issue.record("no snapshot object")
      return
    }
    #expect(
      one.withUnsafeBufferPointer { $0.baseAddress } == other.withUnsafeBufferPointer { $0.baseAddress })
  }

  @Test("other bytes are parsed, whatever the remembered value shares with them")
  func otherBytesAreParsed() {
    let memo = JSONValueMemo(members: ["snapshot"])
    readsTheSame(document(snapshot: snapshot()), memo: memo)
    // One byte changed inside; the same value followed by more members; other members around it.
    readsTheSame(
      document(snapshot: snapshot().replacingOccurrences(of: "ITEM-7", with: "ITEM-8")), memo: memo)
    readsTheSame(document(snapshot: snapshot(), after: #", "b": [true, null]"#), memo: memo)
    readsTheSame(document(snapshot: snapshot(), before: #""a": 2, "c": "Hà Nội""#), memo: memo)
    // A remembered value cut short, or followed by what is not JSON: the same error, at the same place.
    let whole = document(snapshot: snapshot())
    readsTheSame(Array(whole.prefix(whole.count - 2)), memo: memo)
    readsTheSame(document(snapshot: snapshot(), after: " x"), memo: memo)
    readsTheSame(document(snapshot: snapshot() + " 1"), memo: memo)
    // The same bytes one level deeper are a value of another depth: parsed, then remembered too.
    let deeper = Array("{\"outer\": \(String(decoding: document(snapshot: snapshot()), as: UTF8.self))}".utf8)
    readsTheSame(deeper, memo: memo)
    readsTheSame(deeper, memo: memo)
    #expect(memo.count == 3)
  }

  @Test("the notes on numbers and keys are the value's own, given again with it")
  func notesComeBackWithTheValue() {
    let memo = JSONValueMemo(members: ["snapshot"])
    let inexact = document(snapshot: snapshot(#", "weight": 3.0"#))
    let duplicated = document(snapshot: snapshot(#", "id": "again""#))
    for bytes in [inexact, duplicated, inexact, duplicated] { readsTheSame(bytes, memo: memo) }
    // Around a plain remembered value, notes the rest of the document gives are kept.
    let plain = snapshot()
    readsTheSame(document(snapshot: plain), memo: memo)
    for around in [#""a": 1e2"#, #""a": 1, "a": 2"#, #""a": 9007199254740993"#] {
      readsTheSame(document(snapshot: plain, before: around), memo: memo)
    }
    // A duplicate before the remembered value does not hide one inside the next.
    readsTheSame(document(snapshot: snapshot(#", "id": "again""#), before: #""a": 1, "a": 2"#), memo: memo)
  }

  @Test("short and long values, other members and values past the capacity are not remembered")
  func whatIsKept() throws {
    let memo = JSONValueMemo(members: ["snapshot"], minimumSize: 1024, maximumSize: 4096, capacity: 3)
    readsTheSame(document(snapshot: #"{"id": "short"}"#), memo: memo)
    readsTheSame(Array("{\"other\": \(snapshot())}".utf8), memo: memo)
    // A value over the maximum (a hostile file's) is parsed each time, never held.
    let long = snapshot(", \"padding\": \"" + String(repeating: "x", count: 4096) + "\"")
    readsTheSame(document(snapshot: long), memo: memo)
    readsTheSame(document(snapshot: long), memo: memo)
    #expect(memo.count == 0)
    for index in 0..<5 {
      readsTheSame(document(snapshot: snapshot(#", "n": \#(index)"#)), memo: memo)
    }
    #expect(memo.count == 3)
    // The oldest went first: the newest are still given back.
    readsTheSame(document(snapshot: snapshot(#", "n": 4"#)), memo: memo)
    readsTheSame(document(snapshot: snapshot(#", "n": 0"#)), memo: memo)
    #expect(memo.count == 3)
  }

  @Test("every export the tests read reads the same through the exports' memo, twice")
  func realExportsReadTheSame() throws {
    for (_, data) in try ExportReadingTests.realFiles() {
      let bytes = Array(data)
      readsTheSame(bytes, memo: AuditExport.snapshotMemo)
      readsTheSame(bytes, memo: AuditExport.snapshotMemo)
    }
  }
}
