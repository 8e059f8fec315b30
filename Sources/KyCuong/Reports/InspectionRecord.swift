import Foundation
import KyCuongAudit
import KyCuongCatalog
import KyCuongExport
import KyCuongModel
import KyCuongScoring
import KyCuongSupport

/// The inspection record ("biên bản kiểm tra") of one audit, as Markdown or as one self-contained HTML page.
///
/// The parts come in the order of the form a department files: the issuing body and the team on the left,
/// the national motto on the right; number and title; the legal basis (the decision setting up the team and
/// the inspection plan, or lines to fill in by hand when they were not recorded); the opening sentence with
/// time and place ("Vào hồi 15 giờ 08 phút, ngày 01 tháng 12 năm 2026, tại …"); the team with positions and
/// roles; the unit's representative; each section's items with outcome, evidence and attachments; the unit's
/// explanation in its speaker's name; scores, rating and critical failures; (the comparison with the
/// previous audit, when one is given); findings; recommendations; corrective actions; the closing statement
/// with pages and copies as recorded (blanks when not) and the signature blocks of the unit's
/// representative, the secretary and the leader, a refusal to sign shown only for whoever refused; last, an
/// annex with the legal sources of the checklist's criteria. Vietnamese numbers take a decimal comma
/// (`74,1`), English ones a point; the English record is English throughout. Every text from the audit is
/// escaped.
public struct InspectionRecord: Sendable {
  /// A part of the record, in order.
  public enum Part: Int, CaseIterable, Hashable, Sendable {
    /// Legal basis: the decision setting up the team and the inspection plan.
    case legalBasis
    /// Place, start and end time, kind of visit.
    case timeAndPlace
    /// Team leader and members.
    case team
    /// The unit and its representative.
    case unit
    /// Per section, each item with its outcome and evidence.
    case results
    /// The unit's explanations.
    case explanation
    /// Scores, rating, critical failures.
    case scores
    /// The comparison with the previous audit (only when one is given).
    case comparison
    /// The team's findings.
    case findings
    /// The team's recommendations.
    case recommendations
    /// Corrective actions with owner and deadline.
    case correctiveActions
    /// Closing statement and signatures.
    case signatures
    /// The annex: the legal sources of the checklist's criteria (not numbered).
    case annex

    /// The part's heading, without its number.
    public func title(_ language: Language) -> String {
      let titles: [Part: (String, String)] = [
        .legalBasis: ("CĂN CỨ", "LEGAL BASIS"),
        .timeAndPlace: ("THỜI GIAN, ĐỊA ĐIỂM", "TIME AND PLACE"),
        .team: ("THÀNH PHẦN ĐOÀN KIỂM TRA", "INSPECTION TEAM"),
        .unit: ("ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA", "REPRESENTATIVE OF THE INSPECTED UNIT"),
        .results: ("NỘI DUNG VÀ KẾT QUẢ KIỂM TRA", "ITEMS CHECKED AND RESULTS"),
        .explanation: ("GIẢI TRÌNH CỦA ĐƠN VỊ", "THE UNIT'S EXPLANATION"),
        .scores: ("ĐIỂM VÀ XẾP LOẠI", "SCORES AND RATING"),
        .comparison: ("SO SÁNH VỚI LẦN KIỂM TRA TRƯỚC", "COMPARISON WITH THE PREVIOUS AUDIT"),
        .findings: ("KẾT LUẬN", "FINDINGS"),
        .recommendations: ("KIẾN NGHỊ", "RECOMMENDATIONS"),
        .correctiveActions: ("BIỆN PHÁP KHẮC PHỤC", "CORRECTIVE ACTIONS"),
        .signatures: ("CHỮ KÝ", "SIGNATURES"),
        .annex: ("PHỤ LỤC: CĂN CỨ PHÁP LÝ CỦA CÁC TIÊU CHÍ", "ANNEX: LEGAL SOURCES OF THE CRITERIA"),
      ]
      let pair = titles[self] ?? ("", "")
      return language == .vi ? pair.0 : pair.1
    }
  }

