#if Archive
  import ArgumentParser

  extension KyCuongCommand {
    /// `kycuong archive`: the department archive, every audit received, on SQLite or PostgreSQL.
    struct Archive: AsyncParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "The department archive: every audit received, its documents, keys and questions.",
        discussion: """
          The archive is a SQLite file ($XDG_DATA_HOME/kycuong/archive.sqlite, or \
          ~/.local/share/kycuong/archive.sqlite) unless --database or KYCUONG_DATABASE_URL names another \
          file or a PostgreSQL database (postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=…&schema=…]). \
          Its schema is created and brought up to date automatically; a database made by a newer kycuong is \
          refused.
          Every import is verified first (hash chain, digests, signature) and archived whole or not at all; \
          the same bytes twice change nothing. Signatures by keys the archive does not know are archived and \
          marked (or refused with --require-signature); signatures by revoked keys are refused.
          Exit status: 0 done; 1 done, and some file was refused (import) or something does not check out \
          (verify); 2 the archive failed (the database is down, read-only or full; nothing of the file at \
          hand was stored); 64 the command line is wrong.
          """,
        subcommands: [
          Init.self, Import.self, Keys.self, List.self, Show.self, Record.self, Summary.self, Trend.self,
          Actions.self, Verify.self, Export.self, Explain.self,
        ]
      )
    }
  }
#endif
