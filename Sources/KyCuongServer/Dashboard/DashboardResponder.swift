import Foundation
import Hummingbird
import HummingbirdBcrypt
import KyCuong
import KyCuongArchive
import KyCuongSync

/// The web dashboard: server-rendered pages, usable without JavaScript and printable. People sign in with a
/// password (bcrypt) and get a session cookie (HttpOnly, SameSite=Strict); every form carries the session's
/// CSRF token. Pages: the summary with its charts, the review queue, the audits, one audit with its review
/// and its record, a unit's trend, the overdue corrective actions.
struct DashboardResponder: Sendable {
  let store: ServerStore
  let configuration: DepartmentServer.Configuration

  var archive: DepartmentArchive { store.archive }
  typealias Page = DashboardPage

  /// A signed-in person and their session's CSRF token.
  struct Visitor: Sendable {
    var person: ServerPerson
    var csrfToken: String
  }

  func addRoutes(to router: Router<BasicRequestContext>) {
    router.get("/login") { request, _ in signInPage(request) }
    router.post("/login") { request, _ in try await signIn(request) }
    router.post("/logout") { request, _ in
      try await page(request, form: true) { visitor, _ in try await signOut(request, visitor) }
    }
    router.get("/") { request, _ in
      try await page(request) { visitor, _ in Page.response(try await summaryPage(visitor)) }
    }
    router.get("/reviews") { request, _ in
      try await page(request) { visitor, _ in Page.response(try await auditsPage(visitor, queue: true)) }
    }
    router.get("/audits") { request, _ in
      try await page(request) { visitor, _ in Page.response(try await auditsPage(visitor, queue: false)) }
    }
    router.get("/audits/:id") { request, context in
      let id = context.parameters.get("id") ?? ""
      return try await page(request) { visitor, _ in Page.response(try await auditPage(id, visitor)) }
    }
    router.get("/audits/:id/record") { request, context in
      let id = context.parameters.get("id") ?? ""
      return try await page(request) { _, _ in Page.response(try await recordPage(id)) }
    }
    router.post("/audits/:id/review") { request, context in
      let id = context.parameters.get("id") ?? ""
      return try await page(request, form: true) { visitor, form in try await review(id, form, visitor) }
    }
    router.get("/units/:unit") { request, context in
      let unit = context.parameters.get("unit")?.removingPercentEncoding ?? ""
      return try await page(request) { visitor, _ in Page.response(try await unitPage(unit, visitor)) }
    }
    router.get("/actions") { request, _ in
      try await page(request) { visitor, _ in Page.response(try await actionsPage(visitor)) }
    }
  }

  // MARK: - Signing in

  private func signInPage(_ request: Request, failed: Bool = false) -> Response {
    let token = WebSession.makeToken()
    let notice =
      failed
      ? "<p class=\"notice bad\">" + Page.label("Tên hoặc mật khẩu không đúng.", "Wrong name or password.")
        + "</p>"
      : ""
    let html = Page.page(
      ("Đăng nhập", "Sign in"), person: nil, csrfToken: nil,
      content: notice + """
        <form method="post" action="/login">
        <input type="hidden" name="csrf" value="\(token)">
        <p><label>\(Page.label("Tên đăng nhập", "Name"))<br><input name="name" autocomplete="username" required></label></p>
        <p><label>\(Page.label("Mật khẩu", "Password"))<br><input name="password" type="password" autocomplete="current-password" required></label></p>
        <p><button type="submit">Đăng nhập</button></p>
        </form>
        """)
    var response = Page.response(html, status: failed ? .unauthorized : .ok)
    response.setCookie(cookie(WebSession.signInCookieName, token, maxAge: 3600))
    return response
  }

