import Foundation
import KyCuong
import KyCuongSupport
import Testing

@Suite("SHA-256")
struct SHA256DigestTests {
  @Test(
    "NIST vectors (FIPS 180-4 examples)",
    arguments: [
      ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
      ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
      (
        "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
      ),
      (
        "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
        "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
      ),
    ])
  func nistVectors(message: String, digest: String) {
    #expect(SHA256Digest.hex(of: Array(message.utf8)) == digest)
  }

  @Test("one million 'a'")
  func millionA() {
    let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
    #expect(
      SHA256Digest.hex(of: message) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test("a sequence without contiguous storage hashes like an array")
  func nonContiguous() {
    let message = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
    #expect(
      SHA256Digest.hex(of: message.lazy.map { $0 })
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
  }

  @Test("updates in pieces of any size give the one-shot digest")
  func incremental() {
    let message = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
    let expected = SHA256Digest.hex(of: message)
    for size in [1, 3, 63, 64, 65, 127, 500] {
      var digest = SHA256Digest()
      var start = 0
      while start < message.count {
        digest.update(message[start..<min(start + size, message.count)])
        start += size
      }
      #expect(digest.finalizeHex() == expected, "pieces of \(size)")
    }
  }

  @Test("padding boundaries agree with sha256sum")
  func boundaries() throws {
    let folder = try Environment.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    for length in [1, 55, 56, 57, 63, 64, 65, 119, 120, 128] {
      let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 13 &+ 5) }
      let file = folder.appending(path: "\(length).bin")
      try Data(bytes).write(to: file)
      #expect(SHA256Digest.hex(of: bytes) == (try Environment.sha256sum(file)), "length \(length)")
    }
  }

  @Test("a random 1 MiB buffer and a file agree with sha256sum")
  func randomBuffer() throws {
    var generator = SystemRandomNumberGenerator()
    let bytes = (0..<(1 << 20) + 123).map { _ in UInt8.random(in: 0...255, using: &generator) }
    let folder = try Environment.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appending(path: "random.bin")
    try Data(bytes).write(to: file)
    let expected = try Environment.sha256sum(file)
    #expect(SHA256Digest.hex(of: bytes) == expected)
    #expect(SHA256Digest.hex(of: bytes[...]) == expected)
    // hex(ofFileAt:) reads in 1 MiB blocks; the file is a little longer than one block.
    #expect(try SHA256Digest.hex(ofFileAt: file) == expected)
    #expect(try SHA256Digest.hex(of: Data(bytes)) == expected)
  }
}
