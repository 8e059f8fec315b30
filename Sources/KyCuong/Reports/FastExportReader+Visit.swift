import Foundation
import KyCuongAudit
import KyCuongExport
import KyCuongModel
import KyCuongSupport

extension FastExportReader {
  /// `audit` (``AuditExport/Visit``): what the facts need of it, every other member checked.
  struct VisitFacts {
    var id: String
    var unit: String
    var startedAt: Date
    var finished: Bool
    var eventCount: Int
    var context: AuditContext?

    static func read(_ scanner: inout JSONScanner, depth: Int) -> VisitFacts? {
      var id: String?
      var unit: String?
      var team = false
      var visitType: VisitType?
      var startedAt: Date?
      var finished = false
      var eventCount: Int?
      var context: AuditContext?
      let read = scanner.object(depth: depth) { scanner, key in
        switch key.count {
        case 2 where scanner.matches(key, "id"):
          id = scanner.readString()
          return id != nil
        case 4 where scanner.matches(key, "unit"):
          unit = Fields.unit(&scanner, depth: depth + 1)
          return unit != nil
        case 4 where scanner.matches(key, "team"):
          team = Fields.team(&scanner, depth: depth + 1)
          return team
        case 9 where scanner.matches(key, "visitType"):
          visitType = scanner.readEnum(Names.visitTypes)
          return visitType != nil
        case 9 where scanner.matches(key, "startedAt"):
          startedAt = scanner.readDate()
          return startedAt != nil
        case 10 where scanner.matches(key, "finishedAt"):
          if scanner.null() { return true }
          finished = true
          return scanner.readDate() != nil
        case 10 where scanner.matches(key, "eventCount"):
          eventCount = scanner.readInt()
          return eventCount != nil
        case 7 where scanner.matches(key, "context"):
          if scanner.null() { return true }
          context = Fields.context(&scanner, depth: depth + 1)
          return context != nil
        default:
          return scanner.skipValue(depth: depth + 1)
        }
      }
      guard read, let id, let unit, team, visitType != nil, let startedAt, let eventCount else { return nil }
      return VisitFacts(
        id: id, unit: unit, startedAt: startedAt, finished: finished, eventCount: eventCount, context: context
      )
    }
  }

  /// `checklist` (``AuditExport/ChecklistReference``): id, version, title, digest and the snapshot.
  struct Reference {
    var id: String
    var version: String
    var title: LocalizedText
    var snapshot: SnapshotCache.Entry

    static func read(_ scanner: inout JSONScanner, depth: Int, cache: SnapshotCache) -> Reference? {
      var id: String?
      var version: String?
      var title: LocalizedText?
      var digest = false
      var snapshot: SnapshotCache.Entry?
      let read = scanner.object(depth: depth) { scanner, key in
        switch key.count {
        case 2 where scanner.matches(key, "id"):
          id = scanner.readString()
          return id != nil
        case 7 where scanner.matches(key, "version"):
          version = scanner.readString()
          return version != nil
        case 5 where scanner.matches(key, "title"):
          title = Fields.localized(&scanner, depth: depth + 1)
          return title != nil
        case 6 where scanner.matches(key, "digest"):
          digest = scanner.skipString()
          return digest
        case 8 where scanner.matches(key, "snapshot"):
          scanner.skipWhitespace()
          snapshot = cache.match(&scanner) ?? cache.read(&scanner, depth: depth + 1)
          return snapshot != nil
        default:
          return scanner.skipValue(depth: depth + 1)
        }
      }
      guard read, let id, let version, let title, digest, let snapshot else { return nil }
      return Reference(id: id, version: version, title: title, snapshot: snapshot)
    }
  }
}
