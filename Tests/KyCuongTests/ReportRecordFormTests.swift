import Foundation
import KyCuong
import Testing

/// The record in the form a department files (issue 14 §3): head, legal basis, the opening sentence, the
/// annex of the criteria's sources, pages and copies as recorded, signature blocks, the explanation's
/// speaker, numbers and dates in the record's language.
extension ReportTests {
  @Suite struct RecordFormTests {
    static let start = ReportFixtures.time("2026-12-01T08:08:00Z")  // 15:08 in Vietnam

    /// An audit of Hàng Bạc started at 15:08 on 1 December 2026 (Vietnam), by a team with a secretary,
    /// every item answered and one event a minute; `steps` run before it is finished, `after` once it is.
    static func audit(
      basis: LegalBasis? = nil, issuingBody: String? = nil, finish: Bool = true,
      steps: (inout Audit) throws -> Void = { _ in }, after: (inout Audit) throws -> Void = { _ in }
    ) throws -> AuditExport {
      let header = AuditHeader(
        id: "20261201-1508-hang-bac-abcd", checklist: try ReportFixtures.checklist(),
        unit: InspectedUnit(name: "UBND phường Hàng Bạc", address: "16 Lê Thái Tổ, Hà Nội"),
        team: InspectionTeam(people: [
          TeamMember(name: "Nguyễn Văn An", title: "Phó Giám đốc Sở Nội vụ", role: .leader),
          TeamMember(name: "Lê Minh Châu", title: "Chuyên viên", role: .member),
          TeamMember(name: "Trần Thị Bình", title: "Chuyên viên", role: .secretary),
        ]), visitType: .surprise, basis: basis, issuingBody: issuingBody)
      let minutes = Counter()
      var audit = Audit(
        header: header, recorder: "Trần Thị Bình",
        clock: AuditClock { start.addingTimeInterval(60 * minutes.next()) })
      try audit.setRepresentative("Lê Thị Hà", title: "Phó Chủ tịch UBND phường")
      try audit.answer("BADGE-01", .observation(compliant: 3, observed: 4))
      try audit.answer("BADGE-02", .pass)
      try audit.answer("POST-01", .fail)
      try audit.answer("POST-02", .partial)
      try audit.answer("POST-03", .scale(2))
      try steps(&audit)
      if finish {
        try audit.finish()
        try after(&audit)
      }
      return AuditExport(audit)
    }

    /// A clock that moves one minute at each reading (the audit reads it once per event).
    final class Counter: @unchecked Sendable {
      private var value = -1.0
      private let lock = NSLock()
      func next() -> Double {
        lock.withLock {
          value += 1
          return value
        }
      }
    }

    static let basis = LegalBasis(
      decision: DocumentReference(
        number: "123/QĐ-UBND", date: CalendarDate(year: 2026, month: 1, day: 15), issuer: "UBND tỉnh Bắc Ninh"
      ),
      plan: DocumentReference(number: "45/KH-ĐKT", date: CalendarDate(year: 2026, month: 1, day: 20)))

    /// Both formats of `record` in `language`.
    static func texts(_ record: InspectionRecord, _ language: Language) -> [String] {
      [record.markdown(language: language), record.html(language: language)]
    }

    /// The text between the first `from` and the next `to`.
    static func slice(_ text: String, from: String, to: String) -> Substring {
      guard let start = text.range(of: from) else { return "" }
      let rest = text[start.upperBound...]
      return rest[..<(rest.range(of: to)?.lowerBound ?? rest.endIndex)]
    }

    @Test func vietnameseNumbersTakeADecimalCommaEnglishOnesAPoint() throws {
      // Audit A: overall 60.4, sections 87.5 and 33.3, an attachment of 120.6 KB.
      let record = InspectionRecord(export: AuditExport(try ReportFixtures.auditA()))
      for text in Self.texts(record, .vi) {
        for number in ["60,4", "87,5", "33,3", "120,6 KB", "75,0"] {
          #expect(text.contains(number), "\(number) missing")
        }
        for number in ["60.4", "87.5", "33.3", "120.6 KB"] {
          #expect(!text.contains(number), "\(number) in vi")
        }
      }
      for text in Self.texts(record, .en) {
        for number in ["60.4", "87.5", "33.3", "120.6 KB"] {
          #expect(text.contains(number), "\(number) missing")
        }
        for number in ["60,4", "87,5", "33,3"] { #expect(!text.contains(number), "\(number) in en") }
      }
    }

    @Test func theOpeningSentenceStatesTimeAndPlaceInVietnamTime() throws {
      let record = InspectionRecord(export: try Self.audit())
      for text in Self.texts(record, .vi) {
        #expect(
          text.contains(
            "Vào hồi 15 giờ 08 phút, ngày 01 tháng 12 năm 2026, tại UBND phường Hàng Bạc, 16 Lê Thái Tổ, Hà Nội,"
          ))
      }
      for text in Self.texts(record, .en) {
        #expect(text.contains("At 15:08 on 1 December 2026, at UBND phường Hàng Bạc, 16 Lê Thái Tổ, Hà Nội,"))
        // English throughout: none of the Vietnamese fixed wording.
        for vietnamese in [
          " ngày ", " giờ ", "(ghi:", "trình bày", "Từ chối", "Căn cứ Quyết định", "cùng ngày",
        ] {
          #expect(!text.contains(vietnamese), "\(vietnamese) in the English record")
        }
      }
    }

