import Foundation
import HTTPTypes
import Hummingbird
import KyCuong
import KyCuongArchive
import KyCuongIntegrity
import KyCuongSync

/// The JSON API under `/api/v1` (described in `openapi.json`, served at `/api/v1/openapi.json`): every
/// request but the health check and the document itself is signed by a registered device (RFC 9421), and a
/// device sees and pushes only its own team's audits. Every refusal is logged with its rule.
struct APIResponder: Sendable {
  let store: ServerStore
  let configuration: DepartmentServer.Configuration

  var archive: DepartmentArchive { store.archive }

  func addRoutes(to router: Router<BasicRequestContext>) {
    router.get("/api/v1/health") { _, _ in
      try await respond { try JSONResponse.ok(Health(status: "ok", schemaVersion: archive.schemaVersion)) }
    }
    router.get("/api/v1/openapi.json") { _, _ in
      try await respond { try JSONResponse.openAPIDocument() }
    }
    router.post("/api/v1/audits") { request, context in
      try await respond(request) { device, body in try await push(body, by: device) }
    }
    router.get("/api/v1/audits") { request, context in
      try await respond(request) { device, _ in try await list(for: device) }
    }
    router.get("/api/v1/audits/:id") { request, context in
      let id = context.parameters.get("id") ?? ""
      return try await respond(request) { device, _ in try await show(id, for: device) }
    }
    router.put("/api/v1/audits/:id/logs/:device") { request, context in
      let id = context.parameters.get("id") ?? ""
      let logDevice = context.parameters.get("device") ?? ""
      return try await respond(request) { device, body in
        try await pushLog(body, of: id, device: logDevice, by: device)
      }
    }
    router.get("/api/v1/audits/:id/logs") { request, context in
      let id = context.parameters.get("id") ?? ""
      return try await respond(request) { device, _ in
        try await JSONResponse.ok(logs(of: id, for: device).map(\.entry))
      }
    }
    router.get("/api/v1/audits/:id/logs/:device") { request, context in
      let id = context.parameters.get("id") ?? ""
      let logDevice = context.parameters.get("device") ?? ""
      return try await respond(request) { device, _ in
        try await pullLog(of: id, device: logDevice, for: device)
      }
    }
    router.get("/api/v1/checklists") { request, context in
      try await respond(request) { _, _ in try await JSONResponse.ok(store.publishedChecklists()) }
    }
    router.get("/api/v1/checklists/:id/:version") { request, context in
      let id = context.parameters.get("id") ?? ""
      let version = context.parameters.get("version") ?? ""
      return try await respond(request) { _, _ in try await pullChecklist(id, version: version) }
    }
  }

  // MARK: - Endpoints

  struct Health: Codable {
    var status: String
    var schemaVersion: Int
  }

