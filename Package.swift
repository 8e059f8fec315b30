// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "KyCuong",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "KyCuong", targets: ["KyCuong"]),
    .library(name: "KyCuongArchive", targets: ["KyCuongArchive"]),
    .executable(name: "kycuong", targets: ["kycuong"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    // The department archive: one SQL layer (SQLKit) over embedded SQLite (sqlite-kit, which bundles SQLite)
    // and PostgreSQL (postgres-kit); NIO and swift-log are already in their graph.
    .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
    .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
    .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
  ],
  targets: [
    // The library: Foundation only, no C, no terminal.
    .target(
      name: "KyCuong",
      plugins: ["EmbedChecklistsPlugin"]
    ),
    // Build-time tool and plugin that compile `Checklists/*.json` into the library,
    // so `Catalog.standard` works for an installed binary with no path and no second copy.
    .executableTarget(name: "EmbedChecklists", path: "Sources/EmbedChecklists"),
    .plugin(
      name: "EmbedChecklistsPlugin",
      capability: .buildTool(),
      dependencies: ["EmbedChecklists"],
      path: "Sources/EmbedChecklistsPlugin"
    ),
    // libedit, through pkg-config; only the executable imports it.
    .systemLibrary(
      name: "CEditLine",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]
    ),
    // Non-variadic wrappers around el_set / history, which Swift cannot call.
    .target(name: "CEditLineShim", dependencies: ["CEditLine"]),
    // The REPL's logic: parse a line, change the audit, render a reply. No terminal code.
    .target(name: "KyCuongREPL", dependencies: ["KyCuong", "KyCuongIntegrity"]),
    // Tamper evidence and signatures: the hash chain of event logs, export digests, Ed25519 keys.
    // A target of its own so that the core library stays Foundation-only, free of C code.
    .target(
      name: "KyCuongIntegrity",
      dependencies: ["KyCuong", .product(name: "Crypto", package: "swift-crypto")]
    ),
    .executableTarget(
      name: "kycuong",
      dependencies: [
        "KyCuong",
        "KyCuongREPL",
        "KyCuongIntegrity",
        "CEditLine",
        "CEditLineShim",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // The department archive: every audit received, on SQLite (default) or PostgreSQL. Only its
    // `ArchiveDocument.swift` touches the KyCuong and KyCuongIntegrity API.
    .target(
      name: "KyCuongArchive",
      dependencies: [
        "KyCuong",
        "KyCuongIntegrity",
        .product(name: "SQLKit", package: "sql-kit"),
        .product(name: "SQLiteKit", package: "sqlite-kit"),
        .product(name: "PostgresKit", package: "postgres-kit"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    .testTarget(name: "KyCuongTests", dependencies: ["KyCuong"]),
    .testTarget(name: "KyCuongREPLTests", dependencies: ["KyCuong", "KyCuongREPL"]),
    .testTarget(name: "KyCuongIntegrityTests", dependencies: ["KyCuong", "KyCuongIntegrity", "KyCuongREPL"]),
    // A child process for the archive's tests: imports files into an archive, so that two processes can
    // import at once and one can be killed mid-import. (`kycuong archive import` takes its place later.)
    .executableTarget(
      name: "ArchiveTestImporter",
      dependencies: ["KyCuongArchive"],
      path: "Tests/ArchiveTestImporter"
    ),
    .testTarget(
      name: "KyCuongArchiveTests",
      dependencies: ["KyCuong", "KyCuongIntegrity", "KyCuongArchive", "ArchiveTestImporter"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
