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

let package = Package(
  name: "KyCuong",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "KyCuong", targets: ["KyCuong"]),
    .library(name: "KyCuongIntegrity", targets: ["KyCuongIntegrity"]),
    .library(name: "KyCuongStore", targets: ["KyCuongStore"]),
    .executable(name: "kycuong", targets: ["kycuong"]),
  ],
  traits: [
    .trait(
      name: "Integrity",
      description:
        "KyCuongIntegrity and KyCuongStore: hash chains, digests and Ed25519 signatures (swift-crypto)."),
    .trait(
      name: "CommandLine", description: "The kycuong command-line tool (swift-argument-parser).",
      enabledTraits: ["Integrity"]),
    .default(enabledTraits: ["Integrity", "CommandLine"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
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
    // `Catalog.standard` works for an installed binary with no path and no second copy.
    .executableTarget(name: "EmbedChecklists", path: "Sources/EmbedChecklists"),
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
      dependencies: ["KyCuong", "KyCuongREPL", "KyCuongStore", "KyCuongBundle", "KyCuongTestSupport"]),
    .testTarget(
      name: "KyCuongIntegrityTests",
      dependencies: ["KyCuong", "KyCuongIntegrity", "KyCuongStore", "KyCuongREPL", "KyCuongTestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)