  /// `POST /api/v1/audits`: an export or a bundle, archived once whatever the number of retries.
  private func push(_ body: Data, by device: ServerDevice) async throws -> Response {
    guard device.role.mayPush else {
      throw APIProblem(
        status: 403, title: "forbidden",
        detail:
          "the device \(device.keyID) is a \(device.role.rawValue)'s; only a team leader's device pushes "
          + "audits (a member's answers reach the server in the leader's merged export)")
    }
    let sha256 = ArchiveDocument.sha256(of: body)
    // The same bytes again: answered from the digest, once the audit is known to be the device's team's.
    if let stored = try await archive.document(sha256) {
      let team = try await claim(stored.auditID, for: device).team
      return try JSONResponse.ok(
        PushReceipt(
          auditID: stored.auditID, sha256: sha256, alreadyArchived: true, team: team,
          reviewState: try await store.reviewStates()[stored.auditID] ?? .received))
    }
    let fileName = "push-\(sha256.prefix(12)).\(body.starts(with: [0x50, 0x4B]) ? "zip" : "json")"
    // New bytes are read and verified here, in the request's task (several pushes at once on the machine's
    // cores); the archive only writes them.
    let reading: Result<ArchiveDocument, ImportRefusal>
    do {
      reading = .success(try ArchiveDocument.read(body))
    } catch {
      reading = .failure(error)
    }
    let document: ArchiveDocument
    switch reading {
    case .success(let read): document = read
    case .failure(let refusal):
      // Logged by the archive as any refused import.
      _ = try await store.archivePush(body, reading: reading, fileName: fileName, by: device)
      throw APIProblem(status: 422, title: "refused-\(refusal.rule.rawValue)", detail: refusal.description)
    }
    let auditID = document.audit.id
    let (team, claimedNow) = try await claim(auditID, for: device)
    switch try await store.archivePush(body, reading: reading, fileName: fileName, by: device) {
    case .archived(let receipt):
      return try JSONResponse.make(
        PushReceipt(
          auditID: receipt.auditID, sha256: sha256, alreadyArchived: false, team: team, reviewState: .received
        ),
        status: .created)
    case .alreadyArchived:
      // Archived by a push of the same bytes that ran at the same time.
      return try JSONResponse.ok(
        PushReceipt(
          auditID: auditID, sha256: sha256, alreadyArchived: true, team: team,
          reviewState: try await store.reviewStates()[auditID] ?? .received))
    case .refused(let refusal):
      if claimedNow { try await store.releaseClaim(auditID, of: team) }
      throw APIProblem(status: 422, title: "refused-\(refusal.rule.rawValue)", detail: refusal.description)
    }
  }

  /// The team of `auditID`, claimed for the device's when it has none; refused when it is another team's.
  private func claim(
    _ auditID: String, for device: ServerDevice
  ) async throws -> (team: String, claimedNow: Bool) {
    let claimed = try await store.claim(auditID, for: device.team, by: device.keyID)
    guard claimed.team == device.team else {
      throw APIProblem(
        status: 403, title: "other-team",
        detail: "the audit \(auditID) belongs to another team; the device \(device.keyID) pushes only "
          + "\(device.team)'s audits")
    }
    return claimed
  }

  /// `GET /api/v1/audits`: the device's team's audits, newest first.
  private func list(for device: ServerDevice) async throws -> Response {
    let teams = try await store.teams()
    let states = try await store.reviewStates()
    let entries = try await archive.audits(AuditFilter()).filter { teams[$0.auditID] == device.team }
    return try JSONResponse.ok(
      entries.map { entry in
        ServerAudit(
          auditID: entry.auditID, unit: entry.unit, checklistID: entry.checklistID,
          startedAt: entry.startedAt,
          finishedAt: entry.finishedAt, leader: entry.leader, overallScore: entry.overallScore,
          criticalFailures: entry.criticalFailures, team: device.team,
          reviewState: states[entry.auditID] ?? .received, reviews: [])
      })
  }

  /// `GET /api/v1/audits/{id}`: one of the team's audits with its review.
  private func show(_ id: String, for device: ServerDevice) async throws -> Response {
    // Another team's audit is "not found", as one that does not exist: its existence is not told.
    guard try await store.team(of: id) == device.team, let audit = try await archive.audit(id) else {
      throw APIProblem(status: 404, title: "not-found", detail: "the team \(device.team) has no audit \(id)")
    }
    let reviews = try await store.reviews(of: id)
    let record = audit.record
    return try JSONResponse.ok(
      ServerAudit(
        auditID: record.id, unit: record.unit, checklistID: record.checklistID, startedAt: record.startedAt,
        finishedAt: record.finishedAt, leader: record.leader, overallScore: record.overallScore,
        criticalFailures: record.criticalFailures.count, team: device.team,
        reviewState: reviews.last?.state ?? .received, reviews: reviews))
  }

  // MARK: - Device logs