  private func signIn(_ request: Request) async throws -> Response {
    let form = FormBody(try await formData(request))
    guard let sent = form["csrf"], let expected = request.cookies[WebSession.signInCookieName]?.value,
      WebSession.same(sent, expected)
    else {
      return try await denied(
        request, who: "anonymous", status: .forbidden, "the sign-in form's CSRF token is wrong")
    }
    let name = form["name"] ?? ""
    let password = form["password"] ?? ""
    let found = try await store.person(name)
    // An unknown name costs the same bcrypt as a known one: the time of the answer does not tell which.
    guard Self.verify(password, hash: found?.passwordHash ?? Self.unknownPersonHash), let found else {
      try await store.log(
        method: "POST", path: "/login", status: 401, who: "anonymous",
        outcome: "sign-in refused for \(String(name.prefix(80)))")
      return signInPage(request, failed: true)
    }
    let token = WebSession.makeToken()
    try await store.startSession(
      tokenSHA256: WebSession.sha256(token), csrfToken: WebSession.makeToken(), person: found.person.name,
      lasting: configuration.sessionLength)
    return Page.redirect(
      "/",
      cookies: [
        cookie(WebSession.cookieName, token, maxAge: Int(configuration.sessionLength)),
        cookie(WebSession.signInCookieName, "", maxAge: 0),
      ])
  }

  /// bcrypt's check (about 0.2 s at cost 12).
  private static func verify(_ password: String, hash: String) -> Bool {
    Bcrypt.verify(password, hash: hash) && !password.isEmpty
  }

  /// The hash checked for a name nobody has: of a random password, at the cost people's are made with.
  private static let unknownPersonHash = Bcrypt.hash(WebSession.makeToken(), cost: 12)

  private func signOut(_ request: Request, _ visitor: Visitor) async throws -> Response {
    if let token = request.cookies[WebSession.cookieName]?.value {
      try await store.endSession(tokenSHA256: WebSession.sha256(token))
    }
    return Page.redirect("/login", cookies: [cookie(WebSession.cookieName, "", maxAge: 0)])
  }

  private func cookie(_ name: String, _ value: String, maxAge: Int) -> Cookie {
    Cookie(
      name: name, value: value, maxAge: maxAge, path: "/", secure: configuration.servesTLS, httpOnly: true,
      sameSite: .strict)
  }

  // MARK: - Pages

  private func summaryPage(_ visitor: Visitor) async throws -> String {
    let today = CalendarDate(Date(), in: .vietnam)
    let summary = try await archive.summary(today: today)
    let states = try await store.reviewStates()
    let teams = try await store.teams()
    var counts: [ReviewState: Int] = [:]
    for auditID in teams.keys { counts[states[auditID] ?? .received, default: 0] += 1 }
    var content = "<p>"
    content += ReviewState.allCases.map { state in
      Page.state(state) + " <strong>\(counts[state] ?? 0)</strong>"
    }.joined(separator: " · ")
    content += " · " + Page.link("/reviews", "Mở hàng chờ duyệt", "Open the review queue") + "</p>"
    content += summary.htmlBody(language: .vi)
    return Page.page(
      ("Tổng hợp", "Summary"), person: visitor.person, csrfToken: visitor.csrfToken, content: content)
  }

