import Foundation
import KyCuong
import Testing

/// Every report test, under one name so that `swift test --filter ReportTests` runs them all.
@Suite struct ReportTests {}

/// The inspection record: every required part, in the order of an official record, in both languages and
/// both formats; escaping of everything the audit holds.
extension ReportTests {
  @Suite struct RecordTests {
    /// The parts of audit A that the record must show, in order.
    func expectedParts(_ language: Language, html: Bool) -> [String] {
      let vi = language == .vi
      let md = !html
      return [
        vi ? "ĐOÀN KIỂM TRA CÔNG VỤ" : "PUBLIC SERVICE INSPECTION TEAM",
        "20260210-0900-aaaa/BB-KTCV",
        vi ? "BIÊN BẢN KIỂM TRA CÔNG VỤ" : "INSPECTION RECORD",
        vi ? "I. CĂN CỨ" : "I. LEGAL BASIS",
        vi ? "Căn cứ Quyết định số ……… ngày ………" : "Pursuant to Decision No. ……… of ………",
        vi ? "II. THỜI GIAN, ĐỊA ĐIỂM" : "II. TIME AND PLACE",
        vi
          ? "Vào hồi 09 giờ 00 phút, ngày 10 tháng 02 năm 2026, tại UBND phường Hàng Bạc, Hoàn Kiếm, Hà Nội"
          : "At 09:00 on 10 February 2026, at UBND phường Hàng Bạc, Hoàn Kiếm, Hà Nội",
        vi ? "09:18 ngày 10/02/2026" : "09:18 on 10 February 2026",
        vi ? "III. THÀNH PHẦN ĐOÀN KIỂM TRA" : "III. INSPECTION TEAM", "Nguyễn Văn An", "Trần Thị Bình",
        "Lê Minh Châu",
        vi ? "IV. ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA" : "IV. REPRESENTATIVE OF THE INSPECTED UNIT", "Đỗ Văn Hùng",
        vi ? "V. NỘI DUNG VÀ KẾT QUẢ KIỂM TRA" : "V. ITEMS CHECKED AND RESULTS",
        vi ? "Thẻ công chức" : "ID cards", "BADGE-01", vi ? "3/4 người đạt yêu cầu" : "3 of 4 compliant",
        "Một cán bộ không đeo thẻ", "BADGE-02", vi ? "Niêm yết thủ tục" : "Posting of procedures", "POST-01",
        vi ? "Không đạt" : "Fail", "Thiếu 3 thủ tục mới", "bang-niem-yet.jpg", "123456 bytes",
        String(repeating: "ab", count: 32), "Đang in lại bảng niêm yết", "POST-02",
        vi ? "Đạt một phần" : "Partly met",
        vi ? "VI. GIẢI TRÌNH CỦA ĐƠN VỊ" : "VI. THE UNIT'S EXPLANATION",
        "Đơn vị tiếp thu và cam kết khắc phục",
        vi ? "VII. ĐIỂM VÀ XẾP LOẠI" : "VII. SCORES AND RATING", vi ? "60,4" : "60.4",
        vi ? "Hoàn thành" : "Fulfilled",
        vi ? "Điểm liệt không đạt" : "Critical failures", vi ? "không có" : "none", vi ? "87,5" : "87.5",
        vi ? "33,3" : "33.3",
        vi ? "VIII. KẾT LUẬN" : "VIII. FINDINGS", "Niêm yết thủ tục chưa đầy đủ",
        vi ? "IX. KIẾN NGHỊ" : "IX. RECOMMENDATIONS", "Bổ sung niêm yết trong 15 ngày",
        vi ? "X. BIỆN PHÁP KHẮC PHỤC" : "X. CORRECTIVE ACTIONS", "Bổ sung 3 thủ tục", "Văn phòng UBND",
        vi ? "01/03/2026" : "1 March 2026",
        "In phiếu xin lỗi", vi ? "01/04/2026" : "1 April 2026",
        vi ? "XI. CHỮ KÝ" : "XI. SIGNATURES",
        vi
          ? "Biên bản kết thúc vào hồi 09 giờ 18 phút cùng ngày"
          : "The record was closed at 09:18 on the same day",
        vi ? "ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA" : "FOR THE INSPECTED UNIT",
        vi ? "THƯ KÝ ĐOÀN" : "SECRETARY (MINUTE-TAKER)",
        vi ? "TRƯỞNG ĐOÀN KIỂM TRA" : "TEAM LEADER",
        vi ? "PHỤ LỤC: CĂN CỨ PHÁP LÝ CỦA CÁC TIÊU CHÍ" : "ANNEX: LEGAL SOURCES OF THE CRITERIA",
        "129/2007/QĐ-TTg", "61/2018/NĐ-CP",
      ].map { md ? $0.replacingOccurrences(of: "_", with: "\\_") : $0 }
    }