  /// `PUT /api/v1/audits/{id}/logs/{device}`: a device's log of a team audit while it goes on, stored as
  /// an append (``ServerStore/pushDeviceLog(_:device:recorder:of:by:at:admitting:)``) once it is checked
  /// as the leader's merge checks it: an intact chain of that audit and device, and every device's log on
  /// the server still merging (``/KyCuong/TeamMerge``).
  private func pushLog(
    _ body: Data, of id: String, device logDevice: String, by device: ServerDevice
  ) async throws -> Response {
    guard device.role.mayPushDeviceLogs else {
      throw APIProblem(
        status: 403, title: "forbidden",
        detail: "the device \(device.keyID) is a viewer's; only a team's leader and members push device logs")
    }
    let (verification, replayed) = LogChain.verifyAndReplay(body)
    guard verification.isIntact, let audit = replayed else {
      throw APIProblem(
        status: 422, title: "refused-log",
        detail: "the body is not an intact audit log: "
          + (verification.problems.first.map { "\($0)" } ?? "its events do not replay"))
    }
    guard audit.id == id else {
      throw APIProblem(
        status: 422, title: "refused-different-audit", detail: "the log is of audit \(audit.id), not of \(id)"
      )
    }
    let log = DeviceLog(name: "the pushed log of device \(logDevice)", events: audit.events)
    guard log.device == logDevice else {
      throw APIProblem(
        status: 422, title: "refused-device",
        detail: "the log is device \(log.device)'s log of the audit, not device \(logDevice)'s")
    }
    if logDevice == EventReference.leaderDevice, device.role != .leader {
      throw APIProblem(
        status: 403, title: "forbidden",
        detail: "the device \(device.keyID) is a member's; only a leader's device pushes the leader's log")
    }
    let (team, claimedNow) = try await claim(id, for: device)
    let admission = try await store.pushDeviceLog(
      body, device: logDevice, recorder: log.recorder ?? audit.header.team.leader, of: id, by: device
    ) { logs in
      var deviceLogs: [DeviceLog] = []
      for stored in logs {
        if stored.entry.device == logDevice {
          deviceLogs.append(log)
          continue
        }
        let (verification, replayed) = LogChain.verifyAndReplay(stored.data)
        guard verification.isIntact, let replayed else {
          return APIProblem(
            status: 500, title: "server",
            detail: "device \(stored.entry.device)'s log of \(id) on the server is not intact")
        }
        deviceLogs.append(DeviceLog(name: "device \(stored.entry.device)'s log", events: replayed.events))
      }
      do throws(TeamMergeError) {
        _ = try TeamMerge.merge(deviceLogs)
      } catch {
        return APIProblem(status: 422, title: "refused-merge", detail: error.description)
      }
      return nil
    }
    switch admission {
    case .stored(let outcome, let entry):
      return try JSONResponse.make(
        DeviceLogReceipt(auditID: id, team: team, outcome: outcome, log: entry),
        status: outcome == .created ? .created : .ok)
    case .refused(let problem):
      if claimedNow { try await store.releaseClaim(id, of: team) }
      throw problem
    }
  }

  /// The device logs of one of the team's audits (another team's is "not found", as one that does not exist).
  private func logs(of id: String, for device: ServerDevice) async throws -> [StoredDeviceLog] {
    guard try await store.team(of: id) == device.team else {
      throw APIProblem(status: 404, title: "not-found", detail: "the team \(device.team) has no audit \(id)")
    }
    return try await store.deviceLogs(of: id)
  }

