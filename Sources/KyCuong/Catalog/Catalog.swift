import Foundation
import KyCuongModel
import KyCuongSupport

/// A set of validated checklists, loaded from files, a folder, or the standard set built into the library.
///
/// ```swift
/// let catalog = try Catalog.standard
/// let conduct = catalog["public-office-conduct"]
/// ```
public struct Catalog: Sendable {
  /// The checklists, sorted by id.
  public private(set) var checklists: [Checklist]

  /// Creates a catalog of checklists that are already validated.
  ///
  /// - Parameter checklists: The checklists.
  public init(_ checklists: [Checklist]) {
    self.checklists = checklists.sorted { $0.id < $1.id }
  }

  /// The checklist with `id`, if there is one.
  ///
  /// - Parameter id: A checklist id (`public-office-conduct`).
  public subscript(id: String) -> Checklist? { checklists.first { $0.id == id } }

  /// The checklists of KyCuong's `Checklists/` folder, compiled into the library at build time, so an
  /// installed `kycuong` and any tool that imports the library have them with no path.
  ///
  /// They are read once, on first use, from any thread; later accesses cost nothing. A program that never
  /// asks for them never reads them.
  ///
  /// - Throws: ``CatalogError`` if a built-in checklist is invalid. The build makes sure none is: the tool
  ///   that embeds them runs this same loader over them and fails the build with its message.
  public static var standard: Catalog {
    get throws(CatalogError) { try standardResult.get() }
  }

  /// The standard catalog, read once (Swift initialises a static `let` exactly once, thread-safely).
  private static let standardResult: Result<Catalog, CatalogError> = {
    var checklists: [(checklist: Checklist, file: String)] = []
    var issues: [ValidationIssue] = []
    for file in EmbeddedChecklists.files where isChecklistFileName(file.name) {
      let path = "Checklists/\(file.name)"
      do throws(ChecklistValidationError) {
        checklists.append((try ChecklistParser.parse(Array(file.text.utf8), file: path), path))
      } catch {
        issues += error.issues
      }
    }
    checkUniqueIDs(checklists, issues: &issues)
    if !issues.isEmpty { return .failure(CatalogError(issues: issues)) }
    return .success(Catalog(checklists.map(\.checklist)))
  }()

  /// Whether a file name is a checklist's: it ends in `.json` and is not a JSON Schema (`*.schema.json`).
  ///
  /// - Parameter name: A file name.
  /// - Returns: `true` for a name ending in `.json` but not in `.schema.json`, else `false`.
  public static func isChecklistFileName(_ name: String) -> Bool {
    name.hasSuffix(".json") && !name.hasSuffix(".schema.json")
  }

  /// Loads one checklist file.
  ///
  /// - Parameter url: The file.
  /// - Returns: The checklist, validated.
  /// - Throws: ``CatalogError`` with every problem found.
  public static func load(file url: URL) throws(CatalogError) -> Checklist {
    let data: Data
    do throws(FileReadError) {
      // Refused before it is read when over 16 MiB, a folder, or not a regular file.
      data = try BoundedFile.read(url, limit: BoundedFile.maximumChecklistSize)
    } catch {
      throw CatalogError(issues: [
        ValidationIssue(
          file: url.relativePath, path: "", rule: .unreadableFile,
          message: "cannot read the file: \(error.description)")
      ])
    }
    do {
      return try ChecklistParser.parse(data, file: url.relativePath)
    } catch {
      throw CatalogError(issues: error.issues)
    }
  }

  /// Loads checklist files and folders: a folder contributes every `*.json` in it except `*.schema.json`.
  ///
  /// - Parameter urls: Files and folders.
  /// - Returns: A catalog of every checklist found.
  /// - Throws: ``CatalogError`` with every problem in every file, and checklist ids used twice.
  public static func load(_ urls: [URL]) throws(CatalogError) -> Catalog {
    var checklists: [(checklist: Checklist, file: String)] = []
    var issues: [ValidationIssue] = []
    for url in urls.flatMap(checklistFiles(at:)) {
      do {
        checklists.append((try load(file: url), url.relativePath))
      } catch {
        issues += error.issues
      }
    }
    checkUniqueIDs(checklists, issues: &issues)
    if !issues.isEmpty { throw CatalogError(issues: issues) }
    return Catalog(checklists.map(\.checklist))
  }

  /// The checklist files at `url`: the file itself, or a folder's `*.json` files, sorted by name.
  ///
  /// - Parameter url: A file or a folder.
  /// - Returns: `[url]` when `url` is not a folder (or does not exist); else the checklist files directly in
  ///   the folder (``isChecklistFileName(_:)``), subfolders not searched.
  public static func checklistFiles(at url: URL) -> [URL] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue
    else { return [url] }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
    return names.filter(isChecklistFileName).sorted().map { url.appending(path: $0) }
  }

  /// Reports each checklist whose id an earlier file already defines, naming both files.
  private static func checkUniqueIDs(
    _ checklists: [(checklist: Checklist, file: String)], issues: inout [ValidationIssue]
  ) {
    var firstFile: [String: String] = [:]
    for (checklist, file) in checklists {
      if let first = firstFile[checklist.id] {
        issues.append(
          ValidationIssue(
            file: file, path: "id", rule: .duplicateID,
            message: "the checklist id \"\(checklist.id)\" is also defined in \(first)"))
      } else {
        firstFile[checklist.id] = file
      }
    }
  }
}

/// Loading checklists failed; `issues` lists every problem, each with file, JSON path and rule.
public struct CatalogError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Every problem found.
  public var issues: [ValidationIssue]

  /// Creates the error.
  ///
  /// - Parameter issues: Every problem found.
  public init(issues: [ValidationIssue]) {
    self.issues = issues
  }

  /// One issue per line.
  public var description: String { issues.map(\.description).joined(separator: "\n") }
}