    @Test(arguments: [Language.vi, .en])
    func markdownRecordHasEveryPartInOrder(language: Language) throws {
      let record = InspectionRecord(export: AuditExport(try ReportFixtures.auditA()))
      let text = record.markdown(language: language)
      #expect(ReportFixtures.firstOutOfOrder(text, expectedParts(language, html: false)) == nil)
    }

    @Test(arguments: [Language.vi, .en])
    func htmlRecordHasEveryPartInOrderAndPrintsOnA4(language: Language) throws {
      let record = InspectionRecord(export: AuditExport(try ReportFixtures.auditA()))
      let html = record.html(language: language)
      let english = language == .en
      let needles = expectedParts(language, html: true).map {
        english ? $0.replacingOccurrences(of: "'", with: "&#39;") : $0
      }
      #expect(ReportFixtures.firstOutOfOrder(html, needles) == nil)
      #expect(html.hasPrefix("<!DOCTYPE html>"))
      #expect(html.contains("<meta charset=\"utf-8\">"))
      #expect(html.contains("<html lang=\"\(language.rawValue)\">"))
      #expect(html.contains("@page { size: A4"))
      #expect(html.contains("tr { break-inside: avoid"))
      #expect(html.contains(#""DejaVu Sans", "Noto Sans", "Liberation Sans""#))
      // Self-contained: no script, no link to a style sheet, nothing fetched.
      #expect(!html.contains("<script"))
      #expect(!html.contains("<link"))
      #expect(!html.contains("http://") || !html.contains("src=\"http"))
    }

    @Test func recordNumberIsDerivedFromTheAuditIdOrGiven() throws {
      #expect(
        InspectionRecord.defaultNumber(auditID: "20261121-0930-ubnd-phuong-hang-bac-1a2b")
          == "20261121-0930-1a2b/BB-KTCV")
      #expect(InspectionRecord.defaultNumber(auditID: "a") == "a/BB-KTCV")
      let record = InspectionRecord(export: AuditExport(try ReportFixtures.auditA()), number: "12/BB-ĐKT")
      #expect(record.markdown(language: .vi).contains("Số: 12/BB-ĐKT"))
    }

