import Foundation
import SQLKit

/// What ``DepartmentArchive/verify()`` found.
public struct ArchiveCheck: Hashable, Sendable {
  /// Stored documents whose bytes were hashed again.
  public var documentsChecked: Int
  /// Every problem, in words; empty when the archive is sound.
  public var problems: [String]
}

extension DepartmentArchive {
  /// Re-checks the archive: every stored document's and attachment's bytes against their SHA-256 and size,
  /// and the links between the tables (every document's audit exists, every audit's current document is its
  /// own, every audit has a result for each item of its checklist).
  public func verify() async throws(ArchiveError) -> ArchiveCheck {
    var problems: [String] = []
    var checked = 0
    for (table, noun) in [("documents", "document"), ("attachments", "attachment")] {
      var after = ""
      while true {
        let batch = try await withConnection("reading stored \(table)") { [after] connection in
          try await connection.sql.select().columns("sha256", "byte_count", "content").from(table)
            .where("sha256", .greaterThan, after).orderBy("sha256").limit(64).all()
            .map { row in
              (
                try row.decode(column: "sha256", as: String.self),
                try row.decode(column: "byte_count", as: Int.self),
                try row.decode(column: "content", as: Data.self)
              )
            }
        }
        guard let last = batch.last else { break }
        for (sha256, size, content) in batch {
          if table == "documents" { checked += 1 }
          let actual = ArchiveDocument.sha256(of: content)
          if actual != sha256 {
            problems.append("\(noun) \(sha256): its stored bytes now hash to \(actual): they were changed")
          }
          if content.count != size {
            problems.append("\(noun) \(sha256): \(content.count) bytes stored, \(size) recorded")
          }
        }
        after = last.0
      }
    }
    let links: [(String, String)] = [
      (
        "SELECT d.sha256 AS what FROM documents d LEFT JOIN audits a ON a.audit_id = d.audit_id "
          + "WHERE a.audit_id IS NULL",
        "document %@ names an audit the archive does not hold"
      ),
      (
        "SELECT a.audit_id AS what FROM audits a JOIN documents d ON d.sha256 = a.current_document "
          + "WHERE d.audit_id <> a.audit_id",
        "audit %@: its current document is another audit's"
      ),
      (
        "SELECT a.audit_id AS what FROM audits a JOIN checklists c ON c.digest = a.checklist_digest "
          + "WHERE c.item_count <> (SELECT count(*) FROM item_results i WHERE i.audit_id = a.audit_id)",
        "audit %@: its item results do not cover its checklist"
      ),
    ]
    for (query, message) in links {
      let found = try await withConnection("checking the archive's links") { connection in
        try await connection.sql.raw(SQLQueryString(query)).all(decodingColumn: "what", as: String.self)
      }
      problems += found.map { message.replacingOccurrences(of: "%@", with: $0) }
    }
    return ArchiveCheck(documentsChecked: checked, problems: problems)
  }
}
