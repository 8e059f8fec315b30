import Foundation
import SQLKit

/// The archive's schema: numbered migrations, append-only, applied in order in one transaction and recorded
/// in `archive_migrations`.
///
/// A migration once released is never edited; a change is a new migration. A database whose highest
/// recorded version is above ``latestVersion`` was written by a newer program and is refused
/// (``ArchiveError/Code/schemaTooNew``) before anything is written to it.
///
/// Types are SQLKit's, so each dialect names them: `.bigint` is `INTEGER` on SQLite (a rowid alias when it is
/// the primary key) and `BIGINT` on PostgreSQL; `.blob` is `BLOB` / `BYTEA`. Two types are written out because
/// SQLKit's names would differ in meaning: `DOUBLE PRECISION` (SQLKit's `.real` is PostgreSQL's 4-byte
/// `REAL`) and `BOOLEAN` (SQLite stores it as 0/1 with numeric affinity). Times are `TEXT` in ISO 8601 UTC
/// with whole seconds, days `TEXT` `YYYY-MM-DD` (``ArchiveTime``): they sort and compare as text identically
/// on both, where SQLite has no time type.
enum ArchiveSchema {
  /// One step of the schema.
  struct Migration: Sendable {
    /// Its number, from 1, without gaps.
    var version: Int
    /// What it does.
    var name: String
    /// The statements, run inside the migration's transaction.
    var apply: @Sendable (any SQLDatabase) async throws -> Void
  }

  /// Every migration, in order.
  static let migrations: [Migration] = [
    Migration(
      version: 1, name: "documents, checklists, audits, items, actions, keys, import log", apply: version1),
    Migration(version: 2, name: "the attachments of audit bundles", apply: version2),
    Migration(
      version: 3, name: "corrective actions by unit, checklist, item and when they were settled",
      apply: version3),
    Migration(
      version: 4,
      name: "the department server: devices, people, sessions, audits' teams, reviews, request log",
      apply: version4),
    Migration(
      version: 5, name: "the department server: team members' device logs of audits", apply: version5),
    Migration(
      version: 6, name: "the department server: the checklist versions it publishes to devices",
      apply: version6),
  ]

  /// The highest version this program knows.
  static var latestVersion: Int { migrations.last?.version ?? 0 }

  static let double = SQLDataType.custom(SQLRaw("DOUBLE PRECISION"))
  static let boolean = SQLDataType.custom(SQLRaw("BOOLEAN"))

  // MARK: - Version 1

