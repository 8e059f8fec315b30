#if Archive
  import ArgumentParser
  import KyCuong

  /// How `kycuong archive export …` writes its listing: CSV or JSON, to standard output or a file.
  struct ExportOutputOptions: ParsableArguments {
    /// The formats of an export (a table is for the terminal: `archive list` and its siblings).
    enum Format: String, CaseIterable, ExpressibleByArgument {
      case csv, json
    }

    @Option(help: "csv or json.")
    var format: Format = .csv

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.", completion: .file())
    var output: String?

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    /// Writes `listing` as asked.
    func write(_ listing: Listing) throws(CommandFailure) {
      let text = try listing.rendered(format == .csv ? .csv : .json)
      try CommandFiles.write(text, to: output, force: force)
    }
  }
#endif
