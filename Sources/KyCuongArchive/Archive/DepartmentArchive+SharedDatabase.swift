import Foundation
import SQLKit

extension DepartmentArchive {
  /// The archive's database for the targets beside it that keep their own tables in it (the department
  /// server's devices, people and reviews, schema version 4): `body` runs alone on the connection, inside
  /// a write transaction when `writing`, and a database error becomes ``ArchiveError/Code/database`` naming
  /// `what` was being done.
  ///
  /// The server's SQL stays in the server's target; the archive keeps the schema, its migrations and the
  /// one connection.
  package func withDatabase<R: Sendable>(
    _ what: String, writing: Bool, _ body: @Sendable @escaping (any SQLDatabase) async throws -> R
  ) async throws(ArchiveError) -> R {
    try await withConnection(what) { connection in
      writing ? try await connection.writeTransaction(body) : try await body(connection.sql)
    }
  }

}
