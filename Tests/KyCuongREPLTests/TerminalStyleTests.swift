import KyCuongREPL
import KyCuongStore
import KyCuongTestSupport
import Testing

@Suite("TerminalStyle")
struct TerminalStyleTests {
  @Test("colour on a terminal without NO_COLOR")
  func terminal() {
    #expect(TerminalStyle.decide(outputIsTerminal: true, environment: [:]).colorEnabled)
    #expect(TerminalStyle.decide(outputIsTerminal: true, environment: ["NO_COLOR": ""]).colorEnabled)
  }

  @Test("no colour when NO_COLOR is set to anything non-empty")
  func noColor() {
    #expect(!TerminalStyle.decide(outputIsTerminal: true, environment: ["NO_COLOR": "1"]).colorEnabled)
    #expect(!TerminalStyle.decide(outputIsTerminal: true, environment: ["NO_COLOR": "0"]).colorEnabled)
  }

  @Test("no colour when output is not a terminal")
  func notTerminal() {
    #expect(!TerminalStyle.decide(outputIsTerminal: false, environment: [:]).colorEnabled)
  }

  @Test("apply wraps only when enabled")
  func apply() {
    let on = TerminalStyle(colorEnabled: true)
    #expect(on.apply(.red, to: "không đạt") == "\u{1B}[31mkhông đạt\u{1B}[0m")
    #expect(on.apply(.bold, .green, to: "đạt") == "\u{1B}[1;32mđạt\u{1B}[0m")
    #expect(on.apply(.yellow, to: "") == "")
    #expect(TerminalStyle.plain.apply(.red, .dim, to: "đạt") == "đạt")
    for attribute in TerminalStyle.Attribute.allCases {
      #expect(!TerminalStyle.plain.apply(attribute, to: "x").contains("\u{1B}"))
    }
  }
}
