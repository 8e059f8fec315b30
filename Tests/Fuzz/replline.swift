import Foundation
import KyCuong

/// Fuzz target: the REPL's line parser: the input check, command matching, arguments, answers of every item
/// kind, did-you-mean. Any text (the bytes decoded as UTF-8 with repair, as the line reader does); never a
/// crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzREPLLine(_ pointer: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let line = String(decoding: FuzzInput.data(pointer, count), as: UTF8.self)
  _ = InputCheck.problem(in: line)
  if let (command, rest) = Command.match(line) {
    _ = command.accepts(arguments: rest)
    let arguments = Arguments(rest, flagNames: ["general", "read-only"])
    _ = arguments.joined
  }
  let (answer, _) = AnswerParser.splitRemark(line)
  _ = AnswerParser.checkOutcome(answer)
  let kinds: [ItemKind] = [.check, .observation, .scale(max: 5), .text, .yesNo]
  for kind in kinds {
    // The parser reads the form; the audit checks the range (Outcome.problem(for:)). What passes both must be
    // a sane answer.
    if let outcome = AnswerParser.parse(answer, for: kind), outcome.problem(for: kind) == nil {
      switch outcome {
      case .observation(let compliant, let observed) where compliant < 0 || compliant > observed:
        fatalError("observation \(compliant)/\(observed) accepted")
      case .scale(let value) where value < 0 || value > 5:
        fatalError("scale value \(value) accepted")
      default: break
      }
    }
    _ = AnswerParser.suggestion(for: answer, kind: kind)
  }
  _ = EditDistance.closest(to: String(line.prefix(32)), in: Command.allWords)
  _ = VietnameseFolding.fold(line)
  return 0
}
