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
  /// The fingerprint of the key that signed the export, shown beside the signatures. The core library has no
  /// signature code: `KyCuongIntegrity`'s `ExportIntegrity.signatureFingerprint(of:)` computes it.
  public var signatureFingerprint: String?

  /// Creates a record.
  ///
  /// - Parameters:
  ///   - export: The audit.
  ///   - number: The record's number; ``defaultNumber(auditID:)`` when `nil`.
  ///   - previous: The comparison with the previous audit (`AuditComparison(old:new:)`), if any.
  ///   - timeZone: The time zone the record states times in.
  ///   - copies: Number of copies the closing statement mentions.
  ///   - signatureFingerprint: The signing key's fingerprint, when the export is signed.
  public init(
    export: AuditExport, number: String? = nil, previous: AuditComparison? = nil,
    timeZone: TimeZone = .vietnam, copies: Int = 2,
    signatureFingerprint: String? = nil
  ) {
    self.signatureFingerprint = signatureFingerprint
    self.export = export
    self.scores = export.rescore()
    self.results = export.itemResults
    self.number = number ?? Self.defaultNumber(auditID: export.audit.id)
    self.previous = previous
    self.timeZone = timeZone
    self.copies = copies
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
    [(say("Trưởng đoàn", "Team leader"), export.audit.team.leader)]
      + export.audit.team.members.map { (say("Thành viên", "Member"), $0) }
  }

  func unitRows(_ say: Wording) -> [(String, String)] {
    [
      (say("Đơn vị", "Unit"), export.audit.unit.name),
      (
        say("Người đại diện", "Representative"),
        export.audit.unit.representative ?? say("chưa ghi nhận", "not recorded")
      ),
    ]
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

  func remarkLine(_ remark: Remark) -> String {
    "\(remark.text) (\(remark.by), \(ReportFormatting.recordTime(remark.at, language: .vi, timeZone: timeZone)))"
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
    if let end {
      return say(
        "Biên bản kết thúc lúc \(end), được lập thành \(copies) bản có giá trị như nhau, đoàn kiểm tra giữ 01 bản, "
          + "đơn vị được kiểm tra giữ 01 bản; đã được đọc lại cho những người có mặt cùng nghe và ký tên dưới đây.",
        "The record was closed at \(end) and made in \(copies) copies of equal value, one kept by the team and "
          + "one by the unit; it was read out to those present, who sign below.")
    }
    return say(
      "Cuộc kiểm tra chưa kết thúc: điểm trong biên bản này là tạm tính. Biên bản được lập thành \(copies) bản "
        + "có giá trị như nhau.",
      "The audit is not finished: the scores in this record are provisional. The record is made in \(copies) "
        + "copies of equal value.")
  }

  /// The digital signature in words, when the export carries one: who signed, when, and the key's
  /// fingerprint, so a reader can compare it with the team leader's published key.
  func signatureLine(_ say: Wording, language: Language) -> String? {
    guard let signature = export.integrity?.signature else { return nil }
    let time = ReportFormatting.recordTime(signature.signedAt, language: language, timeZone: timeZone)
    let fingerprint = signatureFingerprint ?? say("không xác định", "unknown")
    return say("Chữ ký số", "Digital signature") + " (\(signature.algorithm)): \(signature.signer), \(time); "
      + say("dấu vân tay khóa", "key fingerprint") + " \(fingerprint)"
  }
}