  /// The audit.
  public var export: AuditExport {
    didSet { derive() }
  }
  /// The scores the items give (never the figures stored in the export).
  public private(set) var scores: ScoreReport
  /// Each item's derived applicability and score.
  var results: [ItemID: AuditExport.ItemResult]
  /// The record's number ("Số").
  public var number: String
  /// The comparison with the previous audit, shown as a part of its own when given.
  public var previous: AuditComparison?
  /// The time zone the record states times in (Vietnam's by default).
  public var timeZone: TimeZone
  /// Number of copies the closing statement mentions; `nil` leaves the number blank, to fill in by hand.
  public var copies: Int?
  /// What was proven about the export (see ``Authenticity``).
  public var authenticity: Authenticity

  /// Creates a record.
  ///
  /// - Parameters:
  ///   - export: The audit.
  ///   - number: The record's number; ``defaultNumber(auditID:)`` when `nil`.
  ///   - previous: The comparison with the previous audit (`AuditComparison(old:new:)`), if any.
  ///   - timeZone: The time zone the record states times in.
  ///   - copies: Number of copies the closing statement mentions; the number recorded in the audit
  ///     (``AuditExport/Visit/recordDetails``) when `nil`, else a blank to fill in by hand.
  ///   - authenticity: What the caller proved about the export; ``Authenticity/unchecked`` by default.
  public init(
    export: AuditExport, number: String? = nil, previous: AuditComparison? = nil,
    timeZone: TimeZone = .vietnam, copies: Int? = nil, authenticity: Authenticity = .unchecked
  ) {
    self.authenticity = authenticity
    self.export = export
    self.scores = export.rescore()
    self.results = export.itemResults
    self.number = number ?? Self.defaultNumber(auditID: export.audit.id)
    self.previous = previous
    self.timeZone = timeZone
    self.copies = copies ?? export.audit.recordDetails?.copies
  }

  private mutating func derive() {
    scores = export.rescore()
    results = export.itemResults
  }

  /// A record number derived from the audit id: the date, time and random suffix of a standard id
  /// (`20261121-0930-hang-bac-1a2b` → `20261121-0930-1a2b/BB-KTCV`), else the whole id, then `/BB-KTCV`
  /// ("biên bản kiểm tra công vụ").
  public static func defaultNumber(auditID: String) -> String {
    let parts = auditID.split(separator: "-")
    if parts.count >= 4, parts[0].count == 8, parts[1].count == 4, parts[0].allSatisfy(\.isNumber),
      parts[1].allSatisfy(\.isNumber), let last = parts.last, last.count == 4
    {
      return "\(parts[0])-\(parts[1])-\(last)/BB-KTCV"
    }
    return "\(auditID)/BB-KTCV"
  }

  /// The parts this record has, in order (the comparison only with a previous audit).
  public var parts: [Part] { Part.allCases.filter { $0 != .comparison || previous != nil } }

  /// The numbered heading of `part` (`III. THÀNH PHẦN ĐOÀN KIỂM TRA`); the annex's has no number.
  public func heading(_ part: Part, language: Language) -> String {
    if part == .annex { return part.title(language) }
    let numerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII"]
    let index = parts.firstIndex(of: part) ?? 0
    return "\(numerals[min(index, numerals.count - 1)]). \(part.title(language))"
  }

  // MARK: - Content shared by both formats

  var checklist: Checklist { export.checklist.snapshot }

  /// The record's way with times, dates and numbers in `language`.
  func words(_ language: Language) -> RecordWording { RecordWording(language, timeZone: timeZone) }

  func title(_ say: Wording) -> String { say("BIÊN BẢN KIỂM TRA CÔNG VỤ", "INSPECTION RECORD") }

  func subtitle(_ say: Wording) -> String {
    say("Về việc chấp hành kỷ luật, kỷ cương hành chính", "On compliance with administrative discipline")
  }

  /// The head on the left: the body that set up the team (as recorded, else the decision's issuer),
  /// upper-cased, or a blank to fill in by hand; then the team.
  func head(_ say: Wording) -> (body: String, team: String) {
    let recorded = [export.audit.issuingBody, export.audit.basis?.decision?.issuer]
      .compactMap { $0?.trimmingCharacters(in: .whitespacesAndNewlines) }.first { !$0.isEmpty }
    return (
      recorded?.uppercased() ?? RecordWording.blank + RecordWording.blank + RecordWording.blank,
      say("ĐOÀN KIỂM TRA CÔNG VỤ", "PUBLIC SERVICE INSPECTION TEAM")
    )
  }

