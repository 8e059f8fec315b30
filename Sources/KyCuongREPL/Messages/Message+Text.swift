import Foundation
import KyCuong
import KyCuongIntegrity
import KyCuongStore

extension Message {
  /// The message in `language`.
  func text(in language: Language) -> String {
    let vi = language == .vi
    func t(_ viText: String, _ enText: String) -> String { vi ? viText : enText }
    switch self {
    case .inputRefused(.tooLong(let bytes)):
      return t(
        "Dòng quá dài (\(bytes) byte, tối đa \(InputCheck.maximumBytes)); không ghi gì. Hãy chia thành nhiều ghi chú.",
        "Line too long (\(bytes) bytes, at most \(InputCheck.maximumBytes)); nothing recorded. Split it into several notes."
      )
    case .inputRefused(.controlCharacter):
      return t(
        "Dòng có ký tự điều khiển; không ghi gì. Hãy gõ lại (chỉ cho phép tab).",
        "The line holds a control character; nothing recorded. Type it again (only tab is allowed).")
    case .inputRefused(.invalidUTF8):
      return t(
        "Dòng có byte không phải UTF-8; không ghi gì. Kiểm tra bộ gõ (cần UTF-8) rồi gõ lại.",
        "The line holds bytes that are not UTF-8; nothing recorded. Check the input method (UTF-8) and retype."
      )
    case .unknownCommand(let word, let suggestion):
      let hint = suggestion.map { t(" Có phải ý bạn là `\($0)`?", " Did you mean `\($0)`?") } ?? ""
      return t("Không có lệnh `\(word)`.", "No command `\(word)`.") + hint
        + t(" Gõ `help` để xem các lệnh.", " Type `help` for the commands.")
    case .unknownCommandOnText(let word, let suggestion):
      return t(
        "`\(word)` giống lệnh `\(suggestion)`; chưa ghi. Để ghi nó làm câu trả lời, gõ `answer \(word)`.",
        "`\(word)` looks like the command `\(suggestion)`; not recorded. To record it as the answer, type `answer \(word)`."
      )
    case .usage(let command):
      return t("Cách dùng: ", "Usage: ") + Self.usage(command)
    case .unknownOption(let option, let command):
      return t(
        "Lệnh \(command.rawValue) không có tùy chọn --\(option).",
        "\(command.rawValue) has no option --\(option).")
        + " " + t("Cách dùng: ", "Usage: ") + Self.usage(command)
    case .nothingToCancel:
      return t("Không có gì để hủy.", "Nothing to cancel.")
    case .helpOverview:
      return Self.helpOverview(language)
    case .helpCommand(let command):
      var lines = [Self.usage(command), "  " + Self.summary(command, language)]
      lines.append("  " + t("Tên khác: ", "Also: ") + command.aliases.joined(separator: ", "))
      if command == .answer { lines += Self.answerHelp(language) }
      return lines.joined(separator: "\n")
    case .languageSet:
      return t("Ngôn ngữ: tiếng Việt.", "Language: English.")

    case .welcome:
      return t("KyCuong — kiểm tra kỷ cương hành chính.", "KyCuong — administrative discipline inspection.")
    case .welcomeNoUnfinished:
      return t(
        "Gõ `start` để bắt đầu một cuộc kiểm tra, `help` để xem các lệnh.",
        "Type `start` to begin an inspection, `help` for the commands.")
    case .welcomeUnfinished(let count):
      return t("\(count) cuộc kiểm tra chưa kết thúc:", "\(count) unfinished audit(s):")
    case .welcomeResumeHint(let id):
      return t(
        "Gõ `resume ID` để tiếp tục, ví dụ `resume \(id)`.",
        "Type `resume ID` to continue, e.g. `resume \(id)`.")
    case .goodbyeNoAudit:
      return t("Tạm biệt.", "Goodbye.")
    case .goodbye(let id):
      return t(
        "Đã lưu cuộc kiểm tra \(id). Để tiếp tục: `resume \(id)`. Tạm biệt.",
        "Audit \(id) is saved. To continue: `resume \(id)`. Goodbye.")

    case .noChecklists:
      return t(
        "Không có bảng kiểm nào. Thêm tệp vào Checklists/ hoặc chạy với --checklists PATH.",
        "No checklists. Add files to Checklists/ or run with --checklists PATH.")
    case .noSuchChecklist(let id, let available):
      return t("Không có bảng kiểm `\(id)`. Có: ", "No checklist `\(id)`. Available: ")
        + available.joined(separator: ", ")
    case .badVisitType(let text):
      return t(
        "`\(text)` không phải loại kiểm tra: gõ `định kỳ` (scheduled) hoặc `đột xuất` (surprise).",
        "`\(text)` is not a visit type: type `scheduled` (định kỳ) or `surprise` (đột xuất).")
    case .badDate(let error):
      switch error {
      case .notADate(let text):
        return t(
          "\"\(text)\" không phải là ngày; viết DD/MM/YYYY hoặc YYYY-MM-DD (ví dụ 15/12/2026).",
          "\"\(text)\" is not a date; write DD/MM/YYYY or YYYY-MM-DD (e.g. 15/12/2026).")
      case .noSuchDay(let text):
        return t(
          "Không có ngày \"\(text)\" trong lịch; hãy kiểm tra ngày và tháng.",
          "There is no day \"\(text)\" in the calendar; check the day and the month.")
      }
    case .startAsking:
      return t(
        "Bắt đầu cuộc kiểm tra mới. Gõ `cancel` (hoặc Ctrl-C) để hủy.",
        "Starting a new audit. Type `cancel` (or Ctrl-C) to abandon.")
    case .startCancelled:
      return t("Đã hủy; chưa tạo cuộc kiểm tra nào.", "Cancelled; no audit was created.")
    case .answerRequired:
      return t("Cần một câu trả lời.", "An answer is needed.")
    case .askChecklist:
      return t("Bảng kiểm nào? (số hoặc mã)", "Which checklist? (number or id)")
    case .askLeader(let name):
      return name.isEmpty
        ? t(
          "Trưởng đoàn? (họ tên, chức vụ trong ngoặc: Nguyễn Văn An (Phó Giám đốc Sở Nội vụ))",
          "Team leader? (name, position in brackets: Nguyễn Văn An (Deputy Director))")
        : t("Trưởng đoàn? (Enter: \(name))", "Team leader? (Enter: \(name))")
    case .started(let id, let checklist, let unit, let visit):
      return t(
        "Đã bắt đầu cuộc kiểm tra \(id): \(unit), bảng kiểm \(checklist.id) \(checklist.version), kiểm tra \(visit.label.vi).",
        "Started audit \(id): \(unit), checklist \(checklist.id) \(checklist.version), \(visit.label[.en]) visit."
      )

    case .noAudit:
      return t(
        "Chưa mở cuộc kiểm tra nào: `start` để bắt đầu, `audits` để xem, `resume ID` để tiếp tục.",
        "No audit is open: `start` to begin one, `audits` to list, `resume ID` to continue one.")
    case .readOnly(let id):
      return t(
        "Cuộc kiểm tra \(id) đang mở chỉ để đọc; không ghi được. Đóng nó ở tiến trình kia rồi `resume \(id)`.",
        "Audit \(id) is open read-only; nothing can be recorded. Close it in the other process, then `resume \(id)`."
      )
    case .readOnlyMark:
      return t("chỉ đọc", "read-only")
    case .auditRefused(let error):
      return Self.auditError(error, language)
    case .teamRefused(let error):
      return Self.teamError(error, language)
    case .notSaved(let error):
      return t("Chưa ghi được: ", "Not saved: ") + Self.storeError(error, language)
    case .openFailed(let error):
      return t("Không mở được: ", "Cannot open: ") + Self.storeError(error, language)
    case .answerNotAccepted(let item, let kind, let given, let suggestion):
      let hint = suggestion.map { t(" Có phải ý bạn là `\($0)`?", " Did you mean `\($0)`?") } ?? ""
      return t("\(item) không nhận câu trả lời `\(given)`.", "\(item) does not take the answer `\(given)`.")
        + hint + " " + t("Nhận: ", "Takes: ") + Message.accepts(kind).text(in: language)
    case .answered(let item, let outcome):
      return "✓ \(item): " + Message.outcome(outcome).text(in: language)
    case .answerChanged(let item, let from, let to, let remark):
      let old: String
      switch from {
      case .answered(let outcome): old = Message.outcome(outcome).text(in: language)
      case .skipped(let reason): old = Message.skippedStatus(reason).text(in: language)
      case .unanswered: old = Message.unansweredStatus.text(in: language)
      }
      let why = remark.map { " — \($0)" } ?? t(" (không ghi lý do)", " (no remark)")
      return t("✓ \(item): đổi \(old) → ", "✓ \(item): changed \(old) → ")
        + Message.outcome(to).text(in: language) + why
        + t("; câu trả lời cũ được giữ trong lịch sử.", "; the earlier answer is kept in the history.")
    case .skipped(let item):
      return t("Đã bỏ qua \(item) (chưa kiểm tra).", "Skipped \(item) (not checked).")
    case .recorded(let command, let item):
      let what: String
      switch command {
      case .note: what = t("ghi chú", "note")
      case .explain: what = t("giải trình của đơn vị", "the unit's explanation")
      case .finding: what = t("phát hiện", "finding")
      case .recommend: what = t("kiến nghị", "recommendation")
      case .action: what = t("biện pháp khắc phục", "corrective action")
      case .representative: what = t("người đại diện đơn vị", "the unit's representative")
      default: what = command.rawValue
      }
      let target = item.map { t(" cho \($0)", " on \($0)") } ?? ""
      return t("Đã ghi \(what)\(target).", "Recorded \(what)\(target).")
    case .attached(let attachment, let item):
      let target = item.map { t(" cho \($0)", " to \($0)") } ?? ""
      return t("Đã đính kèm", "Attached")
        + " \(attachment.path)\(target): \(attachment.size) B, SHA-256 \(attachment.sha256)"
    case .allAnswered:
      return t(
        "Mọi mục áp dụng đã được trả lời hoặc bỏ qua. `score` xem điểm, `finish` để kết thúc.",
        "Every applicable item is answered or skipped. `score` for the scores, `finish` to close the audit.")
    case .auditFinished(let id):
      return t(
        "Cuộc kiểm tra \(id) đã kết thúc; không nhận thêm thay đổi. `export` để xuất.",
        "Audit \(id) is finished and takes no more changes. `export` to write it out.")
    case .atFirstItem: return t("Đây là mục đầu tiên.", "This is the first item.")
    case .atLastItem:
      return t(
        "Đây là mục cuối cùng. `list unanswered` xem mục còn lại.",
        "This is the last item. `list unanswered` shows what is left.")
    case .noSuchItem(let id, let suggestion):
      let hint = suggestion.map { t(" Có phải `\($0)`?", " Did you mean `\($0)`?") } ?? ""
      return t("Không có mục `\(id)`.", "No item `\(id)`.") + hint
        + t(" `find TỪ` để tìm.", " `find WORDS` searches the items.")
    case .itemDoesNotApply(let item, let condition):
      return t(
        "\(item) không áp dụng: chỉ áp dụng khi \(Self.conditionText(condition, .vi)).",
        "\(item) does not apply: it applies only when \(Self.conditionText(condition, .en)).")
    case .noSuchList(let name, let suggestion):
      let hint = suggestion.map { t(" Có phải `\($0)`?", " Did you mean `\($0)`?") } ?? ""
      return t(
        "Không có danh sách `\(name)`: dùng mã phần, `unanswered`, `failed` hoặc `critical`.",
        "No list `\(name)`: use a section id, `unanswered`, `failed` or `critical`.") + hint
    case .listEmpty: return t("Không có mục nào.", "No items.")
    case .findNothing(let query):
      return t("Không tìm thấy `\(query)`.", "Nothing matches `\(query)`.")
    case .findResults(let count, let query):
      return t("\(count) mục khớp `\(query)`:", "\(count) item(s) match `\(query)`:")
    case .finishRefused(let count):
      return t(
        "Chưa kết thúc được: còn \(count) mục áp dụng chưa trả lời hoặc bỏ qua (`goto ID` để trả lời, `skip LÝ DO` để bỏ qua):",
        "Cannot finish yet: \(count) applicable item(s) neither answered nor skipped (`goto ID` to answer, `skip REASON` to skip):"
      )
    case .finished(let id):
      return t(
        "Đã kết thúc cuộc kiểm tra \(id). `export` để xuất kết quả.",
        "Audit \(id) is finished. `export` writes the result.")
    case .exported(let path, let renamed):
      return t("Đã xuất ra \(path)", "Exported to \(path)") + Self.renamedNote(renamed, language)
    case .recordWritten(let path, let renamed):
      return t("Đã lập biên bản: \(path)", "Inspection record written to \(path)")
        + Self.renamedNote(renamed, language)
    case .exportFailed(let path, let reason):
      return t("Không xuất được ra \(path): \(reason)", "Cannot export to \(path): \(reason)")
    case .signed(let signer, let fingerprint, let path):
      return t(
        "Đã ký: \(signer), dấu vân tay khóa \(fingerprint). Kết quả đã ký: \(path) (`kycuong verify \(path)`)",
        "Signed by \(signer), key fingerprint \(fingerprint). Signed export: \(path) (`kycuong verify \(path)`)"
      )
    case .signFailed(let reason):
      return t("Không ký được: \(reason)", "Cannot sign: \(reason)")
    case .noAudits(let directory):
      return t("Chưa có cuộc kiểm tra nào trong \(directory).", "No audits in \(directory) yet.")
    case .ambiguousAudit(let prefix, let matches):
      return t("`\(prefix)` khớp nhiều cuộc kiểm tra: ", "`\(prefix)` matches several audits: ")
        + matches.joined(separator: ", ")
    case .resumed(let summary, let readOnly):
      let mode = readOnly ? t(" (chỉ đọc)", " (read-only)") : ""
      return t(
        "Tiếp tục cuộc kiểm tra \(summary.id)\(mode): \(summary.unit), đã trả lời \(summary.answered)/\(summary.applicable).",
        "Resumed audit \(summary.id)\(mode): \(summary.unit), \(summary.answered)/\(summary.applicable) answered."
      )
    case .logDamage(let damage, let chainBreaks):
      return t(
        "Nhật ký có chỗ hỏng (các câu trả lời đầy đủ vẫn còn):",
        "The log is damaged (every complete answer is kept):")
        + "\n"
        + (damage.map(\.description) + chainBreaks.map { "\($0) (hash chain)" }).map { "  " + $0 }
        .joined(separator: "\n")
    case .logRepaired(.newlineAdded, _):
      return t(
        "Đã thêm ký tự xuống dòng còn thiếu ở cuối nhật ký.",
        "Added the newline missing at the end of the log.")
    case .logRepaired(.truncated(let bytes), let id):
      return t(
        "Đã cắt dòng cuối bị dở (\(bytes) byte) khỏi nhật ký; các byte đó được giữ trong \(id).jsonl.damaged.",
        "Cut the unfinished last line (\(bytes) bytes) from the log; its bytes are kept in \(id).jsonl.damaged."
      )

    case .criticalMark: return t("‼ ĐIỂM LIỆT", "‼ CRITICAL")
    case .labelGuidance: return t("Hướng dẫn", "Guidance")
    case .labelSource: return t("Căn cứ", "Source")
    case .labelWeight: return t("Trọng số", "Weight")
    case .labelAccepts: return t("Trả lời", "Answers")
    case .labelCurrent: return t("Hiện tại", "Current")
    case .labelRemark: return t("Lý do", "Remark")
    case .labelHistory: return t("Đã đổi", "Changed")
    case .labelNote: return t("Ghi chú", "Note")
    case .labelExplanation: return t("Giải trình", "Explanation")
    case .labelAttachment: return t("Tệp", "File")
    case .accepts(.check):
      return t(
        "đạt (y, có), không đạt (n), một phần (p), không áp dụng (kad); hoặc pass, fail, partial, na.",
        "pass (y), fail (n), partial (p), na; or đạt, không đạt, một phần, không áp dụng.")
    case .accepts(.observation):
      return t(
        "số đạt/số quan sát, ví dụ 10/12; hoặc kad (không áp dụng).",
        "compliant/observed, e.g. 10/12; or na (not applicable).")
    case .accepts(.scale(let max)):
      return t(
        "một số nguyên từ 0 đến \(max); hoặc kad (không áp dụng).",
        "a whole number from 0 to \(max); or na (not applicable).")
    case .accepts(.yesNo):
      return t("có (c, y) hoặc không (k, n).", "yes (y, có) or no (n, không).")
    case .accepts(.text):
      return t(
        "văn bản tự do (nếu bắt đầu bằng tên lệnh, gõ `answer VĂN BẢN`).",
        "free text (if it starts with a command's name, type `answer TEXT`).")
    case .outcome(let outcome):
      switch outcome {
      case .pass: return t("đạt", "pass")
      case .partial: return t("một phần", "partial")
      case .fail: return t("không đạt", "fail")
      case .notApplicable: return t("không áp dụng", "not applicable")
      case .observation(let compliant, let observed): return "\(compliant)/\(observed)"
      case .scale(let value): return "\(value)"
      case .text(let text): return "“\(text)”"
      case .yes: return t("có", "yes")
      case .no: return t("không", "no")
      }
    case .skippedStatus(let reason): return t("bỏ qua: \(reason)", "skipped: \(reason)")
    case .notApplicableStatus: return t("(không áp dụng)", "(does not apply)")
    case .unansweredStatus: return t("chưa trả lời", "unanswered")
    case .finishedMark: return t("đã kết thúc", "finished")
    default: return fieldText(in: language)
    }
  }

  /// The note that a default file name was taken, so the file got a new one.
  static func renamedNote(_ renamed: Bool, _ language: Language) -> String {
    guard renamed else { return "" }
    return language == .vi
      ? " (tên mặc định đã có tệp; ghi sang tên mới, tệp cũ giữ nguyên)"
      : " (a file had the default name; written to a new name, the old file is untouched)"
  }
}
