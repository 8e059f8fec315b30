import Foundation
import Hummingbird
import KyCuong
import KyCuongSync

/// The frame of the dashboard's pages: the reports' printable HTML page (inline CSS, no script) with a
/// navigation bar; Vietnamese first, English beside it in small type. Every text from an audit, a person or
/// a request is escaped (``escape(_:)``).
enum DashboardPage {
  static let escape = ReportFormatting.escapeHTML

  static let style = """
    body { max-width: 250mm; }
    nav { display: flex; flex-wrap: wrap; gap: 4pt 14pt; align-items: baseline; border-bottom: 2px solid #234;
      padding: 4pt 0 6pt; margin-bottom: 8pt; }
    nav .brand { font-weight: bold; color: #234; margin-right: 8pt; }
    nav a { color: #234; }
    nav form { margin-left: auto; }
    .en { color: #666; font-size: 8.5pt; font-weight: normal; }
    .state { display: inline-block; padding: 0 5pt; border-radius: 3pt; border: 1px solid #999; white-space: nowrap; }
    .state-received { background: #fff6d5; } .state-approved { background: #dcf3dc; }
    .state-has-issues { background: #ffe3c2; } .state-rejected { background: #f6d0d0; }
    form.review label { display: block; margin: 4pt 0; }
    textarea { width: 100%; min-height: 4em; font: inherit; }
    input, select, button { font: inherit; }
    .notice { border: 1px solid #888; background: #f4f4f4; padding: 4pt 6pt; }
    @media print { nav, form { display: none; } }
    """

  /// A whole page: `title` (Vietnamese, English) and `content`; the navigation when someone is signed in.
  static func page(
    _ title: (vi: String, en: String), person: ServerPerson?, csrfToken: String?, content: String
  ) -> String {
    var nav = "<nav><span class=\"brand\">KyCuong</span>"
    if let person {
      nav +=
        link("/", "Tổng hợp", "Summary") + link("/reviews", "Hàng chờ duyệt", "Review queue")
        + link("/audits", "Cuộc kiểm tra", "Audits")
        + link("/actions", "Khắc phục quá hạn", "Overdue actions")
      nav +=
        "<form method=\"post\" action=\"/logout\"><input type=\"hidden\" name=\"csrf\" value=\""
        + escape(csrfToken ?? "") + "\"><span class=\"muted\">\(escape(person.name)) · "
        + escape(person.role.rawValue) + "</span> <button type=\"submit\">Đăng xuất</button></form>"
    }
    nav += "</nav>"
    let body = nav + "<h1>\(escape(title.vi)) <span class=\"en\">\(escape(title.en))</span></h1>\n" + content
    return HTMLPage.page(
      title: title.vi + " — KyCuong", language: .vi, style: style + "\n" + AuditSummary.htmlStyle, body: body)
  }

  static func link(_ path: String, _ vi: String, _ en: String) -> String {
    "<a href=\"\(escape(path))\">\(escape(vi)) <span class=\"en\">\(escape(en))</span></a>"
  }

  /// A label in Vietnamese with its English beside it.
  static func label(_ vi: String, _ en: String) -> String {
    "\(escape(vi)) <span class=\"en\">\(escape(en))</span>"
  }

  static func state(_ state: ReviewState) -> String {
    "<span class=\"state state-\(state.rawValue)\">\(escape(state.label.vi)) <span class=\"en\">"
      + "\(escape(state.label.en))</span></span>"
  }

  /// `74,1` (Vietnamese decimal comma) or `—`.
  static func score(_ value: Double?) -> String {
    guard let value else { return "—" }
    return String(format: "%.1f", value).replacingOccurrences(of: ".", with: ",")
  }

  static func time(_ date: Date?) -> String {
    guard let date else { return "—" }
    return timeFormatter.string(from: date)
  }

  /// `dd/MM/yyyy HH:mm` in Vietnam's time, made once (a table formats a time a row). Never changed after
  /// it is made; Foundation's formatters format from several threads safely.
  nonisolated(unsafe) private static let timeFormatter: DateFormatter = {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = .vietnam
    formatter.dateFormat = "dd/MM/yyyy HH:mm"
    return formatter
  }()

  /// A path segment with everything but unreserved characters percent-encoded.
  static func segment(_ text: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
  }

  /// An HTML response with the pages' Content-Security-Policy.
  static func response(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
    Response(
      status: status,
      headers: [
        .contentType: "text/html; charset=utf-8",
        .contentSecurityPolicy:
          "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'",
      ], body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
  }

  /// `303 See Other` to `path`.
  static func redirect(_ path: String, cookies: [Cookie] = []) -> Response {
    var response = Response(status: .seeOther, headers: [.location: path])
    for cookie in cookies { response.setCookie(cookie) }
    return response
  }
}
