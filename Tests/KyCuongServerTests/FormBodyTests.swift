import Foundation
import Testing

@testable import KyCuongServer

/// The dashboard's forms as browsers send them (`application/x-www-form-urlencoded`).
@Suite("Form bodies")
struct FormBodyTests {
  @Test("+ is a space, %XX are UTF-8 bytes (Vietnamese), the first of two values counts, junk is dropped")
  func decoding() {
    let form = FormBody(
      Data(
        "state=has-issues&comment=Thi%E1%BA%BFu+%E1%BA%A3nh+BADGE-01&state=approved&bad=%E1%ZZ&empty=&flag"
          .utf8))
    #expect(form["state"] == "has-issues")
    #expect(form["comment"] == "Thiếu ảnh BADGE-01")
    #expect(form["bad"] == nil)
    #expect(form["empty"] == "")
    #expect(form["flag"] == "")
    #expect(form["missing"] == nil)
  }

  @Test("tokens compare equal only when equal, whatever their length")
  func tokens() {
    let token = WebSession.makeToken()
    #expect(token.count == 43 && !token.contains("=") && !token.contains("+") && !token.contains("/"))
    #expect(WebSession.same(token, token))
    #expect(!WebSession.same(token, WebSession.makeToken()))
    #expect(!WebSession.same(token, String(token.dropLast())))
    #expect(!WebSession.same("", ""))
    #expect(WebSession.sha256("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }
}