  private func auditsPage(_ visitor: Visitor, queue: Bool) async throws -> String {
    let states = try await store.reviewStates()
    let teams = try await store.teams()
    var entries = try await archive.audits(AuditFilter())
    if queue {
      // Waiting for the department: received and not decided, or returned and pushed again since.
      entries = entries.filter { teams[$0.auditID] != nil && (states[$0.auditID] ?? .received) == .received }
    }
    var rows = ""
    for entry in entries {
      let state = states[entry.auditID] ?? .received
      rows +=
        "<tr><td><a href=\"/audits/\(Page.segment(entry.auditID))\">\(Page.escape(entry.unit))</a></td>"
        + "<td>\(Page.escape(entry.checklistID))</td><td>\(Page.time(entry.startedAt))</td>"
        + "<td>\(Page.escape(entry.leader))</td><td>\(Page.escape(teams[entry.auditID] ?? "—"))</td>"
        + "<td class=\"num\">\(Page.score(entry.overallScore))</td><td class=\"num\">\(entry.criticalFailures)</td>"
        + "<td>\(teams[entry.auditID] == nil ? "—" : Page.state(state))</td></tr>\n"
    }
    let table =
      entries.isEmpty
      ? "<p class=\"notice\">" + Page.label("Không có cuộc kiểm tra nào.", "No audits.") + "</p>"
      : "<table><thead><tr><th>" + Page.label("Đơn vị", "Unit") + "</th><th>"
        + Page.label("Bảng kiểm", "Checklist")
        + "</th><th>" + Page.label("Bắt đầu", "Started") + "</th><th>" + Page.label("Trưởng đoàn", "Leader")
        + "</th><th>" + Page.label("Đoàn", "Team") + "</th><th class=\"num\">" + Page.label("Điểm", "Score")
        + "</th><th class=\"num\">" + Page.label("Lỗi nghiêm trọng", "Critical") + "</th><th>"
        + Page.label("Trạng thái duyệt", "Review") + "</th></tr></thead><tbody>\n\(rows)</tbody></table>"
    return Page.page(
      queue ? ("Hàng chờ duyệt", "Review queue") : ("Các cuộc kiểm tra", "Audits"), person: visitor.person,
      csrfToken: visitor.csrfToken, content: table)
  }

  private func auditPage(_ id: String, _ visitor: Visitor, notice: String? = nil) async throws -> String {
    guard let audit = try await archive.audit(id) else { throw DashboardError.notFound(id) }
    let record = audit.record
    let reviews = try await store.reviews(of: id)
    let team = try await store.team(of: id)
    let state = reviews.last?.state ?? .received
    var content = notice.map { "<p class=\"notice\">\($0)</p>" } ?? ""
    content += "<table class=\"kv\">"
    func row(_ vi: String, _ en: String, _ value: String) {
      content += "<tr><th>\(Page.label(vi, en))</th><td>\(value)</td></tr>"
    }
    row(
      "Đơn vị", "Unit",
      "<a href=\"/units/\(Page.segment(record.unit))\">\(Page.escape(record.unit))</a>")
    row("Mã cuộc kiểm tra", "Audit id", "<span class=\"hash\">\(Page.escape(record.id))</span>")
    row("Bảng kiểm", "Checklist", Page.escape("\(record.checklistID) \(record.checklistVersion)"))
    row(
      "Bắt đầu – kết thúc", "Started – finished",
      "\(Page.time(record.startedAt)) – \(Page.time(record.finishedAt))")
    row("Trưởng đoàn", "Leader", Page.escape(record.leader))
    row("Thành viên", "Members", Page.escape(record.members.joined(separator: ", ")))
    row("Đoàn", "Team", Page.escape(team ?? "—"))
    row("Điểm (tính lại từ các mục)", "Score (re-derived)", Page.score(record.overallScore))
    row(
      "Lỗi nghiêm trọng", "Critical failures",
      Page.escape(record.criticalFailures.map(\.rawValue).joined(separator: ", ").ifEmpty("0")))
    row("Trạng thái duyệt", "Review", Page.state(state))
    content += "</table>"
    content +=
      "<p>"
      + Page.link("/audits/\(Page.segment(id))/record", "Xem biên bản (bản in)", "The record (printable)")
      + "</p>"
    content += "<h2>" + Page.label("Lịch sử duyệt", "Review history") + "</h2>"
    if reviews.isEmpty {
      content += "<p>" + Page.label("Chưa duyệt.", "Not reviewed yet.") + "</p>"
    } else {
      content +=
        "<table><thead><tr><th>" + Page.label("Thời gian", "When") + "</th><th>"
        + Page.label("Người duyệt", "Reviewer") + "</th><th>" + Page.label("Quyết định", "Decision")
        + "</th><th>"
        + Page.label("Ý kiến", "Comment") + "</th></tr></thead><tbody>"
      for review in reviews {
        content +=
          "<tr><td>\(Page.time(review.at))</td><td>\(Page.escape(review.reviewer))</td>"
          + "<td>\(Page.state(review.state))</td><td>\(Page.escape(review.comment))</td></tr>"
      }
      content += "</tbody></table>"
    }
    if visitor.person.role.mayReview, team != nil {
      content += """
        <h2>\(Page.label("Duyệt", "Review"))</h2>
        <form class="review" method="post" action="/audits/\(Page.segment(id))/review">
        <input type="hidden" name="csrf" value="\(Page.escape(visitor.csrfToken))">
        \(ReviewState.decisions.map { decision in
          "<label><input type=\"radio\" name=\"state\" value=\"\(decision.rawValue)\" required> \(Page.state(decision))</label>"
        }.joined(separator: "\n"))
        <label>\(Page.label("Ý kiến", "Comment"))<br><textarea name="comment" maxlength="2000"></textarea></label>
        <button type="submit">Ghi quyết định</button>
        </form>
        """
    }
    return Page.page(
      ("Cuộc kiểm tra: " + record.unit, "Audit"), person: visitor.person, csrfToken: visitor.csrfToken,
      content: content)
  }

