import Foundation

/// The bytes libFuzzer hands to `LLVMFuzzerTestOneInput`, as `Data`.
enum FuzzInput {
  /// Copies `count` bytes at `pointer` (an empty input may come with a null pointer).
  static func data(_ pointer: UnsafePointer<UInt8>?, _ count: Int) -> Data {
    guard let pointer, count > 0 else { return Data() }
    return Data(bytes: pointer, count: count)
  }
}