    @Test func theLegalBasisIsTheDecisionAndThePlanWithTheIssuerAtTheHead() throws {
      let record = InspectionRecord(export: try Self.audit(basis: Self.basis))
      for text in Self.texts(record, .vi) {
        #expect(
          ReportFixtures.firstOutOfOrder(
            text,
            [
              "UBND TỈNH BẮC NINH", "ĐOÀN KIỂM TRA CÔNG VỤ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
              "BIÊN BẢN KIỂM TRA CÔNG VỤ", "I. CĂN CỨ",
              "Căn cứ Quyết định số 123/QĐ-UBND ngày 15/01/2026 của UBND tỉnh Bắc Ninh về việc thành lập Đoàn "
                + "kiểm tra công vụ;",
              "Căn cứ Kế hoạch kiểm tra số 45/KH-ĐKT ngày 20/01/2026.", "II. THỜI GIAN, ĐỊA ĐIỂM",
            ]) == nil)
        #expect(!text.contains("Chưa ghi nhận quyết định"))
      }
      for text in Self.texts(record, .en) {
        #expect(
          ReportFixtures.firstOutOfOrder(
            text,
            [
              "UBND TỈNH BẮC NINH", "PUBLIC SERVICE INSPECTION TEAM", "I. LEGAL BASIS",
              "Pursuant to Decision No. 123/QĐ-UBND of 15 January 2026 by UBND tỉnh Bắc Ninh setting up the "
                + "inspection team;",
              "Pursuant to Inspection Plan No. 45/KH-ĐKT of 20 January 2026.", "II. TIME AND PLACE",
            ]) == nil)
      }
      // The body recorded for the head wins over the decision's issuer.
      let headed = InspectionRecord(
        export: try Self.audit(basis: Self.basis, issuingBody: "UBND tỉnh Lạng Sơn"))
      #expect(headed.html(language: .vi).contains("UBND TỈNH LẠNG SƠN<br><strong>ĐOÀN KIỂM TRA CÔNG VỤ"))
    }

    @Test func noLegalBasisRecordedIsSaidVisiblyWithLinesToFillByHand() throws {
      let record = InspectionRecord(export: try Self.audit())
      for text in Self.texts(record, .vi) {
        let basis = Self.slice(text, from: "I. CĂN CỨ", to: "II. THỜI GIAN")
        #expect(
          basis.contains(
            "Chưa ghi nhận quyết định thành lập Đoàn kiểm tra và kế hoạch kiểm tra; ghi bằng tay:"))
        #expect(
          basis.contains("Căn cứ Quyết định số ……… ngày ……… của ……… về việc thành lập Đoàn kiểm tra công vụ;")
        )
        #expect(basis.contains("Căn cứ Kế hoạch kiểm tra số ……… ngày ………."))
        // No checklist source stands in for the basis, and the head is left blank, not invented.
        #expect(!basis.contains("129/2007"))
        #expect(!text.contains("UBND TỈNH"))
        #expect(text.contains("………………………"))
      }
      for text in Self.texts(record, .en) {
        let basis = Self.slice(text, from: "I. LEGAL BASIS", to: "II. TIME AND PLACE")
        #expect(
          basis.contains(
            "No decision setting up the team and no inspection plan were recorded; fill in by hand:"))
        #expect(basis.contains("Pursuant to Decision No. ……… of ……… by ……… setting up the inspection team;"))
      }
    }

    @Test func theChecklistsSourcesAreInTheAnnexAfterTheSignatures() throws {
      let record = InspectionRecord(export: try Self.audit(basis: Self.basis))
      #expect(record.parts.last == .annex)
      #expect(record.heading(.annex, language: .vi) == "PHỤ LỤC: CĂN CỨ PHÁP LÝ CỦA CÁC TIÊU CHÍ")
      for (language, signatures, annex) in [
        (Language.vi, "CHỮ KÝ", "PHỤ LỤC: CĂN CỨ PHÁP LÝ CỦA CÁC TIÊU CHÍ"),
        (.en, "SIGNATURES", "ANNEX: LEGAL SOURCES OF THE CRITERIA"),
      ] {
        for text in Self.texts(record, language) {
          #expect(
            ReportFixtures.firstOutOfOrder(text, [signatures, annex, "129/2007/QĐ-TTg, ", "61/2018/NĐ-CP, "])
              == nil)
          #expect(!Self.slice(text, from: "I. ", to: "II. ").contains("129/2007"))
        }
      }
    }

    @Test func pagesAndCopiesAreAsRecordedOrBlank() throws {
      let recorded = InspectionRecord(
        export: try Self.audit(after: { try $0.setRecordDetails(pages: 3, copies: 2) }))
      for text in Self.texts(recorded, .vi) {
        #expect(
          text.contains(
            "Biên bản kết thúc vào hồi 15 giờ 15 phút cùng ngày, gồm 03 trang, lập thành 02 bản có giá trị như nhau, "
              + "mỗi bên giữ 01 bản; đã đọc lại cho các bên cùng nghe và thống nhất ký tên."))
      }
      for text in Self.texts(recorded, .en) {
        #expect(
          text.contains(
            "The record was closed at 15:15 on the same day; it has 3 pages and was made in 2 copies of equal "
              + "value, each party keeping 1; it was read out to all parties, who agreed to it and signed it."
          ))
      }
      let blank = InspectionRecord(export: try Self.audit())
      #expect(blank.copies == nil)
      for text in Self.texts(blank, .vi) {
        #expect(text.contains("gồm ……… trang, lập thành ……… bản có giá trị như nhau, mỗi bên giữ ……… bản"))
        #expect(!text.contains("02 bản"))
      }
      #expect(blank.markdown(language: .en).contains("it has ……… pages and was made in ……… copies"))
      // An odd number of copies is not shared out by guess.
      let odd = InspectionRecord(
        export: try Self.audit(after: { try $0.setRecordDetails(pages: 4, copies: 3) }))
      #expect(
        odd.markdown(language: .vi).contains(
          "gồm 04 trang, lập thành 03 bản có giá trị như nhau, mỗi bên giữ ……… bản"))
      // Not finished: the end time is a blank too, and the scores are said to be provisional.
      let open = InspectionRecord(export: try Self.audit(finish: false))
      #expect(
        open.markdown(language: .vi).contains(
          "Cuộc kiểm tra chưa kết thúc: điểm trong biên bản này là tạm tính. Biên bản kết thúc vào hồi ……… giờ "
            + "……… phút, ngày ………"))
    }

    @Test func signatureBlocksOfTheRepresentativeTheSecretaryAndTheLeader() throws {
      let record = InspectionRecord(export: try Self.audit())
      for (language, hint, blocks) in [
        (
          Language.vi, "(Ký, ghi rõ họ tên)",
          ["ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA", "THƯ KÝ ĐOÀN", "TRƯỞNG ĐOÀN KIỂM TRA"]
        ),
        (
          .en, "(Signature and full name)",
          ["FOR THE INSPECTED UNIT", "SECRETARY (MINUTE-TAKER)", "TEAM LEADER"]
        ),
      ] {
        let html = record.html(language: language)
        let signatures = String(Self.slice(html, from: "id=\"part-signatures\"", to: "</section>"))
        #expect(
          ReportFixtures.firstOutOfOrder(
            signatures,
            [
              blocks[0], hint, "Lê Thị Hà", blocks[1], hint, "Trần Thị Bình", blocks[2], hint,
              "Nguyễn Văn An",
            ]) == nil)
        let markdown = record.markdown(language: language)
        #expect(markdown.contains("| **\(blocks[0])** | **\(blocks[1])** | **\(blocks[2])** |"))
        #expect(markdown.contains("| Lê Thị Hà | Trần Thị Bình | Nguyễn Văn An |"))
        // Nobody refused: no refusal anywhere, not even an empty box.
        for text in [html, markdown] {
          #expect(!text.contains("Từ chối ký") && !text.contains("Refused to sign") && !text.contains("☐"))
        }
      }
    }

    @Test func aRefusalIsShownOnlyForWhoRefused() throws {
      let record = InspectionRecord(
        export: try Self.audit(after: {
          try $0.recordRefusalToSign("Lê Thị Hà", reason: "không đồng ý kết luận")
        }))
      for (language, refusal, line) in [
        (
          Language.vi, "Từ chối ký. Lý do: không đồng ý kết luận",
          "Lê Thị Hà từ chối ký biên bản. Lý do: không đồng ý kết luận"
        ),
        (
          .en, "Refused to sign. Reason: không đồng ý kết luận",
          "Lê Thị Hà refused to sign the record. Reason: không đồng ý kết luận"
        ),
      ] {
        let html = record.html(language: language)
        #expect(html.components(separatedBy: refusal).count == 2, "one refusal, in one block")
        #expect(
          ReportFixtures.firstOutOfOrder(html, ["Lê Thị Hà</strong><div class=\"refusal\">\(refusal)", line])
            == nil)
        #expect(!html.contains("Trần Thị Bình</strong><div class=\"refusal\">"))
        #expect(!html.contains("Nguyễn Văn An</strong><div class=\"refusal\">"))
        let markdown = record.markdown(language: language)
        #expect(markdown.contains("| \(refusal) |  |  |"))
        #expect(markdown.contains("- \(line)"))
      }
    }

    @Test func theExplanationIsInItsSpeakersName() throws {
      let record = InspectionRecord(
        export: try Self.audit(steps: { audit in
          try audit.explain("Cán bộ quên thẻ ở nhà", on: "BADGE-01")
          try audit.explain("Đơn vị tiếp thu")
        }))
      for text in Self.texts(record, .vi) {
        #expect(
          ReportFixtures.firstOutOfOrder(
            text,
            [
              "VI. GIẢI TRÌNH CỦA ĐƠN VỊ",
              "Lê Thị Hà, Phó Chủ tịch UBND phường trình bày: Đơn vị tiếp thu (ghi: Trần Thị Bình, 15:16 ngày 01/12/2026)",
              "Lê Thị Hà, Phó Chủ tịch UBND phường trình bày: Cán bộ quên thẻ ở nhà (ghi: Trần Thị Bình, 15:15 ngày "
                + "01/12/2026)",
            ]) == nil)
      }
      for text in Self.texts(record, .en) {
        #expect(
          text.contains(
            "Lê Thị Hà, Phó Chủ tịch UBND phường stated: Cán bộ quên thẻ ở nhà (recorded by Trần Thị Bình, 15:15 on "
              + "1 December 2026)"))
      }
    }

    @Test func correctiveActionDeadlinesAreDatesOfTheRecordsLanguage() throws {
      let record = InspectionRecord(
        export: try Self.audit(steps: {
          try $0.requireAction(
            "Bổ sung niêm yết", owner: "Văn phòng UBND", due: Fixed.day("2026-12-15"), for: "POST-01")
        }))
      #expect(record.html(language: .vi).contains("<td>15/12/2026</td>"))
      #expect(record.html(language: .en).contains("<td>15 December 2026</td>"))
      #expect(record.markdown(language: .en).contains("| 15 December 2026 |"))
    }

    @Test func everyNewTextOfTheFormIsEscaped() throws {
      let basis = LegalBasis(
        decision: DocumentReference(number: "<i>1</i>", issuer: "<b>Body</b> & Co"),
        plan: DocumentReference(number: "<script>p</script>"))
      let record = InspectionRecord(
        export: try Self.audit(
          basis: basis, issuingBody: "<svg onload=alert(1)>",
          steps: { audit in
            try audit.setRepresentative("<u>Hà</u>", title: "<em>t</em>")
            try audit.explain("<img src=x onerror=alert(1)>")
          },
          after: { try $0.recordRefusalToSign("<u>Hà</u>", reason: "<script>r</script>") }))
      for language in Language.allCases {
        let html = record.html(language: language)
        for forbidden in ["<i>1", "<b>Body", "<script", "<svg", "<SVG", "<u>", "<em>t", "<img"] {
          #expect(!html.contains(forbidden), "\(forbidden) reached the HTML unescaped")
        }
        #expect(html.contains("&lt;b&gt;Body&lt;/b&gt; &amp; Co"))
        let markdown = record.markdown(language: language)
        // Markdown escapes with a backslash: no tag survives whole.
        for forbidden in [
          "<i>", "<b>", "<script>", "<SVG ONLOAD=ALERT(1)>", "<u>", "<em>", "<img src=x onerror=alert(1)>",
        ] {
          #expect(!markdown.contains(forbidden), "\(forbidden) reached the Markdown unescaped")
        }
      }
    }
  }
}
