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
    defer { _ = close(fd) }
    var written = 0
    while written < contents.count {
      let result = contents.withUnsafeBytes { buffer in
        systemWrite(fd, buffer.baseAddress.map { $0 + written }, buffer.count - written)
      }
      if result < 0 && errno == EINTR { continue }
      guard result > 0 else {
        let reason = String(cString: strerror(errno))
        _ = unlink(url.path)
        throw .io(path: url.path, reason: reason)
      }
      written += result
    }
    guard fsync(fd) == 0 else {
      let reason = String(cString: strerror(errno))
      _ = unlink(url.path)
      throw .io(path: url.path, reason: reason)
    }
  }
}

/// `write(2)`, named apart from ``SigningKey/write(to:)``.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
  write(fd, buffer, count)
}
