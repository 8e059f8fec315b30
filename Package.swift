// swift-tools-version: 6.1
import PackageDescription

// The core library is built in floors, each a module the compiler keeps honest: a floor imports only the
// floors below it (Support → Model → Catalog → Audit → Scoring → Export → Reports). `KyCuong` re-exports
// them all, so a tool writes `import KyCuong` and sees one library.
let floors = [
  "KyCuongSupport", "KyCuongModel", "KyCuongCatalog", "KyCuongAudit", "KyCuongScoring", "KyCuongExport",
  "KyCuongReports",
]

func floor(_ index: Int, plugins: [Target.PluginUsage]? = nil) -> Target {
  let name = floors[index]
  let folder = String(name.dropFirst("KyCuong".count))
  return .target(
    name: name,
    dependencies: floors[..<index].map { .target(name: $0) },
    path: "Sources/KyCuong/\(folder)",
    plugins: plugins
  )
}

// Dependencies beyond Foundation are behind traits, so that a tool that wants only the core writes
// `.package(url: "…/KyCuong", from: "…", traits: [])` and resolves nothing else. The traits are on by
// default: `swift build` in this repository builds everything.
let signatures: TargetDependencyCondition? = .when(traits: ["Integrity"])
let commandLine: TargetDependencyCondition? = .when(traits: ["CommandLine"])
let archive: TargetDependencyCondition? = .when(traits: ["Archive"])
let spreadsheets: TargetDependencyCondition? = .when(traits: ["Spreadsheet"])
let server: TargetDependencyCondition? = .when(traits: ["Server"])

