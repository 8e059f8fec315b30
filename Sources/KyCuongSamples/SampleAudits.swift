import Foundation
import KyCuong

/// Realistic, reproducible sample audits for demonstrations, screenshots and benchmarks: a checklist of 50
/// items in six sections, and audits of Hanoi wards with Vietnamese notes, findings and corrective actions.
///
/// Every sample is made through ``Audit/record(_:by:at:)``, so its export is a valid `kycuong.audit/1` file
/// whose scores are the library's own. The same index and seed always give the same audit.
public enum SampleAudits {
  /// The sample checklist (`sample-office-discipline`).
  public static let checklist: Checklist = {
    let sources = [
      Citation(
        id: "QD-129-2007", type: .legal, number: "129/2007/QĐ-TTg",
        title: LocalizedText(
          vi: "Quy chế văn hóa công sở tại các cơ quan hành chính nhà nước",
          en: "Rules on office culture in state administrative bodies"),
        issuer: LocalizedText(vi: "Thủ tướng Chính phủ", en: "Prime Minister"), date: "2007-08-02"),
      Citation(
        id: "CT-26-2016", type: .legal, number: "26/CT-TTg",
        title: LocalizedText(
          vi: "Chỉ thị về tăng cường kỷ luật, kỷ cương trong các cơ quan hành chính nhà nước các cấp",
          en: "Directive on strengthening discipline in state administrative bodies"),
        issuer: LocalizedText(vi: "Thủ tướng Chính phủ", en: "Prime Minister"), date: "2016-09-05"),
      Citation(
        id: "ND-61-2018", type: .legal, number: "61/2018/NĐ-CP",
        title: LocalizedText(
          vi: "Nghị định về thực hiện cơ chế một cửa, một cửa liên thông",
          en: "Decree on the one-stop-shop mechanism"),
        issuer: LocalizedText(vi: "Chính phủ", en: "Government"), date: "2018-04-23"),
    ]
    typealias Spec = (vi: String, en: String, kind: ItemKind, critical: Bool, ref: String, focus: Int)
    let sections: [(id: String, vi: String, en: String, weight: Double, items: [Spec])] = [
      (
        "badge", "Thẻ công chức", "ID cards", 1,
        [
          (
            "Cán bộ tại bộ phận một cửa đeo thẻ công chức", "Staff at the one-stop desk wear their ID card",
            .observation, false, "QD-129-2007", 2
          ),
          (
            "Thẻ ghi đủ tên, chức danh, ảnh, số thẻ", "Cards show name, title, photo and number", .check,
            false, "QD-129-2007", 2
          ),
          ("Thẻ được đeo trước ngực", "Cards are worn on the chest", .observation, false, "QD-129-2007", 2),
          (
            "Lãnh đạo đơn vị đeo thẻ khi tiếp công dân",
            "Heads of unit wear their card when receiving citizens", .check, false, "QD-129-2007", 2
          ),
          (
            "Cán bộ tiếp công dân đeo thẻ", "Citizen-reception staff wear their card", .observation, false,
            "QD-129-2007", 2
          ),
          (
            "Có sổ theo dõi cấp phát thẻ", "A register of issued cards is kept", .check, false, "QD-129-2007",
            2
          ),
          (
            "Không có trường hợp đeo thẻ của người khác", "No one wears another person's card", .check, true,
            "QD-129-2007", 1
          ),
          ("Thẻ còn nguyên vẹn, dễ đọc", "Cards are intact and legible", .check, false, "QD-129-2007", 2),
        ]
      ),
      (
        "dress", "Trang phục", "Dress", 1,
        [
          ("Trang phục gọn gàng, lịch sự", "Dress is neat and polite", .observation, false, "QD-129-2007", 1),
          (
            "Cán bộ có trang phục riêng mặc đúng quy định", "Staff with a uniform wear it", .check, false,
            "QD-129-2007", 2
          ),
          (
            "Không mặc quần áo thể thao khi làm việc", "No sportswear at work", .observation, false,
            "QD-129-2007", 1
          ),
          ("Đầu tóc gọn gàng", "Hair is tidy", .observation, false, "QD-129-2007", 1),
          (
            "Đi giày hoặc dép có quai hậu", "Shoes or strapped sandals are worn", .observation, false,
            "QD-129-2007", 1
          ),
          (
            "Trang phục phù hợp với tính chất công việc", "Dress suits the work", .check, false,
            "QD-129-2007", 1
          ),
          (
            "Lãnh đạo gương mẫu về trang phục", "Heads of unit set the example in dress", .check, false,
            "QD-129-2007", 3
          ),
          (
            "Cán bộ tiếp dân mặc trang phục theo quy định", "Reception staff wear the prescribed dress",
            .check, false, "QD-129-2007", 2
          ),
        ]
      ),
      (
        "conduct", "Giao tiếp, ứng xử", "Conduct", 2,
        [
          ("Chào hỏi khi công dân đến", "Citizens are greeted on arrival", .check, false, "QD-129-2007", 1),
          (
            "Lắng nghe, giải thích rõ ràng", "Staff listen and explain clearly", .scale(max: 5), false,
            "QD-129-2007", 1
          ),
          (
            "Không hách dịch, nhũng nhiễu, gây phiền hà", "No arrogance, harassment or obstruction", .check,
            true, "CT-26-2016", 1
          ),
          (
            "Trả lời điện thoại xưng tên, đơn vị", "Phone calls are answered with name and unit", .check,
            false, "QD-129-2007", 1
          ),
          ("Không cúp máy ngang", "No one hangs up abruptly", .check, false, "QD-129-2007", 1),
          (
            "Xin lỗi khi công dân phải chờ", "Waiting citizens get an apology", .check, false, "ND-61-2018", 1
          ),
          (
            "Niêm yết 10 điều “Khách đến, được chào hỏi…”", "The 10 commitments are posted", .check, false,
            "CT-26-2016", 1
          ),
          (
            "Tiếp nhận và xử lý phản ánh của công dân", "Complaints are received and handled", .check, false,
            "ND-61-2018", 1
          ),
          ("Mức độ hài lòng của công dân", "Citizens' satisfaction", .scale(max: 5), false, "ND-61-2018", 1),
          (
            "Ứng xử đúng mực với đồng nghiệp", "Proper conduct toward colleagues", .check, false,
            "QD-129-2007", 1
          ),
        ]
      ),
      (
        "prohibited", "Những việc không được làm", "Prohibited at work", 2,
        [
          (
            "Không uống rượu, bia trong giờ làm việc", "No alcohol during working hours", .check, true,
            "CT-26-2016", 2
          ),
          (
            "Không hút thuốc lá trong phòng làm việc", "No smoking in offices", .check, false, "CT-26-2016", 2
          ),
          (
            "Không làm việc riêng trong giờ làm việc", "No personal business during working hours",
            .observation, false, "CT-26-2016", 2
          ),
          ("Không bỏ vị trí làm việc", "No one leaves the desk unattended", .check, false, "CT-26-2016", 2),
          ("Đi làm đúng giờ", "Staff arrive on time", .observation, false, "CT-26-2016", 2),
          (
            "Không chơi trò chơi điện tử trong giờ làm việc", "No video games during working hours", .check,
            false, "CT-26-2016", 2
          ),
          (
            "Không nhận quà, tiền của công dân", "No gifts or money from citizens", .check, true,
            "CT-26-2016", 3
          ),
          (
            "Không tổ chức liên hoan trong giờ làm việc", "No parties during working hours", .check, false,
            "CT-26-2016", 3
          ),
        ]
      ),
      (
        "posting", "Niêm yết thủ tục hành chính", "Posting of procedures", 1.5,
        [
          ("Niêm yết đầy đủ thủ tục hành chính", "Every procedure is posted", .check, false, "ND-61-2018", 2),
          (
            "Nội dung niêm yết khớp quyết định công bố", "Postings match the announcement decision", .check,
            false, "ND-61-2018", 2
          ),
          (
            "Niêm yết ở nơi dễ thấy, dễ tiếp cận", "Postings are easy to see and reach", .check, false,
            "ND-61-2018", 2
          ),
          (
            "Niêm yết địa chỉ tiếp nhận phản ánh, kiến nghị", "The feedback address is posted", .check, false,
            "ND-61-2018", 2
          ),
          (
            "Có phiếu xin lỗi và hẹn lại ngày trả kết quả", "Late files get an apology slip", .check, false,
            "ND-61-2018", 1
          ),
          (
            "Cập nhật niêm yết khi thủ tục thay đổi", "Postings are updated when procedures change", .check,
            false, "ND-61-2018", 2
          ),
          (
            "Có nội quy, quy chế làm việc còn hiệu lực", "Internal rules exist and are current", .check,
            false, "CT-26-2016", 2
          ),
          (
            "Công khai số điện thoại đường dây nóng", "The hotline number is posted", .check, false,
            "ND-61-2018", 2
          ),
        ]
      ),
      (
        "office", "Bài trí công sở", "Office arrangement", 1,
        [
          (
            "Có biển tên cơ quan tại cổng", "The agency's name plate is at the gate", .check, false,
            "QD-129-2007", 2
          ),
          ("Có biển tên từng phòng", "Each office has a name plate", .check, false, "QD-129-2007", 2),
          (
            "Quốc huy, Quốc kỳ đúng quy cách", "State emblem and flag in good condition", .check, false,
            "QD-129-2007", 2
          ),
          (
            "Có phòng tiếp công dân riêng", "A separate room for receiving citizens", .check, false,
            "QD-129-2007", 2
          ),
          (
            "Khu vực chờ có ghế, nước uống", "The waiting area has seats and water", .check, false,
            "ND-61-2018", 1
          ),
          (
            "Nơi làm việc sạch sẽ, ngăn nắp", "The workplace is clean and tidy", .scale(max: 4), false,
            "QD-129-2007", 2
          ),
          ("Có hòm thư góp ý", "A suggestion box is provided", .check, false, "ND-61-2018", 1),
          (
            "Có máy lấy số thứ tự hoạt động tốt", "The queue-ticket machine works", .check, false,
            "ND-61-2018", 2
          ),
        ]
      ),
    ]
    return Checklist(
      id: "sample-office-discipline", version: "1.0.0",
      title: LocalizedText(
        vi: "Kiểm tra kỷ luật, kỷ cương hành chính tại bộ phận một cửa (mẫu)",
        en: "Administrative discipline at the one-stop desk (sample)"),
      description: LocalizedText(
        vi: "Bộ tiêu chí mẫu dùng cho minh họa và đo hiệu năng.",
        en: "A sample checklist for demonstrations and benchmarks."),
      sources: sources,
      sections: sections.map { section in
        Section(
          id: section.id, title: LocalizedText(vi: section.vi, en: section.en), weight: section.weight,
          items: section.items.enumerated().map { index, spec in
            let number = index + 1 < 10 ? "0\(index + 1)" : "\(index + 1)"
            return Item(
              id: ItemID("\(section.id.uppercased())-\(number)"),
              text: LocalizedText(vi: spec.vi, en: spec.en),
              guidance: LocalizedText(
                vi: "Quan sát tại chỗ, hỏi cán bộ và công dân.",
                en: "Observe on site, ask staff and citizens."),
              kind: spec.kind, critical: spec.critical, source: ItemSource(ref: spec.ref),
              tags: ["focus-2017-\(spec.focus)"])
          })
      })
  }()