  /// `GET /api/v1/audits/{id}/logs/{device}`: the log's exact bytes, for the leader to merge or a member to
  /// join from.
  private func pullLog(
    of id: String, device logDevice: String, for device: ServerDevice
  ) async throws -> Response {
    guard let log = try await logs(of: id, for: device).first(where: { $0.entry.device == logDevice }) else {
      throw APIProblem(
        status: 404, title: "not-found", detail: "the server has no log of device \(logDevice) in audit \(id)"
      )
    }
    var headers: HTTPFields = [.contentType: "application/jsonl; charset=utf-8"]
    if let digest = HTTPField.Name("Content-Digest") { headers[digest] = ContentDigest.value(for: log.data) }
    return Response(
      status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: log.data)))
  }

  // MARK: - Published checklists

  /// `GET /api/v1/checklists/{id}/{version}`: a published checklist file's exact bytes, for any registered
  /// device (checklists are the department's, not a team's). The store re-checks them before they leave.
  private func pullChecklist(_ id: String, version: String) async throws -> Response {
    guard let (_, data) = try await store.publishedChecklist(id, version: version) else {
      throw APIProblem(
        status: 404, title: "not-found", detail: "the server has not published \(id) version \(version)")
    }
    var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
    if let digest = HTTPField.Name("Content-Digest") { headers[digest] = ContentDigest.value(for: data) }
    return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
  }

  // MARK: - Signed requests

  /// Runs `body` for the device that signed `request`, or answers the refusal (logged).
  private func respond(
    _ request: Request, _ body: @Sendable (ServerDevice, Data) async throws -> Response
  ) async throws -> Response {
    let method = request.method.rawValue
    let target = request.head.path ?? "/"
    var who = "anonymous"
    do {
      let data = try await readBody(request)
      let device = try await authenticate(request, target: target, body: data)
      who = "device \(device.keyID)"
      return try await body(device, data)
    } catch let problem as APIProblem {
      try? await store.log(
        method: method, path: target, status: problem.status, who: who, outcome: problem.description)
      return JSONResponse.problem(problem)
    } catch {
      let problem = APIProblem(status: 500, title: "server", detail: "\(error)")
      try? await store.log(method: method, path: target, status: 500, who: who, outcome: problem.description)
      return JSONResponse.problem(problem)
    }
  }

  /// Runs `body` for an unsigned request (health, the API's description).
  private func respond(_ body: () async throws -> Response) async throws -> Response {
    do {
      return try await body()
    } catch let problem as APIProblem {
      return JSONResponse.problem(problem)
    } catch {
      return JSONResponse.problem(APIProblem(status: 500, title: "server", detail: "\(error)"))
    }
  }

  /// The body, refused above ``DepartmentServer/Configuration/maximumBodySize`` before it is read whole
  /// when its length is declared, and as soon as it passes the limit when it is not.
  private func readBody(_ request: Request) async throws -> Data {
    let limit = configuration.maximumBodySize
    let tooLarge = APIProblem(
      status: 413, title: "too-large", detail: "the body is over the server's limit of \(limit) bytes")
    if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit { throw tooLarge }
    var request = request
    do {
      let buffer = try await request.collectBody(upTo: limit)
      return Data(buffer.readableBytesView)
    } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
      throw tooLarge
    }
  }

  /// The registered, unrevoked device whose signature `request` carries, its nonce recorded.
  private func authenticate(_ request: Request, target: String, body: Data) async throws -> ServerDevice {
    let signed = SignedRequest(
      method: request.method.rawValue, target: target,
      fields: request.headers.map { (name: $0.name.canonicalName, value: $0.value) }, body: body)
    let signature: MessageSignature
    do {
      signature = try MessageSignature.read(signed, window: configuration.signatureWindow)
    } catch {
      throw Self.problem(error)
    }
    guard let device = try await store.device(signature.keyID), device.revokedAt == nil else {
      throw Self.problem(.unknownKey(signature.keyID))
    }
    guard signature.isValid(for: device.publicKey) else {
      throw Self.problem(.badSignature(keyID: device.keyID))
    }
    // Recorded only once the signature is known good, so that forged requests cannot fill the table.
    guard
      try await store.recordNonce(
        signature.nonce, keyID: signature.keyID, created: signature.created,
        window: configuration.signatureWindow)
    else { throw Self.problem(.replayed(keyID: device.keyID, nonce: signature.nonce)) }
    return device
  }

  /// 401 with the refusal's rule as the title.
  static func problem(_ refusal: RequestSignatureRefusal) -> APIProblem {
    let title: String =
      switch refusal {
      case .replayed: "replayed"
      case .unknownKey: "unknown-key"
      case .outsideWindow, .expired: "stale"
      case .digestMismatch: "digest"
      default: "signature"
      }
    return APIProblem(status: 401, title: title, detail: refusal.description)
  }
}
