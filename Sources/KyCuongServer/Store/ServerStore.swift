import Foundation
import HummingbirdBcrypt
import KyCuong
import KyCuongArchive
import KyCuongIntegrity
import KyCuongSync
import SQLKit

/// The department server's own records, in the archive's database (schema version 4): registered devices,
/// the nonces of accepted requests, people and their sessions, which team each audit belongs to, the
/// reviews, and the request log.
///
/// Every write is one transaction of the archive's connection, so that a push's audit and its team, or a
/// review and its log line, are stored together or not at all.
public struct ServerStore: Sendable {
  /// The archive the records live in.
  public let archive: DepartmentArchive

  /// The store of `archive`.
  public init(archive: DepartmentArchive) {
    self.archive = archive
  }

  // MARK: - Devices

  /// Registers `key` as a device of `team` with `role`.
  ///
  /// - Returns: The device as registered.
  /// - Throws: ``ServerStoreError`` when a device with that key is registered already (revoke it first to
  ///   change its team or role), or the database fails.
  @discardableResult
  public func registerDevice(
    _ key: PublicSigningKey, name: String, team: String, role: DeviceRole, addedBy: String,
    at time: Date = Date()
  ) async throws(ServerStoreError) -> ServerDevice {
    let device = ServerDevice(
      keyID: MessageSignature.keyID(of: key), publicKey: key, name: name, team: team, role: role,
      addedBy: addedBy, addedAt: Self.whole(time), revokedAt: nil)
    let added = try await write("registering the device \(device.keyID)") { db in
      if try await db.select().column("key_id").from("server_devices").where("key_id", .equal, device.keyID)
        .first() != nil
      {
        return false
      }
      try await db.insert(into: "server_devices")
        .columns("key_id", "public_key", "name", "team", "role", "added_by", "added_at")
        .values(
          device.keyID, key.rawRepresentation.base64EncodedString(), name, team, role.rawValue, addedBy,
          ArchiveTime.string(time)
        ).run()
      return true
    }
    guard added else {
      throw ServerStoreError(
        "the key \(device.keyID) is registered already; `kycuong server device list` shows it")
    }
    return device
  }

  /// Revokes the device with `keyID`: its requests are refused from now on.
  ///
  /// - Throws: ``ServerStoreError`` when no such device is registered or it is revoked already.
  public func revokeDevice(_ keyID: String, at time: Date = Date()) async throws(ServerStoreError) {
    guard let device = try await device(keyID), device.revokedAt == nil else {
      throw ServerStoreError("no registered device that is not revoked has the key \(keyID)")
    }
    try await write("revoking the device \(keyID)") { db in
      try await db.update("server_devices").set("revoked_at", to: ArchiveTime.string(time))
        .where("key_id", .equal, keyID).run()
    }
  }

  /// The device with `keyID`, revoked or not.
  public func device(_ keyID: String) async throws(ServerStoreError) -> ServerDevice? {
    try await read("reading the device \(keyID)") { db in
      try await db.select().column("*").from("server_devices").where("key_id", .equal, keyID).first()
        .map(Self.device)
    }
  }

  /// Every registered device, in the order they were registered.
  public func devices() async throws(ServerStoreError) -> [ServerDevice] {
    try await read("listing the devices") { db in
      try await db.select().column("*").from("server_devices").orderBy("added_at").orderBy("key_id").all()
        .map(Self.device)
    }
  }

  private static func device(_ row: any SQLRow) throws -> ServerDevice {
    let raw = Data(base64Encoded: try row.decode(column: "public_key", as: String.self)) ?? Data()
    let name = try row.decode(column: "name", as: String.self)
    let addedAt = try row.decode(column: "added_at", as: String.self)
    return ServerDevice(
      keyID: try row.decode(column: "key_id", as: String.self),
      publicKey: try PublicSigningKey(
        signer: name, createdAt: ArchiveTime.date(addedAt) ?? .distantPast, rawRepresentation: raw),
      name: name, team: try row.decode(column: "team", as: String.self),
      role: DeviceRole(rawValue: try row.decode(column: "role", as: String.self)) ?? .viewer,
      addedBy: try row.decode(column: "added_by", as: String.self),
      addedAt: ArchiveTime.date(addedAt) ?? .distantPast,
      revokedAt: try row.decodeNil(column: "revoked_at")
        ? nil : ArchiveTime.date(try row.decode(column: "revoked_at", as: String.self)))
  }

  // MARK: - Nonces