  /// The legal basis as the record opens with it: the decision setting up the team, then the plan (when
  /// recorded); every part not recorded is a blank to fill in by hand.
  func basisLines(_ w: RecordWording) -> [String] {
    let basis = export.audit.basis ?? LegalBasis()
    let blank = RecordWording.blank
    let decision = basis.decision
    let issuer = decision?.issuer ?? export.audit.issuingBody ?? blank
    let number = decision?.number ?? blank
    let date = decision?.date.map(w.shortDay) ?? blank
    var lines = [
      w.say(
        "Căn cứ Quyết định số \(number) ngày \(date) của \(issuer) về việc thành lập Đoàn kiểm tra công vụ;",
        "Pursuant to Decision No. \(number) of \(date) by \(issuer) setting up the inspection team;")
    ]
    if basis.plan != nil || basis.isEmpty {
      let plan = basis.plan
      let number = plan?.number ?? blank
      let date = plan?.date.map(w.shortDay) ?? blank
      let by = plan?.issuer.map { w.say(" của \($0)", " by \($0)") } ?? ""
      lines.append(
        w.say(
          "Căn cứ Kế hoạch kiểm tra số \(number) ngày \(date)\(by).",
          "Pursuant to Inspection Plan No. \(number) of \(date)\(by)."))
    }
    return lines
  }

  /// What the record says when no legal basis was recorded, above the lines to fill in by hand; `nil` when
  /// one was.
  func basisMissing(_ say: Wording) -> String? {
    guard export.audit.basis?.isEmpty ?? true else { return nil }
    return say(
      "Chưa ghi nhận quyết định thành lập Đoàn kiểm tra và kế hoạch kiểm tra; ghi bằng tay:",
      "No decision setting up the team and no inspection plan were recorded; fill in by hand:")
  }

  /// The place: the unit's name and address.
  var place: String {
    let unit = export.audit.unit
    return unit.name + (unit.address.map { ", \($0)" } ?? "")
  }

  /// The opening sentence: "Vào hồi 09 giờ 00 phút, ngày 10 tháng 02 năm 2026, tại …, Đoàn kiểm tra …".
  func opening(_ w: RecordWording) -> String {
    let visit = export.audit.visitType.label[w.language]
    let checklistTitle = export.checklist.title[w.language]
    return w.opening(export.audit.startedAt)
      + w.say(
        ", tại \(place), Đoàn kiểm tra công vụ tiến hành kiểm tra \(visit) theo bộ tiêu chí “\(checklistTitle)”.",
        ", at \(place), the inspection team made a \(visit) inspection with the checklist “\(checklistTitle)”."
      )
  }

  func timeAndPlace(_ w: RecordWording) -> [(String, String)] {
    let say = w.say
    var rows: [(String, String)] = [
      (
        say("Kết thúc", "Ended"),
        export.audit.finishedAt.map(w.moment) ?? say("chưa kết thúc", "not finished")
      ),
      (
        say("Bộ tiêu chí", "Checklist"),
        "\(export.checklist.title[say.language]) (\(export.checklist.id) \(export.checklist.version))"
      ),
      (say("Mã cuộc kiểm tra", "Audit id"), export.audit.id),
    ]
    if scores.provisional {
      rows.append(
        (say("Tình trạng", "Status"), say("chưa kết thúc, điểm tạm tính", "not finished, provisional scores"))
      )
    }
    return rows
  }

  func teamRows(_ say: Wording) -> [(String, String)] {
    export.audit.team.people.map { person in
      (person.role.label[say.language], person.name + (person.title.map { ", \($0)" } ?? ""))
    }
  }

  /// The representative's name and position, if recorded.
  var representative: String? {
    export.audit.unit.representative.map { name in
      name + (export.audit.unit.representativeTitle.map { ", \($0)" } ?? "")
    }
  }

  func unitRows(_ say: Wording) -> [(String, String)] {
    [
      (say("Đơn vị", "Unit"), export.audit.unit.name),
      (say("Người đại diện", "Representative"), representative ?? say("chưa ghi nhận", "not recorded")),
    ]
  }

  /// Those who refused to sign, with their reasons, as the record states them.
  func refusalLines(_ say: Wording) -> [String] {
    (export.audit.refusals ?? []).map { refusal in
      say(
        "\(refusal.name) từ chối ký biên bản. Lý do: \(refusal.reason)",
        "\(refusal.name) refused to sign the record. Reason: \(refusal.reason)")
    }
  }