    @Test func previousAuditAddsAComparisonPart() throws {
      let comparison = try AuditComparison(
        old: AuditExport(try ReportFixtures.auditA()), new: AuditExport(try ReportFixtures.auditB()))
      let record = InspectionRecord(export: AuditExport(try ReportFixtures.auditB()), previous: comparison)
      let html = record.html(language: .vi)
      #expect(
        ReportFixtures.firstOutOfOrder(
          html,
          [
            "VII. ĐIỂM VÀ XẾP LOẠI", "VIII. SO SÁNH VỚI LẦN KIỂM TRA TRƯỚC", "-6,2", "Đã khắc phục (2)",
            "IX. KẾT LUẬN",
          ])
          == nil)
      #expect(html.contains("Không hoàn thành</strong> (do vi phạm điểm liệt)"))
    }

    @Test func vietnameseTextWritesDecimalCommasEverywhereEnglishPoints() throws {
      let old = AuditExport(try ReportFixtures.auditA())
      let new = AuditExport(try ReportFixtures.auditB())
      let comparison = try AuditComparison(old: old, new: new)
      let record = InspectionRecord(export: new, previous: comparison)
      // Scores of the comparison embedded in the record (60,4 → 54,2: -6,2), and the comparison, score table
      // and summary as text, in Vietnamese; the same numbers with points in English.
      let folder = try ReportFixtures.folder("decimal-comma")
      defer { try? FileManager.default.removeItem(at: folder) }
      let files = [folder.appending(path: "a.json"), folder.appending(path: "b.json")]
      try old.jsonData().write(to: files[0])
      try new.jsonData().write(to: files[1])
      let summary = AuditSummary(files: files, filter: SummaryFilter(), today: Fixed.day("2026-03-01"))
      let vietnamese = [
        ("record", record.markdown(language: .vi)), ("compare", comparison.renderText(language: .vi)),
        ("score", ScoreTable.render(new.rescore(), checklist: new.checklist.snapshot, language: .vi)),
        ("summary", summary.renderText(language: .vi)), ("summary HTML", summary.html(language: .vi)),
      ]
      // Audit A scores 60.4, B 54.2 (-6.2), their mean 57.3: each with a comma in every Vietnamese text.
      let figures = [
        "record": ["60,4", "54,2", "-6,2"], "compare": ["60,4", "54,2", "-6,2"], "score": ["54,2"],
        "summary": ["57,3"], "summary HTML": ["57,3"],
      ]
      for (name, text) in vietnamese {
        for figure in ["60.4", "54.2", "6.2", "57.3"] {
          #expect(!text.contains(figure), "\(name): \(figure)")
        }
        for figure in figures[name] ?? [] { #expect(text.contains(figure), "\(name): \(figure)") }
      }
      let english = comparison.renderText(language: .en)
      for figure in ["60.4", "54.2", "-6.2"] { #expect(english.contains(figure), "\(figure)") }
    }

    @Test func everyTextFromTheAuditIsEscapedInHTML() throws {
      let attack = #"<script>alert("x")</script>"#
      let image = #""><img src=x onerror=alert(1)>"#
      let checklist = try ReportFixtures.checklist()
      let audit = try ReportFixtures.audit(
        id: "evil-id<b>", unit: "Phường \(attack) & Co", checklist: checklist, start: "2026-02-10T02:00:00Z",
        answers: [("BADGE-02", .fail)],
        extra: [
          .noted(item: "BADGE-02", text: image), .explained(item: nil, text: "'single' & \"double\""),
          .finding(text: attack), .recommendation(text: image),
          .correctiveAction(what: attack, owner: image, due: Fixed.day("2026-03-01"), item: "BADGE-02"),
          .representative(name: "<i>Ông</i>"),
          .attached(
            item: "POST-01",
            attachment: Attachment(
              path: "/x/<svg onload=alert(1)>.jpg", size: 1, sha256: "00", by: "<u>", at: .now)),
        ], finish: false)
      for language in Language.allCases {
        let html = InspectionRecord(export: AuditExport(audit), number: "<b>1</b>").html(language: language)
        for forbidden in ["<script", "<img", "<i>", "<b>", "<u>", "<svg onload", "onerror=alert(1)>"] {
          #expect(!html.contains(forbidden), "\(forbidden) reached the HTML unescaped")
        }
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
        #expect(html.contains("&#39;single&#39; &amp; &quot;double&quot;"))
        let markdown = InspectionRecord(export: AuditExport(audit)).markdown(language: language)
        #expect(!markdown.contains("<script>"))
        #expect(markdown.contains(#"\<script\>"#))
      }
    }

  }
}