  /// The wards and offices the samples visit.
  public static let units = [
    "UBND phường Hàng Bạc", "UBND phường Hàng Trống", "UBND phường Cửa Nam", "UBND phường Ba Đình",
    "UBND phường Ngọc Hà", "UBND phường Giảng Võ", "UBND phường Hai Bà Trưng", "UBND phường Vĩnh Tuy",
    "UBND phường Bạch Mai", "UBND phường Đống Đa", "UBND phường Kim Liên",
    "UBND phường Văn Miếu – Quốc Tử Giám",
    "UBND phường Láng", "UBND phường Ô Chợ Dừa", "UBND phường Hồng Hà", "UBND phường Lĩnh Nam",
    "UBND phường Hoàng Mai", "UBND phường Tương Mai", "UBND phường Định Công", "UBND phường Hoàng Liệt",
    "UBND phường Thanh Xuân", "UBND phường Khương Đình", "UBND phường Phương Liệt", "UBND phường Cầu Giấy",
    "UBND phường Nghĩa Đô", "UBND phường Yên Hòa", "UBND phường Tây Hồ", "UBND phường Phú Thượng",
    "UBND phường Long Biên", "UBND phường Bồ Đề", "UBND phường Việt Hưng", "UBND phường Phúc Lợi",
    "UBND phường Hà Đông", "UBND phường Dương Nội", "UBND phường Yên Nghĩa", "UBND phường Kiến Hưng",
    "UBND xã Thanh Trì", "UBND xã Gia Lâm", "UBND xã Đông Anh", "UBND xã Sóc Sơn",
  ]