  /// A signature block: who signs, in what capacity, and — only when that person refused — the refusal.
  struct SignatureBlock {
    /// The capacity (`TRƯỞNG ĐOÀN KIỂM TRA`).
    var heading: String
    /// The name, or empty when not recorded (the name is written by hand).
    var name: String
    /// "Từ chối ký. Lý do: …", when this person refused to sign.
    var refusal: String?
  }

  /// The blocks of the unit's representative, the secretary (the minute-taker) and the leader, in that
  /// order; a refusal shows only in the block of whoever refused.
  func signatureBlocks(_ say: Wording) -> [SignatureBlock] {
    let refusals = export.audit.refusals ?? []
    func block(_ heading: String, _ name: String?) -> SignatureBlock {
      let refusal = name.flatMap { name in refusals.last { $0.name == name } }
      return SignatureBlock(
        heading: heading, name: name ?? "",
        refusal: refusal.map {
          say("Từ chối ký. Lý do: \($0.reason)", "Refused to sign. Reason: \($0.reason)")
        })
    }
    return [
      block(say("ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA", "FOR THE INSPECTED UNIT"), export.audit.unit.representative),
      block(say("THƯ KÝ ĐOÀN", "SECRETARY (MINUTE-TAKER)"), export.audit.team.secretary?.name),
      block(say("TRƯỞNG ĐOÀN KIỂM TRA", "TEAM LEADER"), export.audit.team.leaderMember?.name),
    ]
  }

  func outcome(_ item: AuditExport.ExportedItem, _ say: Wording) -> String {
    let text = ReportFormatting.describe(
      outcome: item.outcome, status: item.status, skipReason: item.skipReason, applicable: item.applicable,
      language: say.language)
    // A team audit's record says which member recorded each answer (the export pins every device's log).
    guard export.integrity?.devices != nil, let recorder = item.by else { return text }
    return text + say(" (ghi: \(recorder))", " (recorded by \(recorder))")
  }

  func itemScore(_ item: AuditExport.ExportedItem, _ w: RecordWording) -> String? {
    guard let result = results[item.id], result.applicable, let score = result.score else { return nil }
    return w.score(score * 100)
  }

  /// A note: the text, then who recorded it and when.
  func remarkLine(_ remark: Remark, _ w: RecordWording) -> String {
    "\(remark.text) (\(remark.by), \(w.moment(remark.at)))"
  }

  /// An explanation in its speaker's name (with the position, for the unit's representative), then who
  /// recorded it and when: "Đỗ Văn Hùng, Phó Chủ tịch UBND phường trình bày: … (ghi: …, 09:30 ngày …)".
  func explanationLine(_ remark: Remark, _ w: RecordWording) -> String {
    guard let speaker = remark.speaker, speaker != remark.by else { return remarkLine(remark, w) }
    let unit = export.audit.unit
    let who =
      speaker + (speaker == unit.representative ? unit.representativeTitle.map { ", \($0)" } ?? "" : "")
    return w.say(
      "\(who) trình bày: \(remark.text) (ghi: \(remark.by), \(w.moment(remark.at)))",
      "\(who) stated: \(remark.text) (recorded by \(remark.by), \(w.moment(remark.at)))")
  }

  func attachmentLine(_ attachment: Attachment, _ w: RecordWording) -> String {
    "\(attachment.name), \(w.byteCount(attachment.size)) (\(attachment.size) bytes), "
      + "SHA-256 \(attachment.sha256)"
  }

  func sectionTitle(_ id: String, _ say: Wording) -> String {
    checklist.sections.first { $0.id == id }?.title[say.language] ?? id
  }

  func itemText(_ id: ItemID, _ say: Wording) -> String {
    checklist.item(withID: id)?.text[say.language] ?? id.rawValue
  }

  func sourceLine(_ item: Item, _ say: Wording) -> String {
    let citation = checklist.citation(withID: item.source.ref)
    let name = citation.map { $0.number ?? $0.title[say.language] } ?? item.source.ref
    return name + (item.source.article.map { ", \($0)" } ?? "")
  }

