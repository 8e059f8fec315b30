import ArgumentParser

extension KyCuongCommand {
  /// `kycuong report`: the inspection record of an audit, the comparison of a re-inspection, and the summary
  /// across many audits.
  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "report",
      abstract: "Reports: an audit's inspection record, a re-inspection compared, a summary of many audits.",
      subcommands: [Record.self, Compare.self, Summary.self, GenerateSamples.self]
    )
  }
}
