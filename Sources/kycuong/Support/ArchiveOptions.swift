#if Archive
  import ArgumentParser
  import Foundation
  import KyCuong
  import KyCuongArchive

  /// The option every `kycuong archive` command shares, and opening the archive it names.
  struct ArchiveOptions: ParsableArguments {
    @Option(
      help: ArgumentHelp(
        "The archive: a SQLite file, or a postgres:// URL (default: $KYCUONG_DATABASE_URL, else "
          + "$XDG_DATA_HOME/kycuong/archive.sqlite).",
        valueName: "path-or-url"),
      completion: .file())
    var database: String?

    /// The archive's location.
    func location() throws(CommandFailure) -> ArchiveLocation {
      do {
        return try ArchiveLocation.resolve(argument: database)
      } catch {
        throw CommandFailure(error.message, status: .usage)
      }
    }

    /// Opens the archive, creating a SQLite file only when `create` (`init`, `import`): a command that reads
    /// says there is no archive rather than making an empty one.
    func open(create: Bool = false) async throws(CommandFailure) -> DepartmentArchive {
      let location = try location()
      if !create, case .sqlite(let url) = location, !FileManager.default.fileExists(atPath: url.path) {
        throw CommandFailure(
          "there is no archive at \(url.path): `kycuong archive init` makes one, `kycuong archive import` "
            + "fills it; --database or KYCUONG_DATABASE_URL names another")
      }
      do {
        return try await DepartmentArchive.open(location, program: "kycuong \(KyCuongVersion.string)")
      } catch {
        throw CommandFailure(error.message)
      }
    }

    /// Opens the archive, runs `body` with it and closes it, whatever `body` does.
    func with<R>(
      create: Bool = false, _ body: (DepartmentArchive) async throws(CommandFailure) -> R
    ) async throws(CommandFailure) -> R {
      let archive = try await open(create: create)
      do {
        let result = try await body(archive)
        await archive.close()
        return result
      } catch {
        await archive.close()
        throw error
      }
    }
  }

  extension ArchiveOptions {
    /// Opens the archive, asks it `body`'s question and closes it; the archive's failure is the command's
    /// (exit status 2).
    func query<R>(
      _ body: (DepartmentArchive) async throws(ArchiveError) -> R
    ) async throws(CommandFailure) -> R {
      try await with { archive throws(CommandFailure) in
        do throws(ArchiveError) {
          return try await body(archive)
        } catch {
          throw CommandFailure(error)
        }
      }
    }
  }

  extension CommandFailure {
    /// The archive's failure (its database is down, read-only or full; its schema is newer), exit status 2.
    init(_ error: ArchiveError) {
      self.init(error.message)
    }
  }
#endif