  /// Records that `keyID` used `nonce` in a request signed at `created`; `false` when it had used it
  /// before (a replay). Nonces older than `window` twice over are forgotten: a request that old is refused
  /// by its time before its nonce is looked at.
  public func recordNonce(
    _ nonce: String, keyID: String, created: Date, now: Date = Date(), window: TimeInterval
  ) async throws(ServerStoreError) -> Bool {
    try await write("recording a request's nonce") { db in
      try await db.delete(from: "server_nonces")
        .where("created_at", .lessThan, ArchiveTime.string(now.addingTimeInterval(-2 * window))).run()
      if try await db.select().column("nonce").from("server_nonces").where("key_id", .equal, keyID)
        .where("nonce", .equal, nonce).first() != nil
      {
        return false
      }
      try await db.insert(into: "server_nonces").columns("key_id", "nonce", "created_at")
        .values(keyID, nonce, ArchiveTime.string(created)).run()
      return true
    }
  }

  // MARK: - People and sessions

  /// Adds `name` with `password` (stored as its bcrypt hash), or changes the password and role of a person
  /// already there, ending their sessions.
  ///
  /// - Throws: ``ServerStoreError`` when the password is shorter than 10 characters or the database fails.
  public func setPerson(
    _ name: String, password: String, role: PersonRole, addedBy: String, at time: Date = Date(),
    cost: UInt8 = 12
  ) async throws(ServerStoreError) {
    guard !name.isEmpty, name.count <= 80, !name.contains(where: \.isNewline) else {
      throw ServerStoreError("a person's name is one line of 1 to 80 characters")
    }
    guard password.count >= 10 else {
      throw ServerStoreError("the password of \(name) must have at least 10 characters")
    }
    let passwordHash = Bcrypt.hash(password, cost: cost)
    try await write("adding the person \(name)") { db in
      if try await db.select().column("name").from("server_people").where("name", .equal, name).first() != nil
      {
        try await db.update("server_people").set("password_hash", to: passwordHash).set(
          "role", to: role.rawValue
        )
        .where("name", .equal, name).run()
        try await db.delete(from: "server_sessions").where("person", .equal, name).run()
      } else {
        try await db.insert(into: "server_people").columns(
          "name", "password_hash", "role", "added_by", "added_at"
        )
        .values(name, passwordHash, role.rawValue, addedBy, ArchiveTime.string(time)).run()
      }
    }
  }

  /// The person `name` and their password's hash.
  public func person(
    _ name: String
  ) async throws(ServerStoreError) -> (person: ServerPerson, passwordHash: String)? {
    try await read("reading the person \(name)") { db in
      guard
        let row = try await db.select().column("*").from("server_people").where("name", .equal, name).first()
      else { return nil }
      return (try Self.person(row), try row.decode(column: "password_hash", as: String.self))
    }
  }

  /// Every person, by name.
  public func people() async throws(ServerStoreError) -> [ServerPerson] {
    try await read("listing the people") { db in
      try await db.select().column("*").from("server_people").orderBy("name").all().map(Self.person)
    }
  }

  private static func person(_ row: any SQLRow) throws -> ServerPerson {
    ServerPerson(
      name: try row.decode(column: "name", as: String.self),
      role: PersonRole(rawValue: try row.decode(column: "role", as: String.self)) ?? .viewer,
      addedBy: try row.decode(column: "added_by", as: String.self),
      addedAt: ArchiveTime.date(try row.decode(column: "added_at", as: String.self)) ?? .distantPast)
  }

  /// Starts a session of `person` under the SHA-256 of its cookie's token.
  public func startSession(
    tokenSHA256: String, csrfToken: String, person: String, at time: Date = Date(), lasting: TimeInterval
  ) async throws(ServerStoreError) {
    try await write("starting a session") { db in
      try await db.delete(from: "server_sessions").where("expires_at", .lessThan, ArchiveTime.string(time))
        .run()
      try await db.insert(into: "server_sessions")
        .columns("token_sha256", "person", "csrf_token", "created_at", "expires_at")
        .values(
          tokenSHA256, person, csrfToken, ArchiveTime.string(time),
          ArchiveTime.string(time.addingTimeInterval(lasting))
        ).run()
    }
  }