  @Sendable static func version1(_ db: any SQLDatabase) async throws {
    // Every import that archived something or was refused (a second import of the same bytes changes
    // nothing, this table included).
    try await db.create(table: "import_log")
      .column("entry", type: .bigint, .primaryKey(autoIncrement: true))
      .column("at", type: .text, .notNull)
      .column("file_name", type: .text, .notNull)
      .column("sha256", type: .text, .notNull)
      .column("byte_count", type: .bigint, .notNull)
      .column("received_from", type: .text, .notNull)
      .column("outcome", type: .text, .notNull)
      .column("audit_id", type: .text)
      .column("rule", type: .text)
      .column("reason", type: .text)
      .run()
    try await db.create(index: "import_log_by_digest").on("import_log").column("sha256").run()
    try await db.create(index: "import_log_by_time").on("import_log").column("at").run()

    // Every document exactly as received, by the SHA-256 of its bytes (the idempotency key). Rows are never
    // updated: `relation` says how the document related to the archive when it arrived. `content` is last,
    // so reading the other columns does not touch it (SQLite's overflow pages, PostgreSQL's TOAST).
    try await db.create(table: "documents")
      .column("sha256", type: .text, .primaryKey(autoIncrement: false))
      .column("kind", type: .text, .notNull)
      .column("audit_id", type: .text, .notNull)
      .column("byte_count", type: .bigint, .notNull)
      .column("received_at", type: .text, .notNull)
      .column("received_from", type: .text, .notNull)
      .column("file_name", type: .text, .notNull)
      .column("relation", type: .text, .notNull)
      .column("import_entry", type: .bigint, .notNull, .references("import_log", "entry"))
      .column("event_count", type: .int, .notNull)
      .column("chain_head", type: .text)
      .column("state_digest", type: .text, .notNull)
      .column("seal", type: .text, .notNull)
      .column("signer", type: .text)
      .column("signer_key", type: .text)
      .column("signer_fingerprint", type: .text)
      .column("signed_at", type: .text)
      .column("key_trust", type: .text, .notNull)
      .column("content", type: .blob, .notNull)
      .check(SQLRaw("kind IN ('export', 'log', 'bundle')"), named: nil as String?)
      .check(SQLRaw("relation IN ('first', 'same-state', 'later-version')"), named: nil as String?)
      .run()
    try await db.create(index: "documents_by_audit").on("documents").column("audit_id").column("import_entry")
      .run()
    try await db.create(index: "documents_by_signer").on("documents").column("signer_fingerprint").run()

    // Each checklist snapshot once, by its digest; one content per id and version.
    try await db.create(table: "checklists")
      .column("digest", type: .text, .primaryKey(autoIncrement: false))
      .column("checklist_id", type: .text, .notNull)
      .column("version", type: .text, .notNull)
      .column("title_vi", type: .text, .notNull)
      .column("title_en", type: .text)
      .column("item_count", type: .int, .notNull)
      .column("first_seen_at", type: .text, .notNull)
      .unique("checklist_id", "version")
      .run()
    try await db.create(table: "checklist_items")
      .column("checklist_digest", type: .text, .notNull, .references("checklists", "digest"))
      .column("item_id", type: .text, .notNull)
      .column("position", type: .int, .notNull)
      .column("section_id", type: .text, .notNull)
      .column("text_vi", type: .text, .notNull)
      .column("text_en", type: .text)
      .column("critical", type: boolean, .notNull)
      .column("tags", type: .text, .notNull)
      .primaryKey("checklist_digest", "item_id")
      .run()

    // One row per audit: its current state (the latest version received), scores re-derived by the archive.
    try await db.create(table: "audits")
      .column("audit_id", type: .text, .primaryKey(autoIncrement: false))
      .column("unit", type: .text, .notNull)
      .column("unit_key", type: .text, .notNull)
      .column("unit_address", type: .text)
      .column("checklist_id", type: .text, .notNull)
      .column("checklist_version", type: .text, .notNull)
      .column("checklist_digest", type: .text, .notNull, .references("checklists", "digest"))
      .column("visit_type", type: .text, .notNull)
      .column("started_at", type: .text, .notNull)
      .column("started_on", type: .text, .notNull)
      .column("finished_at", type: .text)
      .column("leader", type: .text, .notNull)
      .column("leader_key", type: .text, .notNull)
      .column("members", type: .text, .notNull)
      .column("event_count", type: .int, .notNull)
      .column("chain_head", type: .text)
      .column("state_digest", type: .text, .notNull)
      .column("scoring_model", type: .text, .notNull)
      .column("overall_score", type: double)
      .column("rating_id", type: .text)
      .column("rating_from", type: double)
      .column("rating_to", type: double)
      .column("rating_label_vi", type: .text)
      .column("rating_label_en", type: .text)
      .column("rating_forced", type: boolean, .notNull)
      .column("critical_failures", type: .int, .notNull)
      .column("critical_items", type: .text, .notNull)
      // One character per checklist item, in order: p passed, f failed, . not assessed. The summary reads
      // this instead of fifty item rows per audit.
      .column("verdicts", type: .text, .notNull)
      .column("answered_items", type: .int, .notNull)
      .column("skipped_items", type: .int, .notNull)
      .column("applicable_items", type: .int, .notNull)
      .column("current_document", type: .text, .notNull, .references("documents", "sha256"))
      .column("updated_at", type: .text, .notNull)
      .check(SQLRaw("visit_type IN ('scheduled', 'surprise')"), named: nil as String?)
      .run()
    // "Every audit of this ward since 2024" and "how did this unit's score move": by unit, in time order.
    // The audit id ends the key so that rows come out in the queries' order (start, then id) without a sort.
    try await db.create(index: "audits_by_unit").on("audits").column("unit_key").column("started_at")
      .column("audit_id").run()
    // Listings and the summary, by period and by checklist across units, in the order they are read.
    try await db.create(index: "audits_by_start").on("audits").column("started_at").column("audit_id").run()
    try await db.create(index: "audits_by_checklist").on("audits").column("checklist_id").column("started_at")
      .column("audit_id").run()
    // The later audits of a unit and checklist (the settlement of corrective actions).
    try await db.create(index: "audits_by_unit_checklist").on("audits").column("unit").column("checklist_id")
      .column("started_at").column("audit_id").run()

    try await db.create(table: "item_results")
      .column("audit_id", type: .text, .notNull, .references("audits", "audit_id", onDelete: .cascade))
      .column("item_id", type: .text, .notNull)
      .column("position", type: .int, .notNull)
      .column("section_id", type: .text, .notNull)
      .column("kind", type: .text, .notNull)
      .column("weight", type: double, .notNull)
      .column("critical", type: boolean, .notNull)
      .column("tags", type: .text, .notNull)
      .column("applicable", type: boolean, .notNull)
      .column("status", type: .text, .notNull)
      .column("outcome", type: .text)
      .column("score", type: double)
      .primaryKey("audit_id", "item_id")
      .run()

    try await db.create(table: "focus_area_scores")
      .column("audit_id", type: .text, .notNull, .references("audits", "audit_id", onDelete: .cascade))
      .column("tag", type: .text, .notNull)
      .column("score", type: double)
      .column("scored_items", type: .int, .notNull)
      .primaryKey("audit_id", "tag")
      .run()

    try await db.create(table: "corrective_actions")
      .column("audit_id", type: .text, .notNull, .references("audits", "audit_id", onDelete: .cascade))
      .column("position", type: .int, .notNull)
      .column("unit", type: .text, .notNull)
      .column("unit_key", type: .text, .notNull)
      .column("checklist_id", type: .text, .notNull)
      .column("audit_started_at", type: .text, .notNull)
      .column("what", type: .text, .notNull)
      .column("owner", type: .text, .notNull)
      .column("due_on", type: .text, .notNull)
      .column("item_id", type: .text)
      .column("recorded_by", type: .text, .notNull)
      .column("recorded_at", type: .text, .notNull)
      // The first later audit of the same unit and checklist in which the action's item passes (the
      // summary's settlement rule), kept up to date by every import.
      .column("settled_by", type: .text)
      .column("settled_at", type: .text)
      .primaryKey("audit_id", "position")
      .run()
    // "Which corrective actions are overdue across the province": the unsettled ones, by deadline (a partial
    // index, the same statement on both databases).
    try await db.raw(
      "CREATE INDEX actions_open_by_due ON corrective_actions (due_on, audit_id, position) "
        + "WHERE settled_by IS NULL"
    ).run()
    // Every action by deadline (`actions` with settled ones too).
    try await db.create(index: "actions_by_due").on("corrective_actions").column("due_on").column("audit_id")
      .column("position").run()
    // The actions a new audit of a unit may settle: by unit, checklist and item.
    try await db.create(index: "actions_by_unit_item").on("corrective_actions").column("unit")
      .column("checklist_id").column("item_id").column("audit_started_at").run()
    // The actions an audit settled, for when a later version of it replaces its items.
    // (Partial, so that the planner never takes it for `settled_by IS NULL`: that is actions_open_by_due.)
    try await db.raw(
      "CREATE INDEX actions_by_settler ON corrective_actions (settled_by) WHERE settled_by IS NOT NULL"
    ).run()
    // A unit's actions (`actions --unit`).
    try await db.create(index: "actions_by_unit_key").on("corrective_actions").column("unit_key")
      .column("due_on").run()

    // The team leaders' public keys (from `kycuong key generate`), who added them and since when.
    try await db.create(table: "signing_keys")
      .column("public_key", type: .text, .primaryKey(autoIncrement: false))
      .column("fingerprint", type: .text, .notNull)
      .column("signer", type: .text, .notNull)
      .column("key_created_at", type: .text)
      .column("added_by", type: .text, .notNull)
      .column("added_at", type: .text, .notNull)
      .column("revoked_at", type: .text)
      .column("revoked_by", type: .text)
      .column("revocation_reason", type: .text)
      .run()
    try await db.create(index: "signing_keys_by_fingerprint").on("signing_keys").column("fingerprint").run()

  }

