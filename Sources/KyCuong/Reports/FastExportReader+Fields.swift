import Foundation
import KyCuongAudit
import KyCuongExport
import KyCuongModel
import KyCuongSupport

extension FastExportReader {
  /// Readers of the export's smaller types, each accepting exactly what its `Decodable` conformance accepts
  /// (members in any order, unknown ones ignored, an optional one missing or `null`).
  enum Fields {
    /// `InspectedUnit`: its name; `address` and `representative` checked.
    static func unit(_ scanner: inout JSONScanner, depth: Int) -> String? {
      var name: String?
      let read = scanner.object(depth: depth) { scanner, key in
        if scanner.matches(key, "name") {
          name = scanner.readString()
          return name != nil
        }
        if scanner.matches(key, "address") || scanner.matches(key, "representative") {
          return scanner.null() || scanner.skipString()
        }
        return scanner.skipValue(depth: depth + 1)
      }
      return read ? name : nil
    }

    /// `InspectionTeam`: a leader and members.
    static func team(_ scanner: inout JSONScanner, depth: Int) -> Bool {
      var leader = false
      var members = false
      let read = scanner.object(depth: depth) { scanner, key in
        if scanner.matches(key, "leader") {
          leader = scanner.skipString()
          return leader
        }
        if scanner.matches(key, "members") {
          members = scanner.checkArray(depth: depth + 1) { $0.skipString() }
          return members
        }
        return scanner.skipValue(depth: depth + 1)
      }
      return read && leader && members
    }

    /// `AuditContext`.
    static func context(_ scanner: inout JSONScanner, depth: Int) -> AuditContext? {
      var province: String?
      var level: GovernmentLevel?
      var oneStopDesk: Bool?
      let read = scanner.object(depth: depth) { scanner, key in
        if scanner.matches(key, "province") {
          province = scanner.readString()
          return province != nil
        }
        if scanner.matches(key, "level") {
          level = scanner.readEnum(Names.levels)
          return level != nil
        }
        if scanner.matches(key, "oneStopDesk") {
          oneStopDesk = scanner.readBool()
          return oneStopDesk != nil
        }
        return scanner.skipValue(depth: depth + 1)
      }
      guard read, let province, let level, let oneStopDesk else { return nil }
      return AuditContext(province: province, level: level, oneStopDesk: oneStopDesk)
    }

    /// `LocalizedText`: `vi`, and `en` if given.
    static func localized(_ scanner: inout JSONScanner, depth: Int) -> LocalizedText? {
      var vi: String?
      var en: String?
      let read = scanner.object(depth: depth) { scanner, key in
        if scanner.matches(key, "vi") {
          vi = scanner.readString()
          return vi != nil
        }
        if scanner.matches(key, "en") {
          if scanner.null() { return true }
          en = scanner.readString()
          return en != nil
        }
        return scanner.skipValue(depth: depth + 1)
      }
      guard read, let vi else { return nil }
      return LocalizedText(vi: vi, en: en)
    }

    /// Members that are each a string, all required (`Remark`'s text and author, a signature's fields), and
    /// dates, all required; everything else skipped.
    static func strings(
      _ scanner: inout JSONScanner, depth: Int, _ names: [StaticString], dates: [StaticString] = [],
      integers: [StaticString] = []
    ) -> Bool {
      var missing = names.count + dates.count + integers.count
      let read = scanner.object(depth: depth) { scanner, key in
        for name in names where scanner.matches(key, name) {
          missing -= 1
          return scanner.skipString()
        }
        for name in dates where scanner.matches(key, name) {
          missing -= 1
          return scanner.readDate() != nil
        }
        for name in integers where scanner.matches(key, name) {
          missing -= 1
          return scanner.readInt() != nil
        }
        return scanner.skipValue(depth: depth + 1)
      }
      return read && missing == 0
    }

    /// `Remark`: text, by, at.
    static func remark(_ scanner: inout JSONScanner, depth: Int) -> Bool {
      strings(&scanner, depth: depth, remarkNames, dates: atName)
    }

    /// `Attachment`: path, size, sha256, by, at.
    static func attachment(_ scanner: inout JSONScanner, depth: Int) -> Bool {
      strings(&scanner, depth: depth, attachmentNames, dates: atName, integers: sizeName)
    }

    /// `AuditExport.Integrity`: two digests, an optional third, an optional signature.
    static func integrity(_ scanner: inout JSONScanner, depth: Int) -> Bool {
      var missing = 2
      let read = scanner.object(depth: depth) { scanner, key in
        if scanner.matches(key, "chainHead") || scanner.matches(key, "snapshotDigest") {
          missing -= 1
          return scanner.skipString()
        }
        if scanner.matches(key, "exportDigest") { return scanner.null() || scanner.skipString() }
        if scanner.matches(key, "signature") {
          return scanner.null()
            || strings(&scanner, depth: depth + 1, signatureNames, dates: signedAtName)
        }
        return scanner.skipValue(depth: depth + 1)
      }
      return read && missing == 0
    }

    static let remarkNames: [StaticString] = ["text", "by"]
    static let attachmentNames: [StaticString] = ["path", "sha256", "by"]
    static let signatureNames: [StaticString] = ["algorithm", "publicKey", "signer", "digest", "value"]
    static let atName: [StaticString] = ["at"]
    static let sizeName: [StaticString] = ["size"]
    static let signedAtName: [StaticString] = ["signedAt"]
  }
}

extension AuditFacts.CorrectiveActionFact {
  /// A corrective action (`CorrectiveAction`): what, owner, due and item kept; by and at checked.
  static func read(_ scanner: inout JSONScanner, depth: Int) -> Self? {
    var what: String?
    var owner: String?
    var due: CalendarDate?
    var item: ItemID?
    var by = false
    var at = false
    let read = scanner.object(depth: depth) { scanner, key in
      switch key.count {
      case 4 where scanner.matches(key, "what"):
        what = scanner.readString()
        return what != nil
      case 5 where scanner.matches(key, "owner"):
        owner = scanner.readString()
        return owner != nil
      case 3 where scanner.matches(key, "due"):
        due = scanner.readDay()
        return due != nil
      case 4 where scanner.matches(key, "item"):
        if scanner.null() { return true }
        item = scanner.readString().map { ItemID($0) }
        return item != nil
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
    guard read, let what, let owner, let due, by, at else { return nil }
    return Self(what: what, owner: owner, due: due, item: item)
  }
}