  private func recordPage(_ id: String) async throws -> String {
    guard let record = try await archive.inspectionRecord(of: id) else { throw DashboardError.notFound(id) }
    return record.html(language: .vi)
  }

  private func review(_ id: String, _ form: FormBody, _ visitor: Visitor) async throws -> Response {
    guard visitor.person.role.mayReview else {
      throw DashboardError.forbidden("\(visitor.person.name) is a viewer; viewers do not decide reviews")
    }
    guard try await store.team(of: id) != nil else { throw DashboardError.notFound(id) }
    guard let state = form["state"].flatMap(ReviewState.init(rawValue:)), state != .received else {
      throw DashboardError.badForm("choose approved, has issues or rejected")
    }
    let comment = String((form["comment"] ?? "").prefix(2000))
    guard state == .approved || !comment.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
      throw DashboardError.badForm("say in the comment what is wrong when an audit has issues or is rejected")
    }
    try await store.review(id, state: state, comment: comment, reviewer: visitor.person.name)
    try await store.log(
      method: "POST", path: "/audits/\(id)/review", status: 303, who: "person \(visitor.person.name)",
      outcome: "review \(state.rawValue)")
    return Page.redirect("/audits/\(Page.segment(id))")
  }

  private func unitPage(_ unit: String, _ visitor: Visitor) async throws -> String {
    let trend = try await archive.scoreTrend(ofUnit: unit)
    guard !trend.isEmpty else { throw DashboardError.notFound(unit) }
    let data = trend.map { point in
      SVGChart.Datum(
        label: CalendarDate(point.audit.startedAt, in: .vietnam).description, value: point.audit.overallScore,
        valueText: Page.score(point.audit.overallScore))
    }
    var content = SVGChart.line(data, title: "Điểm theo thời gian · Score over time")
    content +=
      "<table><thead><tr><th>" + Page.label("Bắt đầu", "Started") + "</th><th>"
      + Page.label("Bảng kiểm", "Checklist") + "</th><th class=\"num\">" + Page.label("Điểm", "Score")
      + "</th></tr></thead><tbody>"
    for point in trend {
      content +=
        "<tr><td><a href=\"/audits/\(Page.segment(point.audit.auditID))\">\(Page.time(point.audit.startedAt))</a>"
        + "</td><td>\(Page.escape(point.audit.checklistID))</td><td class=\"num\">"
        + "\(Page.score(point.audit.overallScore))</td></tr>"
    }
    content += "</tbody></table>"
    return Page.page(
      ("Đơn vị: " + unit, "Unit"), person: visitor.person, csrfToken: visitor.csrfToken, content: content)
  }

  private func actionsPage(_ visitor: Visitor) async throws -> String {
    let today = CalendarDate(Date(), in: .vietnam)
    let actions = try await archive.overdueActions(asOf: today)
    var content = "<p>" + Page.label("Tính đến ngày", "As of") + " \(today)</p>"
    if actions.isEmpty {
      content +=
        "<p class=\"notice\">" + Page.label("Không có việc khắc phục quá hạn.", "No overdue actions.")
        + "</p>"
    } else {
      content +=
        "<table><thead><tr><th>" + Page.label("Đơn vị", "Unit") + "</th><th>"
        + Page.label("Việc cần làm", "Action") + "</th><th>" + Page.label("Người chịu trách nhiệm", "Owner")
        + "</th><th>" + Page.label("Hạn", "Due") + "</th></tr></thead><tbody>"
      for action in actions {
        content +=
          "<tr><td><a href=\"/audits/\(Page.segment(action.auditID))\">\(Page.escape(action.unit))</a></td>"
          + "<td>\(Page.escape(action.action.what))</td><td>\(Page.escape(action.action.owner))</td>"
          + "<td class=\"bad\">\(action.action.due)</td></tr>"
      }
      content += "</tbody></table>"
    }
    return Page.page(
      ("Việc khắc phục quá hạn", "Overdue corrective actions"), person: visitor.person,
      csrfToken: visitor.csrfToken, content: content)
  }

  // MARK: - Sessions, forms, refusals

  /// What a page handler may refuse with.
  enum DashboardError: Error {
    case notFound(String)
    case forbidden(String)
    case badForm(String)
  }

  /// Runs `body` for the signed-in visitor; sends others to the sign-in page. With `form`, the body is read
  /// as a form and its CSRF token must be the session's.
  private func page(
    _ request: Request, form: Bool = false,
    _ body: @Sendable (Visitor, FormBody) async throws -> Response
  ) async throws -> Response {
    guard let token = request.cookies[WebSession.cookieName]?.value,
      let session = try await store.session(tokenSHA256: WebSession.sha256(token))
    else {
      if form {
        return try await denied(request, who: "anonymous", status: .unauthorized, "not signed in")
      }
      return Page.redirect("/login")
    }
    let visitor = Visitor(person: session.person, csrfToken: session.csrfToken)
    let who = "person \(session.person.name)"
    var fields = FormBody(Data())
    if form {
      fields = FormBody(try await formData(request))
      guard let sent = fields["csrf"], WebSession.same(sent, session.csrfToken) else {
        return try await denied(
          request, who: who, status: .forbidden, "the form's CSRF token is not the session's")
      }
    }
    do {
      return try await body(visitor, fields)
    } catch DashboardError.notFound(let what) {
      return try await denied(request, who: who, status: .notFound, "nothing named \(what)")
    } catch DashboardError.forbidden(let why) {
      return try await denied(request, who: who, status: .forbidden, why)
    } catch DashboardError.badForm(let why) {
      return try await denied(request, who: who, status: .badRequest, why)
    }
  }

  /// A refusal, logged, as a page.
  private func denied(
    _ request: Request, who: String, status: HTTPResponse.Status, _ why: String
  ) async throws -> Response {
    try await store.log(
      method: request.method.rawValue, path: request.head.path ?? "/", status: status.code, who: who,
      outcome: why)
    let html = Page.page(
      ("Không thực hiện được", "Refused"), person: nil, csrfToken: nil,
      content: "<p class=\"notice\">\(status.code): \(Page.escape(why))</p><p>"
        + Page.link("/", "Về trang chính", "Home")
        + "</p>")
    return Page.response(html, status: status)
  }

  private func formData(_ request: Request) async throws -> Data {
    var request = request
    return Data(try await request.collectBody(upTo: 64 * 1024).readableBytesView)
  }
}

extension String {
  fileprivate func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }
}