  // MARK: - Version 2

  @Sendable static func version2(_ db: any SQLDatabase) async throws {
    // Every file kept as evidence, once per SHA-256, however many bundles carry it. `content` is last.
    try await db.create(table: "attachments")
      .column("sha256", type: .text, .primaryKey(autoIncrement: false))
      .column("byte_count", type: .bigint, .notNull)
      .column("content", type: .blob, .notNull)
      .run()
    // Which bundle carried which attachment, under which name, on which item.
    try await db.create(table: "document_attachments")
      .column("document_sha256", type: .text, .notNull, .references("documents", "sha256"))
      .column("attachment_sha256", type: .text, .notNull, .references("attachments", "sha256"))
      .column("position", type: .int, .notNull)
      .column("name", type: .text, .notNull)
      .column("item_id", type: .text)
      .column("attached_by", type: .text, .notNull)
      .column("attached_at", type: .text, .notNull)
      .primaryKey("document_sha256", "attachment_sha256")
      .run()
  }

  // MARK: - Version 3

  @Sendable static func version3(_ db: any SQLDatabase) async throws {
    // An arriving audit settles the earlier actions of its unit and checklist on the items it passes, where
    // no earlier audit has (``Settlement/settle(by:on:)``). `actions_by_unit_item` made that a walk over
    // every earlier action of the unit on those items, settled or not: 12,000 rows and 0.1 s an import on
    // 63,000 audits, the import's slow-down with size. With the settling audit's start in the key, the
    // unsettled actions (NULL) and those settled by a later audit are two ranges of it, and actions settled
    // earlier are not read (when audits arrive in time order, the second range is empty). Not partial, so
    // that the planner never takes it for the overdue actions (`actions_open_by_due`).
    try await db.create(index: "actions_by_unit_item_settled").on("corrective_actions").column("unit")
      .column("checklist_id").column("item_id").column("settled_at").run()
    try await db.drop(index: "actions_by_unit_item").run()
  }