  static let inspectors = [
    "Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Châu", "Phạm Quốc Dũng", "Hoàng Thị Hoa",
  ]
  /// The units' representatives: name and position.
  static let representatives = [
    ("Đỗ Văn Hùng", "Phó Chủ tịch UBND"), ("Vũ Thị Lan", "Chủ tịch UBND"),
    ("Bùi Đức Minh", "Phó Chủ tịch UBND"),
    ("Ngô Thị Nga", "Chánh Văn phòng HĐND và UBND"),
  ]
  /// The legal basis every sample cites. The numbers and dates are made up for the demonstration and marked
  /// "(mẫu)" (sample), so that no one mistakes them for real documents.
  static let basis = LegalBasis(
    decision: DocumentReference(
      number: "01/QĐ-UBND (mẫu)", date: CalendarDate(year: 2025, month: 12, day: 15),
      issuer: "UBND thành phố Hà Nội"),
    plan: DocumentReference(number: "02/KH-ĐKT (mẫu)", date: CalendarDate(year: 2025, month: 12, day: 22)))
  static let failNotes = [
    "Tại thời điểm kiểm tra, một số cán bộ không đeo thẻ công chức.",
    "Bảng niêm yết thiếu 3 thủ tục hành chính mới ban hành.",
    "Công dân phản ánh phải chờ lâu nhưng không được xin lỗi.",
    "Phòng làm việc còn bừa bộn, hồ sơ để trên bàn chờ khách.",
    "Một cán bộ rời vị trí làm việc quá 30 phút không có lý do.",
    "Chưa cập nhật niêm yết theo quyết định công bố mới nhất.",
  ]
  static let explanations = [
    "Đơn vị đang chờ cấp lại thẻ cho cán bộ mới chuyển công tác.",
    "Do thiếu nhân lực trong đợt cao điểm cấp đổi giấy tờ.",
    "Bảng niêm yết đang được thay mới, dự kiến hoàn thành trong tuần.",
  ]

