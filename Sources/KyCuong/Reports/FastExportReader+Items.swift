import Foundation
import KyCuongAudit
import KyCuongExport
import KyCuongModel
import KyCuongSupport

extension FastExportReader {
  /// `items`, each checked against the snapshot's item at its position as `AuditExport(data:)` checks it:
  /// the same id, section, kind, weight, critical flag and tags; an answer its kind takes; a status that
  /// agrees with its fields; earlier answers its kind takes.
  struct ItemsFacts {
    var states: [ItemID: ItemState]
    var stored: [AuditExport.StoredFigures.Item]

    static func read(_ scanner: inout JSONScanner, depth: Int, snapshot: SnapshotCache.Entry) -> ItemsFacts? {
      let expected = snapshot.expected
      var states: [ItemID: ItemState] = [:]
      states.reserveCapacity(expected.count)
      var stored: [AuditExport.StoredFigures.Item] = []
      stored.reserveCapacity(expected.count)
      let read = scanner.array(depth: depth) { scanner in
        // More items than the snapshot has: one is not in the checklist.
        guard stored.count < expected.count,
          let item = ItemFacts.read(&scanner, depth: depth + 1, expected: expected[stored.count])
        else { return false }
        states[item.id] = item.state
        stored.append(item)
        return true
      }
      return read ? ItemsFacts(states: states, stored: stored) : nil
    }
  }

  /// One item (`AuditExport.ExportedItem`).
  enum ItemFacts {
    static func read(
      _ scanner: inout JSONScanner, depth: Int, expected: SnapshotCache.Entry.Expected
    ) -> AuditExport.StoredFigures.Item? {
      let item = expected.item
      var same = Same()
      var applicable: Bool?
      var status: ItemStatus?
      var outcome: Outcome?
      var skipReason: String?
      var score: Double?
      var lists = Lists()
      let read = scanner.object(depth: depth) { scanner, key in
        switch key.count {
        case 2 where scanner.matches(key, "id"):
          same.insert(.id)
          return scanner.scanString().map { scanner.string($0, equals: item.id.rawValue) } ?? false
        case 7 where scanner.matches(key, "section"):
          same.insert(.section)
          return scanner.scanString().map { scanner.string($0, equals: expected.section) } ?? false
        case 4 where scanner.matches(key, "kind"):
          same.insert(.kind)
          return scanner.readEnum(Names.kinds) == item.kind.name
        case 6 where scanner.matches(key, "weight"):
          same.insert(.weight)
          return scanner.readDouble() == item.weight
        case 8 where scanner.matches(key, "critical"):
          same.insert(.critical)
          return scanner.readBool() == item.critical
        case 4 where scanner.matches(key, "tags"):
          same.insert(.tags)
          var position = 0
          let tags = item.tags
          let listed = scanner.array(depth: depth + 1) { scanner in
            guard position < tags.count, let token = scanner.scanString(),
              scanner.string(token, equals: tags[position])
            else { return false }
            position += 1
            return true
          }
          return listed && position == tags.count
        case 10 where scanner.matches(key, "applicable"):
          applicable = scanner.readBool()
          return applicable != nil
        case 6 where scanner.matches(key, "status"):
          status = scanner.readEnum(Names.statuses)
          return status != nil
        case 7 where scanner.matches(key, "outcome"):
          if scanner.null() { return true }
          outcome = OutcomeFacts.read(&scanner, depth: depth + 1)
          return outcome != nil
        case 10 where scanner.matches(key, "skipReason"):
          if scanner.null() { return true }
          skipReason = scanner.readString()
          return skipReason != nil
        case 5 where scanner.matches(key, "score"):
          if scanner.null() { return true }
          score = scanner.readDouble()
          return score != nil
        case 6 where scanner.matches(key, "remark"), 2 where scanner.matches(key, "by"):
          return scanner.null() || scanner.skipString()
        case 2 where scanner.matches(key, "at"):
          return scanner.null() || scanner.readDate() != nil
        case 5 where scanner.matches(key, "notes"):
          lists.insert(.notes)
          return scanner.checkArray(depth: depth + 1) { Fields.remark(&$0, depth: depth + 2) }
        case 12 where scanner.matches(key, "explanations"):
          lists.insert(.explanations)
          return scanner.checkArray(depth: depth + 1) { Fields.remark(&$0, depth: depth + 2) }
        case 11 where scanner.matches(key, "attachments"):
          lists.insert(.attachments)
          return scanner.checkArray(depth: depth + 1) { Fields.attachment(&$0, depth: depth + 2) }
        case 7 where scanner.matches(key, "history"):
          lists.insert(.history)
          return scanner.checkArray(depth: depth + 1) {
            OutcomeFacts.override(&$0, depth: depth + 2, kind: item.kind)
          }
        default:
          return scanner.skipValue(depth: depth + 1)
        }
      }
      guard read, same == .all, lists == [.notes, .explanations, .attachments, .history], let applicable,
        let status
      else { return nil }
      let state: ItemState
      switch status {
      case .answered:
        guard let outcome, outcome.problem(for: item.kind) == nil else { return nil }
        state = .answered(outcome)
      case .skipped:
        guard let skipReason, !skipReason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
          return nil
        }
        state = .skipped(reason: skipReason)
      case .unanswered:
        guard outcome == nil else { return nil }
        state = .unanswered
      }
      return AuditExport.StoredFigures.Item(id: item.id, state: state, applicable: applicable, score: score)
    }

