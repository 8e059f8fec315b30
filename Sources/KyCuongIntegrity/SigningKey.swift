import Crypto
import Foundation
import KyCuong

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A team leader's Ed25519 key pair, as `kycuong key generate` writes it.
///
/// Both files are one JSON object: `{"format": "kycuong.key/1", "type": "ed25519-private" | "ed25519-public",
/// "signer": NAME, "createdAt": TIME, "key": BASE64}`. The private key (its 32-byte seed) is created with
/// permissions 0600 and refused when its file can be read or written by anyone but its owner.
public struct SigningKey: Sendable {
  /// The signer's name, as it appears in a signature.
  public var signer: String
  /// When the key was made.
  public var createdAt: Date
  /// The 32-byte seed; a `Curve25519.Signing.PrivateKey` is made from it when needed (it is not `Sendable`).
  let seed: Data
  var key: Curve25519.Signing.PrivateKey {
    // The seed was valid when this value was made, so this cannot fail; a fresh key would only fail to verify.
    (try? Curve25519.Signing.PrivateKey(rawRepresentation: seed)) ?? Curve25519.Signing.PrivateKey()
  }

  /// A new key for `signer`.
  public init(signer: String, createdAt: Date = .now) {
    self.signer = signer
    self.createdAt = Timestamp.wholeSeconds(createdAt)
    self.seed = Curve25519.Signing.PrivateKey().rawRepresentation
  }

  /// The public half.
  public var publicKey: PublicSigningKey {
    PublicSigningKey(signer: signer, createdAt: createdAt, key: key.publicKey)
  }

  /// Signs `message`; the 64-byte Ed25519 signature.
  public func signature(for message: Data) throws(KeyError) -> Data {
    do {
      return try key.signature(for: message)
    } catch {
      throw .cannotSign(reason: "\(error)")
    }
  }

  /// Writes the private key to `url` (mode 0600, never over an existing file) and the public key to
  /// `url` + `.pub`.
  ///
  /// - Throws: ``KeyError/exists(path:)`` when either file exists, ``KeyError/io(path:reason:)``.
  public func write(to url: URL) throws(KeyError) {
    let publicURL = URL(fileURLWithPath: url.path + ".pub")
    for file in [url, publicURL] where FileManager.default.fileExists(atPath: file.path) {
      throw .exists(path: file.path)
    }
    let file = KeyFile(
      format: KeyFile.formatID, type: "ed25519-private", signer: signer, createdAt: createdAt,
      key: key.rawRepresentation.base64EncodedString())
    try Self.create(url, contents: try file.encoded(path: url.path), mode: 0o600)
    try Self.create(publicURL, contents: try publicKey.fileData(), mode: 0o644)
  }

  /// Reads a private key file.
  ///
  /// - Throws: ``KeyError/tooOpen(path:mode:)`` when group or others may read or write it,
  ///   ``KeyError/unreadable(path:reason:)`` or ``KeyError/malformed(path:reason:)``.
  public static func read(from url: URL) throws(KeyError) -> SigningKey {
    var info = stat()
    guard stat(url.path, &info) == 0 else {
      throw .unreadable(path: url.path, reason: String(cString: strerror(errno)))
    }
    let mode = Int(info.st_mode) & 0o777
    if mode & 0o077 != 0 { throw .tooOpen(path: url.path, mode: mode) }
    let file = try KeyFile.read(url, type: "ed25519-private")
    do {
      let key = try Curve25519.Signing.PrivateKey(rawRepresentation: file.keyBytes(path: url.path))
      return SigningKey(signer: file.signer, createdAt: file.createdAt, key: key)
    } catch let error as KeyError {
      throw error
    } catch {
      throw .malformed(path: url.path, reason: "not an Ed25519 private key")
    }
  }

  private init(signer: String, createdAt: Date, key: Curve25519.Signing.PrivateKey) {
    self.signer = signer
    self.createdAt = createdAt
    self.seed = key.rawRepresentation
  }

  static func create(_ url: URL, contents: Data, mode: mode_t) throws(KeyError) {
    let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
    guard fd >= 0 else {
      let code = errno
      if code == EEXIST { throw .exists(path: url.path) }
      throw .io(path: url.path, reason: String(cString: strerror(code)))
    }
    // The umask may have taken bits away, never added them; set the mode exactly.
    _ = fchmod(fd, mode)
    let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    do {
      try handle.write(contentsOf: contents)
      try handle.synchronize()
      try handle.close()
    } catch {
      try? FileManager.default.removeItem(at: url)
      throw .io(path: url.path, reason: error.localizedDescription)
    }
  }
}

/// A team leader's public key: what `verify --key` checks a signature against.
public struct PublicSigningKey: Hashable, Sendable {
  /// The signer's name stored with the key.
  public var signer: String
  /// When the key was made.
  public var createdAt: Date
  /// The 32 raw bytes.
  public var rawRepresentation: Data

  init(signer: String, createdAt: Date, key: Curve25519.Signing.PublicKey) {
    self.signer = signer
    self.createdAt = createdAt
    self.rawRepresentation = key.rawRepresentation
  }

