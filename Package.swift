// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "KyCuong",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "KyCuong", targets: ["KyCuong"]),
    .executable(name: "kycuong", targets: ["kycuong"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
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
    .testTarget(name: "KyCuongTests", dependencies: ["KyCuong"]),
    .testTarget(name: "KyCuongREPLTests", dependencies: ["KyCuong", "KyCuongREPL"]),
    .testTarget(name: "KyCuongIntegrityTests", dependencies: ["KyCuong", "KyCuongIntegrity", "KyCuongREPL"]),
  ],
  swiftLanguageModes: [.v6]
)