  // MARK: - Version 4

  @Sendable static func version4(_ db: any SQLDatabase) async throws {
    // The devices a department admin registered: an Ed25519 key (its fingerprint is the key id of the
    // device's signed requests), the team it works for and its role. Never deleted: a device that leaves
    // is revoked, so that the request log and the audits it pushed still name it.
    try await db.create(table: "server_devices")
      .column("key_id", type: .text, .primaryKey(autoIncrement: false))
      .column("public_key", type: .text, .notNull, .unique)
      .column("name", type: .text, .notNull)
      .column("team", type: .text, .notNull)
      .column("role", type: .text, .notNull)
      .column("added_by", type: .text, .notNull)
      .column("added_at", type: .text, .notNull)
      .column("revoked_at", type: .text)
      .check(SQLRaw("role IN ('leader', 'member', 'viewer')"), named: nil as String?)
      .run()
    // Every nonce of a signed request the server accepted, for as long as its `created` time is within the
    // window a request is accepted in: a second request with the same key and nonce is a replay.
    try await db.create(table: "server_nonces")
      .column("key_id", type: .text, .notNull)
      .column("nonce", type: .text, .notNull)
      .column("created_at", type: .text, .notNull)
      .primaryKey("key_id", "nonce")
      .run()
    try await db.create(index: "server_nonces_by_created").on("server_nonces").column("created_at").run()
    // The people who use the web pages: a bcrypt hash, never the password.
    try await db.create(table: "server_people")
      .column("name", type: .text, .primaryKey(autoIncrement: false))
      .column("password_hash", type: .text, .notNull)
      .column("role", type: .text, .notNull)
      .column("added_by", type: .text, .notNull)
      .column("added_at", type: .text, .notNull)
      .check(SQLRaw("role IN ('admin', 'leader', 'viewer')"), named: nil as String?)
      .run()
    // Web sessions, by the SHA-256 of their cookie's token (a copy of the database gives no session).
    try await db.create(table: "server_sessions")
      .column("token_sha256", type: .text, .primaryKey(autoIncrement: false))
      .column("person", type: .text, .notNull, .references("server_people", "name"))
      .column("csrf_token", type: .text, .notNull)
      .column("created_at", type: .text, .notNull)
      .column("expires_at", type: .text, .notNull)
      .run()
    // The team each audit pushed to the server belongs to (the first push decides): a device of another
    // team neither sees it nor pushes into it.
    try await db.create(table: "server_audits")
      .column("audit_id", type: .text, .primaryKey(autoIncrement: false))
      .column("team", type: .text, .notNull)
      .column("pushed_by", type: .text, .notNull)
      .column("pushed_at", type: .text, .notNull)
      .run()
    try await db.create(index: "server_audits_by_team").on("server_audits").column("team").column("audit_id")
      .run()
    // The review of each audit, as a log: every push that archived a new document of it (`received`, by the
    // device) and every decision (by a person) appended; the latest is the audit's state, so an audit
    // returned with issues and pushed again is back in the review queue.
    try await db.create(table: "server_reviews")
      .column("entry", type: .bigint, .primaryKey(autoIncrement: true))
      .column("audit_id", type: .text, .notNull)
      .column("state", type: .text, .notNull)
      .column("comment", type: .text, .notNull)
      .column("reviewer", type: .text, .notNull)
      .column("at", type: .text, .notNull)
      .check(SQLRaw("state IN ('received', 'approved', 'has-issues', 'rejected')"), named: nil as String?)
      .run()
    try await db.create(index: "server_reviews_by_audit").on("server_reviews").column("audit_id").column(
      "entry"
    )
    .run()
    // Every request the server refused, and every push it accepted: who, what, and why.
    try await db.create(table: "server_request_log")
      .column("entry", type: .bigint, .primaryKey(autoIncrement: true))
      .column("at", type: .text, .notNull)
      .column("method", type: .text, .notNull)
      .column("path", type: .text, .notNull)
      .column("status", type: .int, .notNull)
      .column("who", type: .text, .notNull)
      .column("outcome", type: .text, .notNull)
      .run()
  }

