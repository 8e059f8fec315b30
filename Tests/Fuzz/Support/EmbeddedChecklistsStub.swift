// Fuzz builds compile the library's sources with swiftc directly, without the build plugin that generates the
// standard checklists: this stub stands in for the generated file.
extension EmbeddedChecklists {
  /// No embedded checklists in fuzz builds.
  static let files: [(name: String, text: String)] = []
}
