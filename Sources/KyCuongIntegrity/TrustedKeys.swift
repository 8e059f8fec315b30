import Foundation
import KyCuong

/// The public keys a checker expects an export to be signed with: the team leaders' keys, given to
/// `kycuong verify --key` or registered with an archive.
///
/// A valid signature proves only that whoever holds the key signed; anyone can make a key and sign under any
/// name. What ties a signature to a team leader is that the key is one the checker obtained from the leader,
/// so a signature by a key outside the set is a failure, never a hint, and so is one that uses a trusted
/// key under a name other than its owner's.
///
/// ```swift
/// var trusted = TrustedKeys()
/// trusted.insert(try PublicSigningKey.read(from: URL(fileURLWithPath: "an.key.pub")))
/// let result = ExportIntegrity.verify(exportData: data, trustedKeys: trusted)
/// ```
public struct TrustedKeys: Hashable, Sendable, ExpressibleByArrayLiteral {
  /// The keys, in the order they were added, each once.
  public private(set) var keys: [PublicSigningKey] = []

  /// A set of `keys` (a key given twice is kept once).
  ///
  /// - Parameter keys: The keys.
  public init(_ keys: [PublicSigningKey] = []) {
    for key in keys { insert(key) }
  }

  /// A set of the keys listed.
  ///
  /// - Parameter elements: The keys.
  public init(arrayLiteral elements: PublicSigningKey...) {
    self.init(elements)
  }

  /// Whether no key is expected (then nothing can prove who signed).
  public var isEmpty: Bool { keys.isEmpty }

  /// Adds `key`, unless a key with the same 32 bytes is in the set.
  ///
  /// - Parameter key: A public key.
  public mutating func insert(_ key: PublicSigningKey) {
    if !keys.contains(where: { $0.rawRepresentation == key.rawRepresentation }) { keys.append(key) }
  }

  /// Adds every key of `other`.
  ///
  /// - Parameter other: Another set.
  public mutating func formUnion(_ other: TrustedKeys) {
    for key in other.keys { insert(key) }
  }

  /// How a signature's key stands against the set.
  public enum Standing: Hashable, Sendable {
    /// No key is expected: the signature's key was not checked.
    case noKeysExpected
    /// The key is in the set, and the signature is in its owner's name.
    case trusted(PublicSigningKey)
    /// The key is in the set, but the signature names someone else than the key's owner.
    case otherName(PublicSigningKey)
    /// The key is not in the set; `sameName` are the keys of the set registered under the signature's name.
    case untrusted(sameName: [PublicSigningKey])
  }

  /// How a signature by the key of `rawKey` (its 32 bytes), in the name of `signer`, stands.
  ///
  /// - Parameters:
  ///   - rawKey: The signature's public key.
  ///   - signer: The name the signature gives.
  /// - Returns: Its standing.
  public func standing(ofRawKey rawKey: Data, signer: String) -> Standing {
    guard !isEmpty else { return .noKeysExpected }
    if let key = keys.first(where: { $0.rawRepresentation == rawKey }) {
      return Self.sameName(key.signer, signer) ? .trusted(key) : .otherName(key)
    }
    return .untrusted(sameName: keys.filter { Self.sameName($0.signer, signer) })
  }

  /// Whether two names are the same person's as written: equal after Unicode normalization (NFC) and with
  /// runs of white space made one space.
  static func sameName(_ left: String, _ right: String) -> Bool {
    func normal(_ name: String) -> String {
      name.precomposedStringWithCanonicalMapping.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
    return normal(left) == normal(right)
  }

  /// The keys of a public key file (`.pub`), or of every `.pub` file in a folder (a folder of registered keys).
  ///
  /// - Parameter url: A `.pub` file or a folder.
  /// - Returns: The keys.
  /// - Throws: ``KeyError`` when the file, or a `.pub` file of the folder, is not a public key, or a folder
  ///   holds none.
  public static func read(from url: URL) throws(KeyError) -> TrustedKeys {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue else {
      return TrustedKeys([try PublicSigningKey.read(from: url)])
    }
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: url.path)
    } catch {
      throw .unreadable(path: url.path, reason: "the folder cannot be listed")
    }
    var keys = TrustedKeys()
    for name in names.sorted() where name.hasSuffix(".pub") {
      keys.insert(try PublicSigningKey.read(from: url.appending(path: name)))
    }
    if keys.isEmpty { throw .malformed(path: url.path, reason: "the folder holds no public key (.pub)") }
    return keys
  }
}
