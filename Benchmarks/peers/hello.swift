// The peer of "REPL, empty stdin": the least a Swift program that uses Foundation costs to start and exit
// (the dynamic loader, the Swift runtime, Foundation and its dependencies, one write). Built by
// Benchmarks/run.py with `swiftc -O`, linked as the kycuong binary is (dynamically).
import Foundation

FileHandle.standardOutput.write(Data("Xin chào — \(ProcessInfo.processInfo.processName)\n".utf8))
