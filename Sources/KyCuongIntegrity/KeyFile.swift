import Foundation
import KyCuong

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
    do {
      return try JSONCoding.fileData(self)
    } catch {
      throw .io(path: path, reason: "the key cannot be written as JSON")
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
      file = try JSONCoding.decoder().decode(KeyFile.self, from: data)
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