  /// A source of the checklist's criteria, for the annex: number, title, issuer and date (in the record's
  /// words when it is a day).
  func annexLine(_ citation: Citation, _ w: RecordWording) -> String {
    var parts: [String] = []
    if let number = citation.number { parts.append(number) }
    parts.append(citation.title[w.language])
    if let issuer = citation.issuer { parts.append(issuer[w.language]) }
    if let date = citation.date { parts.append(CalendarDate(date).map(w.shortDay) ?? date) }
    return parts.joined(separator: ", ")
  }

  /// Every explanation: general ones, then per item.
  func explanations() -> [(item: ItemID?, remark: Remark)] {
    export.explanations.map { (nil, $0) }
      + export.items.flatMap { item in item.explanations.map { (item.id, $0) } }
  }

  /// The closing statement, with the end time, and the pages and copies as recorded (blanks when not):
  /// "Biên bản kết thúc vào hồi … cùng ngày, gồm 03 trang, lập thành 02 bản, mỗi bên giữ 01 bản; …".
  func closing(_ w: RecordWording) -> String {
    let blank = RecordWording.blank
    let pages = w.count(export.audit.recordDetails?.pages)
    let copies = w.count(self.copies)
    let each = w.count(self.copies.flatMap { $0 > 0 && $0 % 2 == 0 ? $0 / 2 : nil })
    let end: String
    if let finished = export.audit.finishedAt {
      let sameDay = w.calendarDay(finished) == w.calendarDay(export.audit.startedAt)
      end = w.say(
        "vào hồi \(w.clock(finished))" + (sameDay ? " cùng ngày" : ", \(w.longDay(w.calendarDay(finished)))"),
        "at \(w.clock(finished))"
          + (sameDay ? " on the same day" : " on \(w.longDay(w.calendarDay(finished)))"))
    } else {
      end = w.say("vào hồi \(blank) giờ \(blank) phút, ngày \(blank)", "at \(blank) on \(blank)")
    }
    let statement = w.say(
      "Biên bản kết thúc \(end), gồm \(pages) trang, lập thành \(copies) bản có giá trị như nhau, mỗi bên giữ "
        + "\(each) bản; đã đọc lại cho các bên cùng nghe và thống nhất ký tên.",
      "The record was closed \(end); it has \(pages) pages and was made in \(copies) copies of equal value, "
        + "each party keeping \(each); it was read out to all parties, who agreed to it and signed it.")
    guard export.audit.finishedAt == nil else { return statement }
    return w.say(
      "Cuộc kiểm tra chưa kết thúc: điểm trong biên bản này là tạm tính. ",
      "The audit is not finished: the scores in this record are provisional. ") + statement
  }

  /// What was proven about the export, in words: the digital signature (only one that verified: who signed,
  /// when, the key's fingerprint, and whether that key was the one expected), or why there is none, or,
  /// prominently, that the document does not verify.
  func signatureLine(_ say: Wording, language: Language) -> String? {
    switch authenticity {
    case .signed(let signer, let fingerprint, let signedAt, let keyTrusted):
      let time = words(language).moment(signedAt)
      return say("Chữ ký số", "Digital signature") + " (ed25519): \(signer), \(time); "
        + say("dấu vân tay khóa", "key fingerprint") + " \(fingerprint)"
        + (keyTrusted
          ? say(" (khóa đã đăng ký)", " (a registered key)")
          : say(
            " — khóa này chưa được đối chiếu với khóa đã đăng ký của trưởng đoàn",
            " — this key was not checked against the team leader's registered key"))
    case .sealed:
      return say(
        "Bản xuất có mã băm khớp nhưng không có chữ ký số.", "The export's digests match; it is not signed.")
    case .unsealed:
      return say(
        "Bản xuất không có mã băm: không kiểm chứng được tính toàn vẹn.",
        "The export carries no digests: its integrity cannot be checked.")
    case .unchecked:
      return export.integrity == nil
        ? nil
        : say(
          "Tính toàn vẹn của bản xuất chưa được kiểm tra (`kycuong verify`).",
          "The export's integrity was not checked (`kycuong verify`).")
    case .failed(let reasons):
      return say(
        "CẢNH BÁO: TÀI LIỆU KHÔNG KHỚP VỚI MÃ BĂM HOẶC CHỮ KÝ SỐ", "WARNING: THE DOCUMENT DOES NOT VERIFY")
        + " — " + reasons.joined(separator: "; ")
    }
  }
}