    /// The members that must be there and equal the snapshot's.
    struct Same: OptionSet {
      let rawValue: UInt8
      static let id = Same(rawValue: 1)
      static let section = Same(rawValue: 2)
      static let kind = Same(rawValue: 4)
      static let weight = Same(rawValue: 8)
      static let critical = Same(rawValue: 16)
      static let tags = Same(rawValue: 32)
      static let all: Same = [.id, .section, .kind, .weight, .critical, .tags]
    }

    /// The lists an item must have (empty or not).
    struct Lists: OptionSet {
      let rawValue: UInt8
      static let notes = Lists(rawValue: 1)
      static let explanations = Lists(rawValue: 2)
      static let attachments = Lists(rawValue: 4)
      static let history = Lists(rawValue: 8)
    }
  }

  /// `Outcome`: `{"type": …}` and the values its type has, which may come before the type.
  enum OutcomeFacts {
    static func read(_ scanner: inout JSONScanner, depth: Int) -> Outcome? {
      var type: String?
      var compliant: Int?
      var observed: Int?
      var value: Int?
      var text: String?
      let read = scanner.object(depth: depth) { scanner, key in
        switch key.count {
        case 4 where scanner.matches(key, "type"):
          type = scanner.readString()
          return type != nil
        // The values are read as the types they have for the outcomes that use them; an outcome of another
        // type ignores them, so they need only be JSON (`nil` here is not a refusal, only "not that type").
        case 9 where scanner.matches(key, "compliant"):
          return number(&scanner, into: &compliant, depth: depth)
        case 8 where scanner.matches(key, "observed"): return number(&scanner, into: &observed, depth: depth)
        case 5 where scanner.matches(key, "value"): return number(&scanner, into: &value, depth: depth)
        case 4 where scanner.matches(key, "text"):
          let start = scanner.index
          if let token = scanner.scanString() {
            text = scanner.string(token)
            return true
          }
          scanner.index = start
          return scanner.skipValue(depth: depth + 1)
        default:
          return scanner.skipValue(depth: depth + 1)
        }
      }
      guard read, let type else { return nil }
      switch type {
      case "pass": return .pass
      case "partial": return .partial
      case "fail": return .fail
      case "notApplicable": return .notApplicable
      case "observation":
        guard let compliant, let observed else { return nil }
        return .observation(compliant: compliant, observed: observed)
      case "scale": return value.map(Outcome.scale)
      case "text": return text.map(Outcome.text)
      case "yes": return .yes
      case "no": return .no
      default: return nil
      }
    }

    /// Reads an integer into `slot` when the value is one written plainly; any other JSON value is skipped,
    /// leaving `slot` empty (an outcome that needs it is then left to the full reader).
    static func number(_ scanner: inout JSONScanner, into slot: inout Int?, depth: Int) -> Bool {
      let start = scanner.index
      if let token = scanner.scanNumber() {
        slot = scanner.integer(token)
        return true
      }
      scanner.index = start
      return scanner.skipValue(depth: depth + 1)
    }

    /// `AnswerOverride`: the new answer and the old, each one `kind` takes; by and at.
    static func override(_ scanner: inout JSONScanner, depth: Int, kind: ItemKind) -> Bool {
      var new = false
      var by = false
      var at = false
      let read = scanner.object(depth: depth) { scanner, key in
        switch key.count {
        case 3 where scanner.matches(key, "new"):
          new = OutcomeFacts.read(&scanner, depth: depth + 1).map { $0.problem(for: kind) == nil } ?? false
          return new
        case 3 where scanner.matches(key, "old"):
          return scanner.null()
            || OutcomeFacts.read(&scanner, depth: depth + 1).map { $0.problem(for: kind) == nil } ?? false
        case 13 where scanner.matches(key, "oldSkipReason"), 6 where scanner.matches(key, "remark"):
          return scanner.null() || scanner.skipString()
        case 2 where scanner.matches(key, "by"):
          by = scanner.skipString()
          return by
        case 2 where scanner.matches(key, "at"):
          at = scanner.readDate() != nil
          return at
        default:
          return scanner.skipValue(depth: depth + 1)
        }
      }
      return read && new && by && at
    }
  }
}