let package = Package(
  name: "KyCuong",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "KyCuong", targets: ["KyCuong"]),
    .library(name: "KyCuongIntegrity", targets: ["KyCuongIntegrity"]),
    .library(name: "KyCuongStore", targets: ["KyCuongStore"]),
    .library(name: "KyCuongBundle", targets: ["KyCuongBundle"]),
    .library(name: "KyCuongArchive", targets: ["KyCuongArchive"]),
    .library(name: "KyCuongSpreadsheet", targets: ["KyCuongSpreadsheet"]),
    .library(name: "KyCuongSync", targets: ["KyCuongSync"]),
    .library(name: "KyCuongServer", targets: ["KyCuongServer"]),
    .executable(name: "kycuong", targets: ["kycuong"]),
  ],
  traits: [
    .trait(
      name: "Integrity",
      description:
        "KyCuongIntegrity and KyCuongStore: hash chains, digests and Ed25519 signatures (swift-crypto)."),
    .trait(
      name: "Spreadsheet",
      description:
        "KyCuongSpreadsheet: checklists authored in a spreadsheet, XLSX and CSV (ZIPFoundation, zlib)."),
    .trait(
      name: "CommandLine", description: "The kycuong command-line tool (swift-argument-parser).",
      enabledTraits: ["Integrity", "Spreadsheet"]),
    .trait(
      name: "Archive",
      description:
        "KyCuongArchive and `kycuong archive`: the department archive on SQLite or PostgreSQL (SQLKit, "
        + "sqlite-kit, postgres-kit, SwiftNIO).",
      enabledTraits: ["Integrity"]),
    .trait(
      name: "Server",
      description:
        "KyCuongSync and KyCuongServer, and `kycuong serve` / `kycuong push`: the department server over the "
        + "archive (Hummingbird 2 with its TLS over swift-nio-ssl, bcrypt from hummingbird-auth), the "
        + "devices' client (AsyncHTTPClient) and their signed requests (RFC 9421, parsed with swift-http-structured-headers).",
      enabledTraits: ["Archive"]),
    .default(enabledTraits: ["Integrity", "Spreadsheet", "CommandLine", "Archive", "Server"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    // The department archive (trait Archive): one SQL layer (SQLKit) over embedded SQLite (sqlite-kit, which
    // bundles SQLite) and PostgreSQL (postgres-kit); NIO and swift-log are already in their graph.
    .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
    .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
    .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    // The department server (trait Server): Hummingbird 2 without its swift-configuration support (the
    // server's settings are the command's options), bcrypt for people's passwords, and RFC 8941 structured
    // fields for the Signature-Input and Signature headers of RFC 9421.
    .package(
      url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
    .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
    .package(url: "https://github.com/apple/swift-http-structured-headers", from: "1.7.0"),
    .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    // The server's own TLS (`kycuong serve --tls-cert --tls-key`): Hummingbird's TLS channel over swift-nio-ssl.
    .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    // The devices' client of the server (`kycuong sync`, the REPL's sending): AsyncHTTPClient over the same
    // SwiftNIO, instead of Foundation's URLSession, whose libcurl brought 31 more shared libraries to every
    // start of kycuong (issue 13).
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
  ],
  targets: [
    // The core library: Foundation only, no C, no terminal.
    floor(0),
    floor(1),
    floor(2, plugins: ["EmbedChecklistsPlugin"]),
    floor(3),
    floor(4),
    floor(5),
    floor(6),
    .target(
      name: "KyCuong",
      dependencies: floors.map { .target(name: $0) },
      path: "Sources/KyCuong",
      exclude: floors.map { String($0.dropFirst("KyCuong".count)) },
      sources: ["KyCuong.swift"]
    ),
    // Build-time tool and plugin that compile `Checklists/*.json` into the catalog floor, validated, so
    // `Catalog.standard` works for an installed binary with no path and no second copy. The tool judges the
    // files with the catalog floor's own loader (its Catalog, ChecklistParser and ValidationIssue sources,
    // linked into Sources/EmbedChecklists) over the floors below it: an invalid checklist fails the build.
    .executableTarget(
      name: "EmbedChecklists", dependencies: ["KyCuongSupport", "KyCuongModel"],
      path: "Sources/EmbedChecklists"),
    .plugin(
      name: "EmbedChecklistsPlugin",
      capability: .buildTool(),
      dependencies: ["EmbedChecklists"],
      path: "Sources/EmbedChecklistsPlugin"
    ),
    // Tamper evidence and signatures: the hash chain of event logs, export digests, Ed25519 keys.
    // A target of its own so that the core library stays Foundation-only, free of C code.
    .target(
      name: "KyCuongIntegrity",
      dependencies: ["KyCuong", .product(name: "Crypto", package: "swift-crypto", condition: signatures)]
    ),
    // The durable store of audits: one hash-chained, fsync'd log per audit, locked while it is written.
    .target(name: "KyCuongStore", dependencies: ["KyCuong", "KyCuongIntegrity"]),
    // The department archive: every audit received, on SQLite (default) or PostgreSQL. Only its
    // `ArchiveDocument.swift` (and `+Bundle`, through KyCuongBundle) reads and verifies documents.
    .target(
      name: "KyCuongArchive",
      dependencies: [
        "KyCuong",
        "KyCuongIntegrity",
        "KyCuongBundle",
        .product(name: "ZIPFoundation", package: "ZIPFoundation", condition: archive),
        .product(name: "SQLKit", package: "sql-kit", condition: archive),
        .product(name: "SQLiteKit", package: "sqlite-kit", condition: archive),
        .product(name: "PostgresKit", package: "postgres-kit", condition: archive),
        .product(name: "NIOCore", package: "swift-nio", condition: archive),
        .product(name: "NIOPosix", package: "swift-nio", condition: archive),
        .product(name: "Logging", package: "swift-log", condition: archive),
      ]
    ),
    // An audit's bundle: one zip with the export, the log, the record and every attachment, and a manifest
    // of digests (ZIPFoundation, which needs zlib through pkg-config on Linux: `make deps` installs it).
    .target(
      name: "KyCuongBundle",
      dependencies: [
        "KyCuong", "KyCuongIntegrity", "KyCuongStore",
        .product(name: "ZIPFoundation", package: "ZIPFoundation", condition: signatures),
      ]),
    // Realistic sample audits, for demonstrations, screenshots and benchmarks.
    .target(name: "KyCuongSamples", dependencies: ["KyCuong"]),
    // Checklists authored in a spreadsheet: XLSX (a zip of XML parts, through ZIPFoundation and Foundation's
    // XMLParser) and CSV, to and from the checklist file format. ZIPFoundation needs zlib (pkg-config zlib,
    // apt zlib1g-dev), so it stays out of the core.
    .target(
      name: "KyCuongSpreadsheet",
      dependencies: [
        "KyCuong", .product(name: "ZIPFoundation", package: "ZIPFoundation", condition: spreadsheets),
      ]),
    // The wire between devices and the department server: signed requests (HTTP Message Signatures, RFC 9421,
    // Ed25519), content digests (RFC 9530), the API's paths and bodies. Shared by the server and `kycuong push`.
    .target(
      name: "KyCuongSync",
      dependencies: [
        "KyCuong", "KyCuongIntegrity",
        .product(name: "Crypto", package: "swift-crypto", condition: server),
        .product(
          name: "RawStructuredFieldValues", package: "swift-http-structured-headers", condition: server),
        .product(name: "AsyncHTTPClient", package: "async-http-client", condition: server),
        .product(name: "NIOCore", package: "swift-nio", condition: server),
        .product(name: "NIOHTTP1", package: "swift-nio", condition: server),
        .product(name: "NIOFoundationCompat", package: "swift-nio", condition: server),
      ]),
    // The department server: the API under /api/v1 and the web dashboard, over the archive.
    .target(
      name: "KyCuongServer",
      dependencies: [
        "KyCuong", "KyCuongIntegrity", "KyCuongSync",
        .target(name: "KyCuongArchive", condition: server),
        .product(name: "Hummingbird", package: "hummingbird", condition: server),
        .product(name: "HummingbirdBcrypt", package: "hummingbird-auth", condition: server),
        .product(name: "HummingbirdCore", package: "hummingbird", condition: server),
        .product(name: "HummingbirdTLS", package: "hummingbird", condition: server),
        .product(name: "NIOSSL", package: "swift-nio-ssl", condition: server),
        .product(name: "HTTPTypes", package: "swift-http-types", condition: server),
        .product(name: "NIOCore", package: "swift-nio", condition: server),
        .product(name: "SQLKit", package: "sql-kit", condition: server),
        .product(name: "Logging", package: "swift-log", condition: server),
      ],
      resources: [.copy("openapi.json")]),
    // libedit, through pkg-config; only the executable imports it.
    .systemLibrary(
      name: "CEditLine",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]
    ),
    // Non-variadic wrappers around el_set / history, which Swift cannot call.
    .target(name: "CEditLineShim", dependencies: ["CEditLine"]),
    // The REPL's logic: parse a line, change the audit, render a reply. No terminal code.
    .target(
      name: "KyCuongREPL", dependencies: ["KyCuong", "KyCuongIntegrity", "KyCuongStore", "KyCuongBundle"]),
    .executableTarget(
      name: "kycuong",
      dependencies: [
        "KyCuong",
        "KyCuongREPL",
        "KyCuongIntegrity",
        "KyCuongStore",
        "KyCuongBundle",
        "KyCuongSamples",
        .target(name: "KyCuongArchive", condition: archive),
        .target(name: "KyCuongSync", condition: server),
        .target(name: "KyCuongServer", condition: server),
        "KyCuongSpreadsheet",
        "CEditLine",
        "CEditLineShim",
        .product(name: "ArgumentParser", package: "swift-argument-parser", condition: commandLine),
      ]
    ),
    // Test doubles and fixtures shared by the test suites; never linked into a product.
    .target(
      name: "KyCuongTestSupport", dependencies: ["KyCuong", "KyCuongREPL"], path: "Tests/KyCuongTestSupport"),
    .testTarget(name: "KyCuongTests", dependencies: ["KyCuong", "KyCuongSamples", "KyCuongTestSupport"]),
    .testTarget(
      name: "KyCuongREPLTests",
      dependencies: [
        "KyCuong", "KyCuongREPL", "KyCuongStore", "KyCuongBundle", "KyCuongIntegrity", "KyCuongTestSupport",
      ]),
    .testTarget(
      name: "KyCuongIntegrityTests",
      dependencies: ["KyCuong", "KyCuongIntegrity", "KyCuongStore", "KyCuongREPL", "KyCuongTestSupport"]),
    .testTarget(
      name: "KyCuongArchiveTests",
      dependencies: [
        "KyCuong", "KyCuongIntegrity", "KyCuongArchive", "KyCuongSamples", "KyCuongTestSupport",
        "KyCuongBundle",
        "KyCuongStore", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]
    ),
    .testTarget(
      name: "KyCuongServerTests",
      dependencies: [
        "KyCuong", "KyCuongIntegrity", "KyCuongSync", "KyCuongServer", "KyCuongArchive", "KyCuongTestSupport",
        .product(name: "SQLKit", package: "sql-kit"),
      ]),
    .testTarget(
      name: "KyCuongSpreadsheetTests",
      dependencies: [
        "KyCuong", "KyCuongSpreadsheet", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]),
  ],
  swiftLanguageModes: [.v6]
)
