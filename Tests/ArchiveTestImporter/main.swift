// A child process for the archive's tests (and by hand):
//
//   ArchiveTestImporter LOCATION [--from NAME] [--pause-before-commit SECONDS] FILE…
//
// Opens the archive at LOCATION (a SQLite path or a postgres:// URL), imports each FILE in order and prints
// one line per file: `archived FILE`, `already FILE` or `refused FILE: REASON`. With --pause-before-commit it
// prints `PAUSED FILE` once a file's transaction has written everything, then waits before committing, so
// that a test can kill it there. Exits 0 when every file was handled, 1 when the archive failed.
import Foundation
import KyCuongArchive

var arguments = Array(CommandLine.arguments.dropFirst())
var source = "ArchiveTestImporter"
var pause: Double?
var files: [String] = []
var location: String?
while !arguments.isEmpty {
  let argument = arguments.removeFirst()
  switch argument {
  case "--from": source = arguments.isEmpty ? source : arguments.removeFirst()
  case "--pause-before-commit": pause = arguments.isEmpty ? nil : Double(arguments.removeFirst())
  default:
    if location == nil { location = argument } else { files.append(argument) }
  }
}
guard let location else {
  FileHandle.standardError.write(Data("usage: ArchiveTestImporter LOCATION [--from NAME] FILE…\n".utf8))
  exit(64)
}

/// One line on standard output, unbuffered: the parent reads it while this process runs.
@Sendable func say(_ line: String) {
  FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

do {
  let archive = try await DepartmentArchive.open(
    try ArchiveLocation(location), program: "ArchiveTestImporter")
  for file in files {
    let wait = pause.map { seconds in
      DepartmentArchive.Pause(duration: .milliseconds(Int(seconds * 1000))) { name in say("PAUSED \(name)") }
    }
    let outcome = try await archive.importFile(URL(fileURLWithPath: file), from: source, pause: wait)
    switch outcome {
    case .archived: say("archived \(file)")
    case .alreadyArchived: say("already \(file)")
    case .refused(let refusal): say("refused \(file): \(refusal)")
    }
  }
  await archive.close()
} catch {
  FileHandle.standardError.write(Data("ArchiveTestImporter: \(error)\n".utf8))
  exit(1)
}