  // MARK: - Version 5

  @Sendable static func version5(_ db: any SQLDatabase) async throws {
    // Each device's log of a team audit, as its devices push it while the audit goes on, so that the leader
    // pulls the members' logs to merge and a member joins from the server. Append-only, as the log is on
    // the device: a push that extends the stored log adds one segment holding only the new bytes, starting
    // where the stored log ends; no segment is updated or deleted. The log is its segments in order.
    try await db.create(table: "server_device_logs")
      .column("audit_id", type: .text, .notNull)
      .column("device", type: .text, .notNull)
      .column("start_offset", type: .bigint, .notNull)
      .column("content", type: .blob, .notNull)
      // Of the whole log up to the end of this segment: its SHA-256, its size and its lines (events).
      .column("log_sha256", type: .text, .notNull)
      .column("log_byte_count", type: .bigint, .notNull)
      .column("log_line_count", type: .bigint, .notNull)
      .column("recorder", type: .text, .notNull)
      .column("pushed_by", type: .text, .notNull)
      .column("pushed_at", type: .text, .notNull)
      .primaryKey("audit_id", "device", "start_offset")
      .run()
  }

  // MARK: - Version 6

  @Sendable static func version6(_ db: any SQLDatabase) async throws {
    // The checklist versions the department publishes for its devices to pull, each exactly as the admin
    // published it. A version names one content for good: rows are never updated or deleted, and a
    // second content for a published id and version is refused, as the archive refuses it in audits.
    try await db.create(table: "server_checklists")
      .column("checklist_id", type: .text, .notNull)
      .column("version", type: .text, .notNull)
      // The snapshot digest audits carry (`sha256:` and the RFC 8785 JSON's SHA-256), and the file's own.
      .column("digest", type: .text, .notNull)
      .column("sha256", type: .text, .notNull)
      .column("byte_count", type: .bigint, .notNull)
      .column("title_vi", type: .text, .notNull)
      .column("title_en", type: .text)
      .column("item_count", type: .int, .notNull)
      .column("published_by", type: .text, .notNull)
      .column("published_at", type: .text, .notNull)
      .column("content", type: .blob, .notNull)
      .primaryKey("checklist_id", "version")
      .run()
    try await db.create(index: "server_checklists_by_time").on("server_checklists").column("published_at")
      .run()
  }
}