  /// A small deterministic random generator (SplitMix64), so samples are the same on every platform (and
  /// a test's random cases can be run again).
  package struct Generator: RandomNumberGenerator {
    var state: UInt64
    /// A generator starting from `state`.
    package init(state: UInt64) { self.state = state }
    /// The next 64 random bits.
    package mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  /// The sample audit number `index` (0, 1, …) for `seed`: a finished audit of one of ``units``, started on
  /// a working day of 2026. Each carries a legal basis, a team with positions and roles (leader, member,
  /// secretary), the representative and their position, an explanation in the representative's name, and
  /// the record's pages and copies, so that its record shows every part of the form.
  public static func audit(_ index: Int, seed: UInt64 = 1) -> Audit {
    var random = Generator(state: seed &* 1_000_003 &+ UInt64(index))
    let unitIndex = index % units.count
    let unit = units[unitIndex]
    // Each unit keeps its own level of compliance, so the ranking means something.
    let compliance = 0.55 + 0.4 * Double((unitIndex * 37) % 41) / 40
    let leader = inspectors[index % inspectors.count]
    let member = inspectors[(index + 2) % inspectors.count]
    let secretary = inspectors[(index + 4) % inspectors.count]
    let representative = representatives[unitIndex % representatives.count]
    let day = Int.random(in: 0..<330, using: &random)
    let start = Date(
      timeIntervalSince1970: 1_767_225_600 + Double(day) * 86_400 + 7_200 + Double(index % 60) * 60)
    let id =
      AuditHeader.makeID(unit: unit, at: start, timeZone: .vietnam).dropLast(4)
      + String(String(index, radix: 16).suffix(4)).leftPadded(to: 4)
    let header = AuditHeader(
      id: String(id), checklist: checklist,
      unit: InspectedUnit(name: unit, address: "Hà Nội"),
      team: InspectionTeam(people: [
        TeamMember(name: leader, title: "Phó Giám đốc Sở Nội vụ", role: .leader),
        TeamMember(name: member, title: "Trưởng phòng Công chức, viên chức, Sở Nội vụ", role: .member),
        TeamMember(name: secretary, title: "Chuyên viên Sở Nội vụ", role: .secretary),
      ]),
      visitType: index % 3 == 0 ? .surprise : .scheduled, basis: basis, issuingBody: "UBND thành phố Hà Nội")
    var audit = Audit(header: header, by: leader, at: start)
    var time = start
    func record(_ change: AuditEvent.Change) {
      time += 40
      _ = try? audit.record(change, by: secretary, at: time)
    }
    record(.representative(name: representative.0, title: representative.1))
    for item in checklist.items {
      let roll = Double.random(in: 0..<1, using: &random)
      let outcome: Outcome
      switch item.kind {
      case .observation:
        let observed = Int.random(in: 4...14, using: &random)
        let compliant =
          roll < compliance ? observed : Int(Double(observed) * Double.random(in: 0.5..<1, using: &random))
        outcome = .observation(compliant: compliant, observed: observed)
      case .scale(let max):
        outcome = .scale(roll < compliance ? max : Int.random(in: 1..<max, using: &random))
      default:
        outcome =
          roll < compliance
          ? .pass : (roll < compliance + 0.08 ? .partial : (item.critical && roll < 0.97 ? .pass : .fail))
      }
      record(.answered(item: item.id, outcome: outcome, remark: nil))
      let score = item.score(for: .answered(outcome), partialCredit: 0.5) ?? 1
      if score < 1 {
        record(.noted(item: item.id, text: failNotes[Int.random(in: 0..<failNotes.count, using: &random)]))
        if Double.random(in: 0..<1, using: &random) < 0.3 {
          record(
            .explained(
              item: item.id, text: explanations[Int.random(in: 0..<explanations.count, using: &random)],
              speaker: representative.0))
        }
        if Double.random(in: 0..<1, using: &random) < 0.5 {
          let due = Date(timeInterval: Double(Int.random(in: 7...45, using: &random)) * 86_400, since: start)
          record(
            .correctiveAction(
              what: "Khắc phục: \(item.text.vi.lowercased())",
              owner: "\(representative.0), \(representative.1)",
              due: CalendarDate(due, in: .vietnam), item: item.id))
        }
      }
    }
    record(
      .finding(text: "Đơn vị cơ bản chấp hành kỷ luật, kỷ cương hành chính; còn một số tồn tại nêu trên."))
    record(.recommendation(text: "Chấn chỉnh ngay các tồn tại; báo cáo kết quả khắc phục về Sở Nội vụ."))
    record(
      .explained(
        item: nil, text: "Đơn vị thống nhất với kết quả kiểm tra và cam kết khắc phục các tồn tại.",
        speaker: representative.0))
    record(.finished)
    record(.recordDetails(pages: 4, copies: 2))
    return audit
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
