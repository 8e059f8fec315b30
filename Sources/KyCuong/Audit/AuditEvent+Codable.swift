import Foundation
import KyCuongModel
import KyCuongSupport

extension AuditEvent: Codable {
  /// The latest version of the event format this library writes. Version 1: `v`, `seq`, `time`, `by`, `type`
  /// and the fields of the type. Version 2 (hash chain) adds `prev` and `sum` (``previousDigest``,
  /// ``lineDigest``); an event without them is still written as version 1. Readers ignore fields they do not
  /// know, so files of version 1 stay readable.
  public static let formatVersion = 2

  private enum CodingKeys: String, CodingKey {
    case v, seq, time, by, type, prev, sum
    case header, item, outcome, remark, reason, text, attachment, what, owner, due, name, speaker, title
    case count, event, pages, copies, signer, key, device, settles
  }

  /// Reads one event line.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let version = try container.decode(Int.self, forKey: .v)
    guard version >= 1 else {
      throw DecodingError.dataCorruptedError(
        forKey: .v, in: container, debugDescription: "unknown event version \(version)")
    }
    sequence = try container.decode(Int.self, forKey: .seq)
    if version >= 2 {
      previousDigest = try container.decode(String.self, forKey: .prev)
      lineDigest = try container.decode(String.self, forKey: .sum)
    } else {
      previousDigest = nil
      lineDigest = nil
    }
    time = try container.decode(Date.self, forKey: .time)
    author = try container.decode(String.self, forKey: .by)
    let type = try container.decode(String.self, forKey: .type)
    switch type {
    case "started": change = .started(try container.decode(AuditHeader.self, forKey: .header))
    case "answered":
      change = .answered(
        item: try container.decode(ItemID.self, forKey: .item),
        outcome: try container.decode(Outcome.self, forKey: .outcome),
        remark: try container.decodeIfPresent(String.self, forKey: .remark))
    case "skipped":
      change = .skipped(
        item: try container.decode(ItemID.self, forKey: .item),
        reason: try container.decode(String.self, forKey: .reason))
    case "noted":
      change = .noted(
        item: try container.decodeIfPresent(ItemID.self, forKey: .item),
        text: try container.decode(String.self, forKey: .text))
    case "attached":
      change = .attached(
        item: try container.decodeIfPresent(ItemID.self, forKey: .item),
        attachment: try container.decode(Attachment.self, forKey: .attachment))
    case "explained":
      change = .explained(
        item: try container.decodeIfPresent(ItemID.self, forKey: .item),
        text: try container.decode(String.self, forKey: .text),
        speaker: try container.decodeIfPresent(String.self, forKey: .speaker))
    case "finding": change = .finding(text: try container.decode(String.self, forKey: .text))
    case "recommendation": change = .recommendation(text: try container.decode(String.self, forKey: .text))
    case "correctiveAction":
      change = .correctiveAction(
        what: try container.decode(String.self, forKey: .what),
        owner: try container.decode(String.self, forKey: .owner),
        due: try container.decode(CalendarDate.self, forKey: .due),
        item: try container.decodeIfPresent(ItemID.self, forKey: .item))
    case "representative":
      change = .representative(
        name: try container.decode(String.self, forKey: .name),
        title: try container.decodeIfPresent(String.self, forKey: .title))
    case "staffPresent": change = .staffPresent(count: try container.decode(Int.self, forKey: .count))
    case "retracted":
      change = .retracted(
        event: try container.decode(Int.self, forKey: .event),
        reason: try container.decode(String.self, forKey: .reason))
    case "finished": change = .finished
    case "reopened": change = .reopened(reason: try container.decode(String.self, forKey: .reason))
    case "recordDetails":
      change = .recordDetails(
        pages: try container.decode(Int.self, forKey: .pages),
        copies: try container.decode(Int.self, forKey: .copies))
    case "refusedToSign":
      change = .refusedToSign(
        name: try container.decode(String.self, forKey: .name),
        reason: try container.decode(String.self, forKey: .reason))
    case "signed":
      change = .signed(
        signer: try container.decode(String.self, forKey: .signer),
        keyFingerprint: try container.decodeIfPresent(String.self, forKey: .key))
    case "joined": change = .joined(device: try container.decode(String.self, forKey: .device))
    case "invited": change = .invited(member: try container.decode(String.self, forKey: .name))
    case "resolved":
      change = .resolved(
        item: try container.decode(ItemID.self, forKey: .item),
        outcome: try container.decodeIfPresent(Outcome.self, forKey: .outcome),
        reason: try container.decode(String.self, forKey: .reason),
        settles: try container.decode([EventReference].self, forKey: .settles))
    default:
      throw DecodingError.dataCorruptedError(
        forKey: .type, in: container, debugDescription: "unknown event type \"\(type)\"")
    }
  }

  /// Writes one event line.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(previousDigest == nil && lineDigest == nil ? 1 : Self.formatVersion, forKey: .v)
    try container.encode(sequence, forKey: .seq)
    try container.encodeIfPresent(previousDigest, forKey: .prev)
    try container.encodeIfPresent(lineDigest, forKey: .sum)
    try container.encode(time, forKey: .time)
    try container.encode(author, forKey: .by)
    try container.encode(change.typeName, forKey: .type)
    switch change {
    case .started(let header): try container.encode(header, forKey: .header)
    case .answered(let item, let outcome, let remark):
      try container.encode(item, forKey: .item)
      try container.encode(outcome, forKey: .outcome)
      try container.encodeIfPresent(remark, forKey: .remark)
    case .skipped(let item, let reason):
      try container.encode(item, forKey: .item)
      try container.encode(reason, forKey: .reason)
    case .noted(let item, let text):
      try container.encodeIfPresent(item, forKey: .item)
      try container.encode(text, forKey: .text)
    case .explained(let item, let text, let speaker):
      try container.encodeIfPresent(item, forKey: .item)
      try container.encode(text, forKey: .text)
      try container.encodeIfPresent(speaker, forKey: .speaker)
    case .attached(let item, let attachment):
      try container.encodeIfPresent(item, forKey: .item)
      try container.encode(attachment, forKey: .attachment)
    case .finding(let text), .recommendation(let text): try container.encode(text, forKey: .text)
    case .correctiveAction(let what, let owner, let due, let item):
      try container.encode(what, forKey: .what)
      try container.encode(owner, forKey: .owner)
      try container.encode(due, forKey: .due)
      try container.encodeIfPresent(item, forKey: .item)
    case .representative(let name, let title):
      try container.encode(name, forKey: .name)
      try container.encodeIfPresent(title, forKey: .title)
    case .staffPresent(let count): try container.encode(count, forKey: .count)
    case .retracted(let event, let reason):
      try container.encode(event, forKey: .event)
      try container.encode(reason, forKey: .reason)
    case .finished: break
    case .reopened(let reason): try container.encode(reason, forKey: .reason)
    case .recordDetails(let pages, let copies):
      try container.encode(pages, forKey: .pages)
      try container.encode(copies, forKey: .copies)
    case .refusedToSign(let name, let reason):
      try container.encode(name, forKey: .name)
      try container.encode(reason, forKey: .reason)
    case .signed(let signer, let keyFingerprint):
      try container.encode(signer, forKey: .signer)
      try container.encodeIfPresent(keyFingerprint, forKey: .key)
    case .joined(let device): try container.encode(device, forKey: .device)
    case .invited(let member): try container.encode(member, forKey: .name)
    case .resolved(let item, let outcome, let reason, let settles):
      try container.encode(item, forKey: .item)
      try container.encodeIfPresent(outcome, forKey: .outcome)
      try container.encode(reason, forKey: .reason)
      try container.encode(settles, forKey: .settles)
    }
  }
}
