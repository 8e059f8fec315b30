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
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
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
    .target(name: "KyCuongREPL", dependencies: ["KyCuong"]),
    .executableTarget(
      name: "kycuong",
      dependencies: [
        "KyCuong",
        "KyCuongREPL",
        "CEditLine",
        "CEditLineShim",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "KyCuongTests", dependencies: ["KyCuong"]),
    .testTarget(name: "KyCuongREPLTests", dependencies: ["KyCuong", "KyCuongREPL"]),
  ],
  swiftLanguageModes: [.v6]
)