  /// The person and CSRF token of the session whose token has `tokenSHA256`, unless it has expired.
  public func session(
    tokenSHA256: String, now: Date = Date()
  ) async throws(ServerStoreError) -> (person: ServerPerson, csrfToken: String)? {
    try await read("reading a session") { db in
      guard
        let row = try await db.select().column("*").from("server_sessions")
          .where("token_sha256", .equal, tokenSHA256).where(
            "expires_at", .greaterThan, ArchiveTime.string(now)
          )
          .first(),
        let person = try await db.select().column("*").from("server_people")
          .where("name", .equal, try row.decode(column: "person", as: String.self)).first()
      else { return nil }
      return (try Self.person(person), try row.decode(column: "csrf_token", as: String.self))
    }
  }

  /// Ends the session whose token has `tokenSHA256`.
  public func endSession(tokenSHA256: String) async throws(ServerStoreError) {
    try await write("ending a session") { db in
      try await db.delete(from: "server_sessions").where("token_sha256", .equal, tokenSHA256).run()
    }
  }

  // MARK: - Audits' teams

  /// The team of `auditID`, claimed for `team` by `device` when no team has it yet.
  ///
  /// - Returns: The audit's team (`team` when it was free or is `team`'s, another when it is another's), and
  ///   whether this call claimed it.
  public func claim(
    _ auditID: String, for team: String, by device: String, at time: Date = Date()
  ) async throws(ServerStoreError) -> (team: String, claimedNow: Bool) {
    try await write("recording the team of \(auditID)") { db in
      if let row = try await db.select().column("team").from("server_audits")
        .where("audit_id", .equal, auditID).first()
      {
        return (try row.decode(column: "team", as: String.self), false)
      }
      try await db.insert(into: "server_audits").columns("audit_id", "team", "pushed_by", "pushed_at")
        .values(auditID, team, device, ArchiveTime.string(time)).run()
      return (team, true)
    }
  }

  /// Gives up the claim ``claim(_:for:by:at:)`` made for a push the archive then refused: an audit the
  /// server does not hold belongs to no team.
  public func releaseClaim(_ auditID: String, of team: String) async throws(ServerStoreError) {
    try await write("releasing the team of \(auditID)") { db in
      try await db.delete(from: "server_audits").where("audit_id", .equal, auditID).where(
        "team", .equal, team
      )
      .run()
    }
  }

  /// The team of `auditID`, when it was pushed to the server.
  public func team(of auditID: String) async throws(ServerStoreError) -> String? {
    try await read("reading the team of \(auditID)") { db in
      try await db.select().column("team").from("server_audits").where("audit_id", .equal, auditID).first()?
        .decode(column: "team", as: String.self)
    }
  }

  /// The team of each audit pushed to the server, by audit id.
  public func teams() async throws(ServerStoreError) -> [String: String] {
    try await read("reading the audits' teams") { db in
      var teams: [String: String] = [:]
      for row in try await db.select().columns("audit_id", "team").from("server_audits").all() {
        teams[try row.decode(column: "audit_id", as: String.self)] = try row.decode(
          column: "team", as: String.self)
      }
      return teams
    }
  }

  // MARK: - Reviews

  /// Appends to the review log of `auditID`: a person's decision, or `received` when a push archived a new
  /// document of it (the audit is then waiting for review again).
  public func review(
    _ auditID: String, state: ReviewState, comment: String, reviewer: String, at time: Date = Date()
  ) async throws(ServerStoreError) {
    try await write("recording the review of \(auditID)") { db in
      try await Self.insertReview(
        auditID, state: state, comment: comment, reviewer: reviewer, at: time, on: db)
    }
  }

  private static func insertReview(
    _ auditID: String, state: ReviewState, comment: String, reviewer: String, at time: Date,
    on db: any SQLDatabase
  ) async throws {
    try await db.insert(into: "server_reviews").columns("audit_id", "state", "comment", "reviewer", "at")
      .values(auditID, state.rawValue, comment, reviewer, ArchiveTime.string(time)).run()
  }

  /// Archives a document `device` pushed (read already, ``/KyCuongArchive/ArchiveDocument/read(_:)``) and,
  /// in the same transaction when it is archived, appends `received` to the audit's review log and the push
  /// to the request log: after a crash, a document the server holds has both, and one it does not has
  /// neither.
  func archivePush(
    _ body: Data, reading: Result<ArchiveDocument, ImportRefusal>, fileName: String, by device: ServerDevice,
    at time: Date = Date()
  ) async throws(ArchiveError) -> ImportOutcome {
    let who = "device \(device.keyID)"
    let name = device.name
    return try await archive.importDocument(
      body, reading: reading, fileName: fileName, from: "\(who) (\(name)), \(device.team)", at: time
    ) { receipt, db in
      try await Self.insertReview(
        receipt.auditID, state: .received, comment: "pushed: \(receipt.relation.summary)",
        reviewer: "\(who) (\(name))", at: time, on: db)
      try await Self.insertLog(
        method: "POST", path: "/api/v1/audits", status: 201, who: who,
        outcome: "archived \(receipt.auditID) (\(receipt.relation.rawValue)) sha256 \(receipt.sha256)",
        at: time,
        on: db)
    }
  }