  /// A key from its 32 raw bytes (as in a signature's `publicKey`).
  ///
  /// - Throws: ``KeyError/malformed(path:reason:)`` unless they are 32 bytes of an Ed25519 key.
  public init(signer: String, createdAt: Date, rawRepresentation: Data) throws(KeyError) {
    do {
      _ = try Curve25519.Signing.PublicKey(rawRepresentation: rawRepresentation)
    } catch {
      throw .malformed(path: "", reason: "not a 32-byte Ed25519 public key")
    }
    self.signer = signer
    self.createdAt = createdAt
    self.rawRepresentation = rawRepresentation
  }

  /// The key's fingerprint: the first 16 hex digits of the SHA-256 of its 32 raw bytes, in groups of four
  /// (`3f9a 0c1d 77e2 9b40`). Shown by `verify` and in the printed record.
  public var fingerprint: String { Self.fingerprint(ofRawKey: rawRepresentation) }

  /// The fingerprint of a raw 32-byte public key (or of the base64 `publicKey` of a signature, decoded).
  public static func fingerprint(ofRawKey raw: Data) -> String {
    let hex = Array(Digest.hex(of: raw).prefix(16))
    return stride(from: 0, to: 16, by: 4).map { String(hex[$0..<$0 + 4]) }.joined(separator: " ")
  }

  /// Whether `signature` is this key's signature of `message`.
  public func isValidSignature(_ signature: Data, for message: Data) -> Bool {
    guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: rawRepresentation) else {
      return false
    }
    return key.isValidSignature(signature, for: message)
  }

  /// The key as a `.pub` file.
  public func fileData() throws(KeyError) -> Data {
    try KeyFile(
      format: KeyFile.formatID, type: "ed25519-public", signer: signer, createdAt: createdAt,
      key: rawRepresentation.base64EncodedString()
    ).encoded(path: "")
  }

  /// Reads a public key file (`.pub`).
  public static func read(from url: URL) throws(KeyError) -> PublicSigningKey {
    let file = try KeyFile.read(url, type: "ed25519-public")
    var key = try PublicSigningKey(
      signer: file.signer, createdAt: file.createdAt, rawRepresentation: try file.keyBytes(path: url.path))
    key.signer = file.signer
    return key
  }
}

/// The JSON of a key file.
struct KeyFile: Codable {
  static let formatID = "kycuong.key/1"
  static let maximumSize = 64 * 1024
  var format: String
  var type: String
  var signer: String
  var createdAt: Date
  var key: String

  func encoded(path: String) throws(KeyError) -> Data {
    let encoder = EventLog.makeEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    do {
      return try encoder.encode(self) + Data([UInt8(ascii: "\n")])
    } catch {
      throw .io(path: path, reason: error.localizedDescription)
    }
  }

  func keyBytes(path: String) throws(KeyError) -> Data {
    guard let bytes = Data(base64Encoded: key), bytes.count == 32 else {
      throw .malformed(path: path, reason: "`key` is not 32 bytes of base64")
    }
    return bytes
  }

  static func read(_ url: URL, type: String) throws(KeyError) -> KeyFile {
    let data: Data
    do throws(FileReadError) {
      data = try BoundedFile.read(url, limit: maximumSize)
    } catch {
      throw .unreadable(path: url.path, reason: error.description)
    }
    let file: KeyFile
    do {
      file = try EventLog.makeDecoder().decode(KeyFile.self, from: data)
    } catch {
      throw .malformed(path: url.path, reason: "not a KyCuong key file")
    }
    guard file.format == formatID else {
      throw .malformed(path: url.path, reason: "unknown key format \"\(file.format)\"")
    }
    guard file.type == type else {
      let wanted = type == "ed25519-public" ? "a public key (.pub)" : "a private key"
      throw .malformed(path: url.path, reason: "this is \"\(file.type)\"; expected \(wanted)")
    }
    return file
  }
}

/// A key could not be made, read or used. Each case says what to do.
public enum KeyError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file exists; keys are never overwritten.
  case exists(path: String)
  /// The private key file may be read or written by others.
  case tooOpen(path: String, mode: Int)
  /// The file cannot be read.
  case unreadable(path: String, reason: String)
  /// The file is not a key of the expected kind.
  case malformed(path: String, reason: String)
  /// Writing failed.
  case io(path: String, reason: String)
  /// Signing failed.
  case cannotSign(reason: String)

  /// What happened and what to do.
  public var description: String {
    switch self {
    case .exists(let path):
      "\(path) exists; a key is never overwritten: choose another file or remove it first"
    case .tooOpen(let path, let mode):
      "\(path) can be read by others (mode \(String(mode, radix: 8))); refusing to use it: "
        + "run `chmod 600 \(path)`, and make a new key if others may have copied it"
    case .unreadable(let path, let reason): "cannot read the key \(path): \(reason)"
    case .malformed(let path, let reason): path.isEmpty ? reason : "\(path): \(reason)"
    case .io(let path, let reason): "cannot write \(path): \(reason)"
    case .cannotSign(let reason): "signing failed: \(reason)"
    }
  }
}
