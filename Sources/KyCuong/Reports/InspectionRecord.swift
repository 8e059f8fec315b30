import Foundation
import KyCuongAudit
import KyCuongCatalog
import KyCuongExport
import KyCuongModel
import KyCuongScoring
import KyCuongSupport

/// The inspection record ("biên bản kiểm tra") of one audit, as Markdown or as one self-contained HTML page.
///
/// The parts come in the order an official record has them: title and number; legal basis; time and place;
/// the team; the unit's representative; each section's items with outcome, evidence and attachments; the
/// unit's explanation; scores, rating and critical failures; (the comparison with the previous audit, when
/// one is given); findings; recommendations; corrective actions; the closing statement and the signature
/// blocks, with room to note a refusal to sign. Every text from the audit is escaped.
public struct InspectionRecord: Sendable {
  /// A part of the record, in order.
  public enum Part: Int, CaseIterable, Hashable, Sendable {
    /// Legal basis: the checklist's sources.
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
  /// Number of copies the closing statement mentions.
  public var copies: Int
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
  ///     (``AuditExport/Visit/recordDetails``), else 2, when `nil`.
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
    self.copies = copies ?? export.audit.recordDetails?.copies ?? 2
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

  /// The numbered heading of `part` (`III. THÀNH PHẦN ĐOÀN KIỂM TRA`).
  public func heading(_ part: Part, language: Language) -> String {
    let numerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII"]
    let index = parts.firstIndex(of: part) ?? 0
    return "\(numerals[min(index, numerals.count - 1)]). \(part.title(language))"
  }

  // MARK: - Content shared by both formats

  var checklist: Checklist { export.checklist.snapshot }

  func title(_ say: Wording) -> String { say("BIÊN BẢN KIỂM TRA CÔNG VỤ", "INSPECTION RECORD") }

  func subtitle(_ say: Wording) -> String {
    say("Về việc chấp hành kỷ luật, kỷ cương hành chính", "On compliance with administrative discipline")
  }

  func timeAndPlace(_ say: Wording) -> [(String, String)] {
    let unit = export.audit.unit
    var rows: [(String, String)] = [
      (say("Địa điểm", "Place"), unit.name + (unit.address.map { ", \($0)" } ?? "")),
      (
        say("Bắt đầu", "Started"),
        ReportFormatting.recordTime(
          export.audit.startedAt, language: say.language,
          timeZone: timeZone)
      ),
      (
        say("Kết thúc", "Ended"),
        export.audit.finishedAt.map {
          ReportFormatting.recordTime($0, language: say.language, timeZone: timeZone)
        } ?? say("chưa kết thúc", "not finished")
      ),
      (say("Hình thức", "Visit"), export.audit.visitType.label[say.language]),
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

  func unitRows(_ say: Wording) -> [(String, String)] {
    [
      (say("Đơn vị", "Unit"), export.audit.unit.name),
      (
        say("Người đại diện", "Representative"),
        export.audit.unit.representative.map { name in
          name + (export.audit.unit.representativeTitle.map { ", \($0)" } ?? "")
        } ?? say("chưa ghi nhận", "not recorded")
      ),
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

  func outcome(_ item: AuditExport.ExportedItem, _ say: Wording) -> String {
    ReportFormatting.describe(
      outcome: item.outcome, status: item.status, skipReason: item.skipReason, applicable: item.applicable,
      language: say.language)
  }

  func itemScore(_ item: AuditExport.ExportedItem) -> String? {
    guard let result = results[item.id], result.applicable, let score = result.score else { return nil }
    return NumberFormatting.score(score * 100)
  }

  /// The text, then who said it (an explanation's speaker) and who recorded it, and when.
  func remarkLine(_ remark: Remark) -> String {
    let time = ReportFormatting.recordTime(remark.at, language: .vi, timeZone: timeZone)
    guard let speaker = remark.speaker, speaker != remark.by else {
      return "\(remark.text) (\(remark.by), \(time))"
    }
    return "\(remark.text) (\(speaker); ghi: \(remark.by), \(time))"
  }

  func attachmentLine(_ attachment: Attachment) -> String {
    "\(attachment.name), \(ReportFormatting.byteCount(attachment.size)) (\(attachment.size) bytes), "
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

  /// Every explanation: general ones, then per item.
  func explanations() -> [(item: ItemID?, remark: Remark)] {
    export.explanations.map { (nil, $0) }
      + export.items.flatMap { item in item.explanations.map { (item.id, $0) } }
  }

  func closing(_ say: Wording) -> String {
    let end = export.audit.finishedAt.map {
      ReportFormatting.recordTime($0, language: say.language, timeZone: timeZone)
    }
    let copies = ReportFormatting.pad(self.copies)
    let pages = export.audit.recordDetails.map { ReportFormatting.pad($0.pages) }
    if let end {
      return say(
        "Biên bản kết thúc lúc \(end)" + (pages.map { ", gồm \($0) trang" } ?? "")
          + ", được lập thành \(copies) bản có giá trị như nhau, đoàn kiểm tra giữ 01 bản, "
          + "đơn vị được kiểm tra giữ 01 bản; đã được đọc lại cho những người có mặt cùng nghe và ký tên dưới đây.",
        "The record was closed at \(end)" + (pages.map { ", has \($0) pages" } ?? "")
          + " and made in \(copies) copies of equal value, one kept by the team and "
          + "one by the unit; it was read out to those present, who sign below.")
    }
    return say(
      "Cuộc kiểm tra chưa kết thúc: điểm trong biên bản này là tạm tính. Biên bản được lập thành \(copies) bản "
        + "có giá trị như nhau.",
      "The audit is not finished: the scores in this record are provisional. The record is made in \(copies) "
        + "copies of equal value.")
  }

  /// What was proven about the export, in words: the digital signature (only one that verified: who signed,
  /// when, the key's fingerprint, and whether that key was the one expected), or why there is none, or,
  /// prominently, that the document does not verify.
  func signatureLine(_ say: Wording, language: Language) -> String? {
    switch authenticity {
    case .signed(let signer, let fingerprint, let signedAt, let keyTrusted):
      let time = ReportFormatting.recordTime(signedAt, language: language, timeZone: timeZone)
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
