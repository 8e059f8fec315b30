import Foundation
import KyCuong
import KyCuongIntegrity

/// What the leader hands a member so they can join a team audit on their own device
/// (`kycuong audit invite`, then `kycuong audit join FILE`): the audit's first log line, exactly, which
/// holds its header and checklist snapshot, and who is invited.
///
/// It holds nothing secret: the member's log starts with the same line, so every device's log of the audit
/// begins with the same bytes and the merge (``/KyCuong/TeamMerge``) knows them for one audit.
public struct TeamInvitation: Hashable, Sendable, Codable {
  /// The format of the file: `kycuong-team-invitation/1`.
  public static let currentFormat = "kycuong-team-invitation/1"

  /// ``currentFormat``.
  public var format: String
  /// The audit's id.
  public var audit: String
  /// Who is invited: a member of the audit's team.
  public var member: String
  /// Who invited them: the leader.
  public var invitedBy: String
  /// When.
  public var invitedAt: Date
  /// The leader's first log line (the chained `started` event), without its newline.
  public var startedLine: String

  /// Creates an invitation.
  ///
  /// - Parameters:
  ///   - audit: The audit's id.
  ///   - member: Who is invited.
  ///   - invitedBy: The leader.
  ///   - invitedAt: When.
  ///   - startedLine: The leader's first log line.
  public init(audit: String, member: String, invitedBy: String, invitedAt: Date, startedLine: String) {
    self.format = Self.currentFormat
    self.audit = audit
    self.member = member
    self.invitedBy = invitedBy
    self.invitedAt = invitedAt
    self.startedLine = startedLine
  }

  /// The started audit the invitation holds, checked: a chained first line whose `started` event is of
  /// ``audit``, with ``member`` in its team.
  ///
  /// - Returns: The audit as it started, and the exact bytes of its first line.
  /// - Throws: A description of what is wrong.
  public func started() throws(InvitationProblem) -> (audit: Audit, line: Data) {
    guard format == Self.currentFormat else {
      throw InvitationProblem("its format is \"\(format)\", not \"\(Self.currentFormat)\"")
    }
    let line = Data(startedLine.utf8)
    let (verification, replayed) = LogChain.verifyAndReplay(line + Data([UInt8(ascii: "\n")]))
    guard verification.isIntact, let audit = replayed, audit.events.count == 1 else {
      throw InvitationProblem(
        "its started line is not a chained first line of an audit log: "
          + (verification.problems.first.map { "\($0)" } ?? "it holds \(replayed?.events.count ?? 0) events"))
    }
    guard audit.id == self.audit else {
      throw InvitationProblem("it names audit \(self.audit), but its started line is of audit \(audit.id)")
    }
    guard audit.header.team.people.contains(where: { $0.name == member }), member != audit.header.team.leader
    else {
      throw InvitationProblem(
        "\(member) is not a member of the audit's team (the leader records on the audit itself)")
    }
    return (audit, line)
  }

  /// Reads an invitation file's JSON.
  ///
  /// - Parameter data: The file's bytes.
  /// - Throws: A description of what is wrong.
  public init(data: Data) throws(InvitationProblem) {
    do {
      self = try JSONCoding.decoder().decode(TeamInvitation.self, from: data)
    } catch {
      throw InvitationProblem("it is not an invitation's JSON: \(error)")
    }
  }

  /// The invitation as JSON, keys sorted, for the file the leader hands over.
  public func jsonData() throws -> Data { try JSONCoding.encoder(pretty: true).encode(self) }
}

/// Why an invitation cannot be used.
public struct InvitationProblem: Error, Hashable, Sendable, CustomStringConvertible {
  /// What is wrong.
  public var description: String

  /// Says what is wrong.
  ///
  /// - Parameter description: What is wrong.
  public init(_ description: String) { self.description = description }
}
