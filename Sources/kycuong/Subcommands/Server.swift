#if Server
  import ArgumentParser
  import Foundation
  import KyCuong
  import KyCuongArchive
  import KyCuongIntegrity
  import KyCuongServer

  extension KyCuongCommand {
    /// `kycuong server`: the department server's devices, people and request log, in its archive.
    struct Server: AsyncParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "server",
        abstract: "Register the server's devices and people; read its request log.",
        discussion: """
          These commands work on the server's archive directly (--database, as `kycuong archive`), on the \
          server's machine, by a department admin: there is no remote administration.
          """,
        subcommands: [Device.self, Person.self, Checklists.self, Log.self])
    }
  }

  extension KyCuongCommand.Server {
    /// `kycuong server device add|list|revoke`.
    struct Device: AsyncParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "device", abstract: "The devices allowed to use the API: their key, team and role.",
        subcommands: [Add.self, ListDevices.self, Revoke.self])

      /// `kycuong server device add KEY.pub --team T --role R`.
      struct Add: AsyncKyCuongSubcommand {
        static let configuration = CommandConfiguration(
          commandName: "add", abstract: "Register a device's public key (the .pub of `kycuong key generate`)."
        )

        @Argument(help: "The device's public key file.", completion: .file(extensions: ["pub"]))
        var file: String

        @Option(help: "The team it works for (it sees and pushes only that team's audits).")
        var team: String

        @Option(help: "leader (pushes audits), member or viewer (read their team's audits).")
        var role: DeviceRole

        @Option(help: "A name people recognise (default: the key's signer).")
        var name: String?

        @Option(help: "Who registers it (default: $USER).")
        var by: String?

        @OptionGroup var archive: ArchiveOptions

        func execute() async throws(CommandFailure) {
          let key: PublicSigningKey
          do {
            key = try PublicSigningKey.read(from: URL(fileURLWithPath: file))
          } catch {
            throw CommandFailure("\(file): \(error)", status: .failure)
          }
          try await archive.withServerStore(create: true) { store throws(ServerStoreError) in
            let device = try await store.registerDevice(
              key, name: name ?? key.signer, team: team, role: role,
              addedBy: by ?? ProcessEnvironment.variables["USER"] ?? "unknown")
            print(
              TerminalText.sanitized(
                "\(device.keyID)  \(device.name): registered, \(device.role.rawValue) of \(device.team)"))
          }
        }
      }

      /// `kycuong server device list`.
      struct ListDevices: AsyncKyCuongSubcommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the devices.")

        @OptionGroup var archive: ArchiveOptions

        func execute() async throws(CommandFailure) {
          try await archive.withServerStore { store throws(ServerStoreError) in
            for device in try await store.devices() {
              let state = device.revokedAt.map { "revoked \(ReportFormatting.day($0))" } ?? "active"
              print(
                TerminalText.sanitized(
                  "\(device.keyID)  \(device.role.rawValue)  \(device.team)  \(device.name)  \(state)"))
            }
          }
        }
      }

      /// `kycuong server device revoke KEYID`.
      struct Revoke: AsyncKyCuongSubcommand {
        static let configuration = CommandConfiguration(
          commandName: "revoke", abstract: "Revoke a device: its requests are refused from now on.")

        @Argument(help: "The device's key id (as `device list` shows it).")
        var keyID: String

        @OptionGroup var archive: ArchiveOptions

        func execute() async throws(CommandFailure) {
          try await archive.withServerStore { store throws(ServerStoreError) in
            try await store.revokeDevice(keyID)
            print(TerminalText.sanitized("\(keyID): revoked"))
          }
        }
      }
    }

    /// `kycuong server person add|list`.
    struct Person: AsyncParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "person", abstract: "The people who sign in to the dashboard.",
        subcommands: [Add.self, ListPeople.self])

      /// `kycuong server person add NAME --role R --password-stdin`.
      struct Add: AsyncKyCuongSubcommand {
        static let configuration = CommandConfiguration(
          commandName: "add",
          abstract: "Add a person, or set a person's password and role (their sessions end).",
          discussion:
            "The password is read from the first line of standard input; only its bcrypt hash is kept.")

        @Argument(help: "The name they sign in with.")
        var name: String

        @Option(help: "admin or leader (review audits), viewer (read).")
        var role: PersonRole

        @Option(help: "Who adds them (default: $USER).")
        var by: String?

        @OptionGroup var archive: ArchiveOptions

        func execute() async throws(CommandFailure) {
          guard let password = readLine(strippingNewline: true), !password.isEmpty else {
            throw CommandFailure("give the password on standard input (one line)", status: .usage)
          }
          try await archive.withServerStore(create: true) { store throws(ServerStoreError) in
            try await store.setPerson(
              name, password: password, role: role,
              addedBy: by ?? ProcessEnvironment.variables["USER"] ?? "unknown")
            print(TerminalText.sanitized("\(name): \(role.rawValue)"))
          }
        }
      }

      /// `kycuong server person list`.
      struct ListPeople: AsyncKyCuongSubcommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the people.")

        @OptionGroup var archive: ArchiveOptions

        func execute() async throws(CommandFailure) {
          try await archive.withServerStore { store throws(ServerStoreError) in
            for person in try await store.people() {
              print(
                TerminalText.sanitized(
                  "\(person.name)  \(person.role.rawValue)  added by \(person.addedBy)"))
            }
          }
        }
      }
    }

    /// `kycuong server log`.
    struct Log: AsyncKyCuongSubcommand {
      static let configuration = CommandConfiguration(
        commandName: "log", abstract: "The server's request log: refusals and accepted pushes, newest first.")

      @Option(help: "How many lines.")
      var last = 50

      @OptionGroup var archive: ArchiveOptions

      func execute() async throws(CommandFailure) {
        try await archive.withServerStore { store throws(ServerStoreError) in
          for entry in try await store.requestLog(last: last) {
            print(
              TerminalText.sanitized(
                "\(Timestamp.string(from: entry.at))  \(entry.status)  \(entry.method) \(entry.path)  "
                  + "\(entry.who)  \(entry.outcome)"))
          }
        }
      }
    }
  }

  extension ArchiveOptions {
    /// Opens the archive, runs `body` with the server's records in it and closes it; a failure of the
    /// records is the command's (exit status 2).
    func withServerStore<R>(
      create: Bool = false, _ body: (ServerStore) async throws(ServerStoreError) -> R
    ) async throws(CommandFailure) -> R {
      try await with(create: create) { archive throws(CommandFailure) in
        do throws(ServerStoreError) {
          return try await body(ServerStore(archive: archive))
        } catch {
          throw CommandFailure(error.description)
        }
      }
    }
  }

  extension DeviceRole: ExpressibleByArgument {}
  extension PersonRole: ExpressibleByArgument {}
#endif
