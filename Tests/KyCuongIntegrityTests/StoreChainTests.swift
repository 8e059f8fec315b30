import Foundation
import KyCuong
import KyCuongIntegrity
import KyCuongREPL
import KyCuongStore
import KyCuongTestSupport
import Testing

@Suite("The store writes chained logs")
struct StoreChainTests {
  @Test("create, append, close, reopen and append again: one intact chain")
  func chainAcrossOpens() throws {
    let folder = try Sample.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let full = try Sample.audit()
    var audit = try Audit(replaying: Array(full.events.prefix(1)))
    let store = AuditStore(directory: folder)
    try store.create(audit)
    for event in full.events.dropFirst().prefix(3) {
      try store.append(event, to: audit.id)
    }
    store.close(audit.id)
    let again = AuditStore(directory: folder)
    let opened = try again.open(audit.id)
    #expect(opened.damage.isEmpty)
    for event in full.events.dropFirst(4) { try again.append(event, to: audit.id) }
    audit = try again.open(audit.id, readOnly: true).audit
    #expect(audit == full)
    let log = try Data(contentsOf: store.logURL(for: audit.id))
    #expect(log == (try Sample.chainedLog(full)))
    #expect(LogChain.verify(log).isIntact)
  }

  @Test("appending to a version 1 log chains the new events from its last line")
  func upgradesVersion1() throws {
    let folder = try Sample.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let full = try Sample.audit()
    let store = AuditStore(directory: folder)
    let old = try Sample.version1Log(try Audit(replaying: Array(full.events.prefix(3))))
    try old.write(to: store.logURL(for: full.id))
    _ = try store.open(full.id)
    for event in full.events.dropFirst(3) { try store.append(event, to: full.id) }
    let log = try Data(contentsOf: store.logURL(for: full.id))
    let result = LogChain.verify(log)
    #expect(result.problems.isEmpty)
    #expect(result.unchainedEvents == 3)
    #expect(result.chainedEvents == full.events.count - 3)
    #expect(try EventLog.audit(from: log).audit == full)
  }

  @Test("a crash-cut last line is repaired and the chain goes on from the last complete line")
  func afterTruncatedTail() throws {
    let folder = try Sample.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let full = try Sample.audit()
    let store = AuditStore(directory: folder)
    var log = try Sample.chainedLog(try Audit(replaying: Array(full.events.prefix(4))))
    log.append(Data(#"{"by":"Nguyễn"#.utf8))
    try log.write(to: store.logURL(for: full.id))
    let opened = try store.open(full.id)
    #expect(opened.repair == .truncated(bytes: 15))
    for event in full.events.dropFirst(4) { try store.append(event, to: full.id) }
    let repaired = try Data(contentsOf: store.logURL(for: full.id))
    #expect(LogChain.verify(repaired).isIntact)
  }
}

@Suite("Opening a changed log")
struct StoreTamperTests {
  @Test("resuming a log whose line was changed reports the line that does not match")
  func reportsTampering() throws {
    let folder = try Sample.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let audit = try Sample.audit()
    let store = AuditStore(directory: folder)
    let text = String(decoding: try Sample.chainedLog(audit), as: UTF8.self)
    try Data(text.replacingOccurrences(of: "Không có sổ", with: "Có sổ đầy đủ").utf8)
      .write(to: store.logURL(for: audit.id))
    let opened = try store.open(audit.id, readOnly: true)
    // Every line still reads as an event: the change is a break of the chain, not damage.
    #expect(opened.damage.isEmpty)
    #expect(opened.chainBreaks.count == 2)  // its own `sum`, and the next line's `prev`
    #expect(opened.chainBreaks.map(\.kind) == [.sumMismatch, .previousMismatch(previousLine: 5)])
    #expect(opened.chainBreaks.map(\.line) == [5, 6])
    #expect(
      opened.chainBreaks.first?.description.hasPrefix("line 5 (event 5): `sum` does not match") == true,
      "\(opened.chainBreaks)")
  }
}