  /// The review log of `auditID`, oldest first.
  public func reviews(of auditID: String) async throws(ServerStoreError) -> [ServerAudit.Review] {
    try await read("reading the review of \(auditID)") { db in
      try await db.select().column("*").from("server_reviews").where("audit_id", .equal, auditID).orderBy(
        "entry"
      )
      .all().map { row in
        ServerAudit.Review(
          state: ReviewState(rawValue: try row.decode(column: "state", as: String.self)) ?? .received,
          comment: try row.decode(column: "comment", as: String.self),
          reviewer: try row.decode(column: "reviewer", as: String.self),
          at: ArchiveTime.date(try row.decode(column: "at", as: String.self)) ?? .distantPast)
      }
    }
  }

  /// The review state of every audit in the review log (the latest entry), by audit id.
  public func reviewStates() async throws(ServerStoreError) -> [String: ReviewState] {
    try await read("reading the review states") { db in
      var states: [String: ReviewState] = [:]
      let rows = try await db.raw(
        """
        SELECT r.audit_id AS audit_id, r.state AS state FROM server_reviews r
        JOIN (SELECT audit_id, MAX(entry) AS last FROM server_reviews GROUP BY audit_id) m ON r.entry = m.last
        """
      ).all()
      for row in rows {
        states[try row.decode(column: "audit_id", as: String.self)] =
          ReviewState(rawValue: try row.decode(column: "state", as: String.self)) ?? .received
      }
      return states
    }
  }

  // MARK: - Request log

  /// Appends a line to the request log.
  public func log(
    method: String, path: String, status: Int, who: String, outcome: String, at time: Date = Date()
  ) async throws(ServerStoreError) {
    try await write("writing the request log") { db in
      try await Self.insertLog(
        method: method, path: path, status: status, who: who, outcome: outcome, at: time, on: db)
    }
  }

  static func insertLog(
    method: String, path: String, status: Int, who: String, outcome: String, at time: Date,
    on db: any SQLDatabase
  ) async throws {
    try await db.insert(into: "server_request_log").columns(
      "at", "method", "path", "status", "who", "outcome"
    )
    .values(ArchiveTime.string(time), method, String(path.prefix(300)), status, who, outcome).run()
  }

  /// The last `limit` lines of the request log, newest first.
  public func requestLog(last limit: Int = 100) async throws(ServerStoreError) -> [RequestLogEntry] {
    try await read("reading the request log") { db in
      try await db.select().column("*").from("server_request_log").orderBy("entry", .descending).limit(limit)
        .all()
        .map { row in
          RequestLogEntry(
            at: ArchiveTime.date(try row.decode(column: "at", as: String.self)) ?? .distantPast,
            method: try row.decode(column: "method", as: String.self),
            path: try row.decode(column: "path", as: String.self),
            status: try row.decode(column: "status", as: Int.self),
            who: try row.decode(column: "who", as: String.self),
            outcome: try row.decode(column: "outcome", as: String.self))
        }
    }
  }

  // MARK: - The connection

  func write<R: Sendable>(
    _ what: String, _ body: @Sendable @escaping (any SQLDatabase) async throws -> R
  ) async throws(ServerStoreError) -> R {
    try await run(what, writing: true, body)
  }

  func read<R: Sendable>(
    _ what: String, _ body: @Sendable @escaping (any SQLDatabase) async throws -> R
  ) async throws(ServerStoreError) -> R {
    try await run(what, writing: false, body)
  }

  private func run<R: Sendable>(
    _ what: String, writing: Bool, _ body: @Sendable @escaping (any SQLDatabase) async throws -> R
  ) async throws(ServerStoreError) -> R {
    do {
      return try await archive.withDatabase(what, writing: writing, body)
    } catch {
      throw ServerStoreError(error.description)
    }
  }

  static func whole(_ date: Date) -> Date {
    Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
  }
}
