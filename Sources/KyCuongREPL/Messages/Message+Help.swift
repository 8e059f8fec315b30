import Foundation
import KyCuong
import KyCuongIntegrity
import KyCuongStore

extension Message {
  /// A command's syntax (the same in both languages: commands and options are typed as shown).
  static func usage(_ command: Command) -> String {
    switch command {
    case .help: "help [COMMAND]"
    case .start:
      "start [CHECKLIST] [--unit NAME] [--address TEXT] [--leader \"NAME (POSITION)\"] [--members \"A, B\"] "
        + "[--secretary NAME] [--recorder NAME] [--visit scheduled|surprise] [--province P] "
        + "[--level province|commune] [--one-stop yes|no] [--decision \"NUMBER, DATE, ISSUER\"] "
        + "[--plan \"NUMBER, DATE\"] [--issuer BODY] [--representative \"NAME (POSITION)\"]"
    case .show: "show"
    case .next: "next [all]"
    case .back: "back [all]"
    case .goto: "goto ID|N"
    case .list: "list [SECTION|unanswered|failed|critical]"
    case .find: "find TEXT"
    case .answer: "answer ANSWER [--remark \"TEXT\"]   |   ANSWER [-- REMARK] [// NOTE]"
    case .note: "note [ITEM] [--general] TEXT"
    case .attach: "attach [ITEM] [--general] PATH"
    case .skip: "skip [ITEM] REASON"
    case .explain: "explain [ITEM] [--general] [--by NAME] TEXT"
    case .finding: "finding TEXT"
    case .recommend: "recommend TEXT"
    case .action: "action [ITEM] WHAT --owner NAME --due DD/MM/YYYY"
    case .representative: "representative NAME [--title POSITION]"
    case .present: "present N"
    case .retract: "retract [#N REASON]"
    case .undo: "undo"
    case .score: "score"
    case .finish: "finish [--yes] [--sign KEYFILE]"
    case .reopen: "reopen REASON"
    case .pages: "pages N --copies M"
    case .refusal: "refusal NAME --reason TEXT"
    case .sign: "sign [--key KEYFILE] [--by NAME]"
    case .export: "export [PATH] [--force]"
    case .record: "record [PATH] [--format html|md] [--force]"
    case .bundle: "bundle [PATH] [--force]"
    case .audits: "audits"
    case .resume: "resume ID [--read-only]"
    case .whoami: "whoami [NAME]"
    case .compact: "compact [on|off]"
    case .sync: "sync"
    case .merge: "merge [LOG.jsonl…]"
    case .resolve: "resolve ITEM ANSWER|skip --reason TEXT"
    case .lang: "lang vi|en"
    case .cancel: "cancel"
    case .quit: "quit"
    }
  }

  /// What a command does, in one line.
  static func summary(_ command: Command, _ language: Language) -> String {
    let vi = language == .vi
    func t(_ viText: String, _ enText: String) -> String { vi ? viText : enText }
    return switch command {
    case .help: t("các lệnh, hoặc chi tiết một lệnh", "the commands, or one command in detail")
    case .start:
      t("bắt đầu cuộc kiểm tra; hỏi những gì còn thiếu", "start an audit; asks for whatever is missing")
    case .show: t("hiện mục hiện tại", "show the current item")
    case .next:
      t(
        "sang mục chưa trả lời tiếp theo; `next all`: mục kế tiếp",
        "go to the next open item; `next all`: the next item")
    case .back:
      t(
        "về mục chưa trả lời trước; `back all`: mục trước",
        "go back to the previous open item; `back all`: any")
    case .goto: t("đến một mục theo mã hoặc số thứ tự", "go to an item by id or by number")
    case .list:
      t(
        "liệt kê mục: theo phần, chưa trả lời, không đạt, điểm liệt",
        "list items: a section, unanswered, failed, critical")
    case .find:
      t(
        "tìm mục theo mã, nội dung, hướng dẫn (không cần dấu)",
        "find items by id, text, guidance (accents optional)")
    case .answer:
      t("trả lời mục hiện tại (có thể ghi lý do)", "answer the current item (with an optional remark)")
    case .note:
      t(
        "ghi chú bằng chứng (mục vừa trả lời, hoặc mục ghi rõ)",
        "an evidence note (the item just answered, or the one named)")
    case .attach:
      t(
        "đính kèm tệp: chép vào kho theo SHA-256 (tối đa 1 GiB; Ctrl-C để hủy)",
        "attach a file: copied into the store by SHA-256 (up to 1 GiB; Ctrl-C cancels)")
    case .skip: t("bỏ qua một mục, có lý do", "skip an item, with the reason")
    case .explain:
      t(
        "giải trình của đơn vị, ghi tên người đại diện",
        "the unit's explanation, in its representative's name")
    case .finding: t("một phát hiện của đoàn", "a finding of the team")
    case .recommend: t("một kiến nghị của đoàn", "a recommendation of the team")
    case .action:
      t(
        "biện pháp khắc phục: việc, người chịu trách nhiệm, hạn", "a corrective action: what, owner, deadline"
      )
    case .representative: t("người đại diện đơn vị ký biên bản", "the unit's representative who signs")
    case .present:
      t("số người có mặt (mặc định cho mục quan sát)", "staff present (the default for observations)")
    case .retract:
      t("rút lại một ghi chú, tệp, biện pháp… (có lý do)", "withdraw a note, file, action… (with a reason)")
    case .undo: t("hoàn tác thay đổi cuối của phiên này", "undo this session's last change")
    case .reopen: t("mở lại cuộc kiểm tra đã kết thúc (chưa ký)", "reopen a finished audit (until signed)")
    case .pages: t("số trang và số bản của biên bản", "the record's pages and copies")
    case .refusal: t("ghi người từ chối ký và lý do", "record who refused to sign, and why")
    case .sign: t("ghi biên bản đã ký (--key: ký số)", "record that the record is signed (--key: digitally)")
    case .bundle:
      t(
        "đóng gói kết quả, biên bản, tệp đính kèm vào một tệp zip",
        "export, record and attachments in one zip")
    case .whoami: t("người ghi trên máy này", "who records on this laptop")
    case .compact: t("mỗi mục một dòng (màn hình nhỏ)", "one line per item (small screens)")
    case .sync:
      t(
        "gửi nhật ký của máy này lên máy chủ của Sở (không phải chờ); trưởng đoàn: lấy và hợp nhất nhật ký "
          + "của thành viên",
        "send this device's log to the department server (no waiting); the leader: fetch and merge the "
          + "members' logs")
    case .merge:
      t(
        "trưởng đoàn: hợp nhất nhật ký của thành viên (tệp .jsonl); không có tệp: xem thiết bị và xung đột",
        "the leader: merge members' logs (.jsonl files); with none: the devices and conflicts")
    case .resolve:
      t(
        "trưởng đoàn: quyết định một mục các thiết bị trả lời khác nhau, có lý do",
        "the leader: settle an item the devices answered differently, with the reason")
    case .score:
      t("điểm tạm tính theo phần, trọng tâm, tổng", "provisional scores by section, focus area, overall")
    case .finish:
      t(
        "kết thúc (liệt kê mục bỏ qua, hỏi xác nhận); --sign KHÓA: ký số",
        "close the audit (lists what was skipped, asks); --sign KEYFILE: sign")
    case .export: t("xuất kết quả JSON", "write the result as JSON")
    case .record:
      t(
        "lập biên bản kiểm tra (HTML để in, hoặc Markdown)",
        "write the inspection record (HTML to print, or Markdown)")
    case .audits: t("các cuộc kiểm tra đã lưu", "saved audits")
    case .resume: t("tiếp tục một cuộc kiểm tra đã lưu", "continue a saved audit")
    case .lang: t("đổi ngôn ngữ", "switch language")
    case .cancel: t("hủy câu hỏi của start", "abandon start's questions")
    case .quit: t("thoát (mọi thứ đã được lưu)", "leave (everything is already saved)")
    }
  }

  /// The answer words and the remark syntax.
  static func answerHelp(_ language: Language) -> [String] {
    let vi = language == .vi
    func t(_ viText: String, _ enText: String) -> String { vi ? viText : enText }
    return [
      t("Câu trả lời (có dấu hay không dấu đều được):", "Answers (with or without Vietnamese accents):"),
      "  đạt | dat | có | y | pass",
      "  không đạt | khong dat | n | fail",
      "  một phần | mot phan | p | partial",
      "  không áp dụng | khong ap dung | kad | na",
      t(
        "  10/12 (số đạt/số quan sát), 3 (thang điểm), văn bản (mục tự luận)",
        "  10/12 (compliant/observed), 3 (scale), text (text items)"),
      t(
        "Một dòng không phải lệnh là câu trả lời cho mục hiện tại.",
        "A line that is not a command answers the current item."),
      t("Đổi câu trả lời (sau `goto ID`), kèm lý do:", "Change an answer (after `goto ID`), with a remark:"),
      t("  không đạt -- lý do thay đổi", "  fail -- why it changed"),
      t("  answer fail --remark \"lý do\"", "  answer fail --remark \"why\""),
      t("Câu trả lời cũ được giữ trong lịch sử.", "The earlier answer is kept in the history."),
      t(
        "Trả lời kèm ghi chú: `n // 2 cán bộ không đeo thẻ`.",
        "Answer and note: `n // 2 staff without a card`."),
    ]
  }

  static func helpOverview(_ language: Language) -> String {
    let vi = language == .vi
    var lines = [
      vi ? "Các lệnh (tên tiếng Việt không dấu cũng được):" : "Commands (Vietnamese names in brackets):"
    ]
    for command in Command.allCases {
      let aliases = command.aliases.filter { $0.count > 1 && !$0.contains(" ") }
      let names =
        aliases.isEmpty ? command.rawValue : "\(command.rawValue) [\(aliases.joined(separator: ", "))]"
      lines.append("  " + TextLayout.pad(names, 34) + summary(command, language))
    }
    lines.append("")
    lines += answerHelp(language)
    lines.append(vi ? "`help LỆNH` để xem chi tiết." : "`help COMMAND` for details.")
    return lines.joined(separator: "\n")
  }

  /// The commands used on every visit, one line each: `help` fits a small screen.
  static func helpShort(_ language: Language) -> String {
    let vi = language == .vi
    let common: [Command] = [
      .start, .goto, .next, .note, .attach, .explain, .skip, .action, .retract, .undo, .finish, .record,
    ]
    var lines = [vi ? "Lệnh thường dùng:" : "Common commands:"]
    for command in common {
      lines.append("  " + TextLayout.pad(command.rawValue, 10) + summary(command, language))
    }
    lines.append(
      vi
        ? "Một dòng không phải lệnh là câu trả lời (đạt, n, 10/12, kad). `help all`: mọi lệnh; `help LỆNH`: chi tiết."
        : "A line that is not a command is the answer (pass, n, 10/12, na). `help all`: every command; `help COMMAND`."
    )
    return lines.joined(separator: "\n")
  }

  /// The audit's refusal in `language`; the core library's own descriptions are in English only.
  static func auditError(_ error: AuditError, _ language: Language) -> String {
    guard language == .vi else {
      return error.description.prefix(1).uppercased() + error.description.dropFirst() + "."
    }
    return switch error {
    case .unknownItem(let id): "Không có mục \"\(id)\" trong bảng kiểm này."
    case .outcomeNotAccepted(let item, let problem):
      "\(item): câu trả lời không hợp lệ (\(outcomeProblem(problem)))."
    case .itemNotApplicable(let item, let condition):
      "\(item) không áp dụng: chỉ áp dụng khi \(conditionText(condition, .vi))."
    case .emptyText(let field): "Nội dung (\(textFieldName(field))) không được để trống."
    case .alreadyFinished: "Cuộc kiểm tra đã kết thúc; không nhận thêm thay đổi."
    case .openItems(let ids):
      "Chưa kết thúc được: còn \(ids.count) mục bỏ ngỏ: \(ids.map(\.rawValue).joined(separator: ", "))."
    case .attachmentUnreadable(let path, let problem):
      "Không đính kèm được \(path): "
        + {
          switch problem {
          case .missing: "không có tệp này"
          case .isFolder: "đó là thư mục, không phải tệp"
          case .notRegularFile: "không phải tệp thường (thiết bị, ống dẫn hay socket)"
          case .systemFile: "tệp của hệ thống (/proc, /sys, /dev), nội dung thay đổi khi đọc"
          case .tooLarge(let size, let limit): "\(size) byte, quá giới hạn \(limit) byte của một tệp đính kèm"
          case .changedWhileRead: "tệp thay đổi trong khi đọc; đính kèm lại khi tệp đã hoàn chỉnh"
          case .cancelled: "đã hủy; chưa đính kèm gì"
          case .unreadable(let reason): "không đọc được (\(reason))"
          }
        }() + "."
    case .emptyLog: "Nhật ký không hợp lệ: không có sự kiện nào."
    case .firstEventNotStarted: "Nhật ký không hợp lệ: sự kiện đầu tiên phải là \"started\"."
    case .startedAgain: "Nhật ký không hợp lệ: một cuộc kiểm tra chỉ có một sự kiện \"started\"."
    case .sequenceOutOfOrder(let sequence, let after):
      "Nhật ký không hợp lệ: số thứ tự \(sequence) không đứng sau \(after)."
    case .unchanged(let item): "\(item) đã có câu trả lời này; không có gì thay đổi."
    case .alreadySigned: "Biên bản đã ký: cuộc kiểm tra không nhận thêm thay đổi và không mở lại được."
    case .notFinished: "Cuộc kiểm tra chưa kết thúc (`finish`)."
    case .noSuchEvent(let sequence): "Không có sự kiện #\(sequence) trong cuộc kiểm tra này."
    case .notRetractable(let sequence, let type):
      "Sự kiện #\(sequence) (\(type)) không rút lại được; chỉ rút lại câu trả lời, bỏ qua và các ghi nhận."
    case .alreadyRetracted(let sequence): "Sự kiện #\(sequence) đã được rút lại."
    case .invalidCount(let field, let value):
      "\(countFieldName(field)) phải ít nhất là 1, nhận được \(value)."
    case .leadersOnly(let type):
      "Chỉ trưởng đoàn ghi \"\(type)\": đây là nhật ký của một thành viên (có sự kiện \"joined\"); trưởng đoàn làm "
        + "việc này trên cuộc kiểm tra đã gộp."
    case .joinedOutOfPlace:
      "Sự kiện \"joined\" chỉ có thể là sự kiện thứ hai trong nhật ký của thành viên, ngay sau \"started\" của "
        + "trưởng đoàn."
    case .invalidDevice(let id):
      "\"\(id)\" không dùng làm mã thiết bị được: 1 đến 40 chữ thường, chữ số hoặc \"-\", và không phải \"leader\"."
    case .notATeamMember(let name): "\(name) không có trong đoàn kiểm tra của cuộc kiểm tra này."
    case .settlesNothing(let item):
      "Quyết định về \(item) phải nêu các câu trả lời được giải quyết (thiết_bị#số)."
    case .notAnAnswer(let reference, let item):
      "\(reference) không phải câu trả lời hay bỏ qua của \(item) trong cuộc kiểm tra này."
    case .invalidEvent(let sequence, let type, let reason):
      // A log-level reason starts with "Nhật ký không hợp lệ: " too: say it once.
      "Nhật ký không hợp lệ: sự kiện \(sequence) (\(type)): "
        + {
          let text = auditError(reason, .vi)
          let prefix = "Nhật ký không hợp lệ: "
          return text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
        }()
    }
  }

  /// Why an answer does not fit, in Vietnamese.
  static func outcomeProblem(_ problem: OutcomeProblem) -> String {
    switch problem {
    case .negativeCount: "số đếm không được âm"
    case .noneObserved: "không quan sát được ai (0/0); hãy trả lời \"không áp dụng\" (kad)"
    case .emptyText: "câu trả lời không được để trống"
    case .compliantExceedsObserved(let compliant, let observed):
      "số đạt (\(compliant)) không được lớn hơn số quan sát (\(observed))"
    case .outsideScale(let value, let max): "giá trị phải từ 0 đến \(max), nhận được \(value)"
    case .wrongKind(let kind, let outcome): "mục loại \(kind.rawValue) không nhận câu trả lời \(outcome)"
    }
  }

  /// A condition's answer in `language`.
  static func conditionOutcomeName(_ outcome: ConditionOutcome, _ language: Language) -> String {
    let vi = language == .vi
    return switch outcome {
    case .pass: vi ? "đạt" : "pass"
    case .partial: vi ? "một phần" : "partial"
    case .fail: vi ? "không đạt" : "fail"
    case .notApplicable: vi ? "không áp dụng" : "not applicable"
    case .yes: vi ? "có" : "yes"
    case .no: vi ? "không" : "no"
    }
  }

  /// When an item applies, in `language`: `POST-00 là có`, `tỉnh/thành phố là Hà Nội`.
  static func conditionText(_ condition: ApplicabilityCondition, _ language: Language) -> String {
    let vi = language == .vi
    var parts: [String] = []
    if let item = condition.item {
      let answers = condition.outcomes.map { conditionOutcomeName($0, language) }
      parts.append("\(item) " + (vi ? "là " : "is ") + answers.joined(separator: vi ? " hoặc " : " or "))
    }
    if let context = condition.context {
      if let provinces = context.provinces {
        parts.append(
          (vi ? "tỉnh/thành phố là " : "the province is ")
            + provinces.joined(separator: vi ? " hoặc " : " or "))
      }
      if let levels = context.levels {
        parts.append(
          (vi ? "đơn vị thuộc " : "the unit is at ")
            + levels.map { $0.label[language] }.joined(separator: vi ? " hoặc " : " or "))
      }
      if let oneStopDesk = context.oneStopDesk {
        parts.append(
          oneStopDesk
            ? (vi ? "đơn vị là Bộ phận Một cửa" : "the unit is a one-stop desk")
            : (vi ? "đơn vị không phải Bộ phận Một cửa" : "the unit is not a one-stop desk"))
      }
    }
    return parts.joined(separator: vi ? " và " : " and ")
  }

  /// A text field's name in Vietnamese.
  static func textFieldName(_ field: AuditError.TextField) -> String {
    switch field {
    case .answer: "câu trả lời"
    case .skipReason: "lý do"
    case .note: "ghi chú"
    case .explanation: "giải trình"
    case .finding: "phát hiện"
    case .recommendation: "kiến nghị"
    case .representative: "tên người đại diện"
    case .action: "biện pháp"
    case .owner: "người chịu trách nhiệm"
    case .reason: "lý do"
    case .name: "họ tên"
    }
  }

  /// A count's name in Vietnamese.
  static func countFieldName(_ field: AuditError.CountField) -> String {
    switch field {
    case .staffPresent: "Số người có mặt"
    case .pages: "Số trang"
    case .copies: "Số bản"
    }
  }

  /// The store's refusal in `language`.
  static func storeError(_ error: AuditStoreError, _ language: Language) -> String {
    guard language == .vi else { return error.description + "." }
    return switch error {
    case .badID(let id): "\"\(id)\" không phải mã cuộc kiểm tra; dùng mã mà `audits` hiện ra."
    case .noSuchAudit(let id, let directory):
      "không có cuộc kiểm tra \"\(id)\" trong \(directory); `audits` liệt kê các cuộc đã lưu."
    case .alreadyExists(let id): "đã có cuộc kiểm tra \"\(id)\"; hãy `start` lại để có mã mới."
    case .locked(let id, let holder):
      if let holder {
        "cuộc kiểm tra \(id) đang mở ở một kycuong khác (pid \(holder.pid), người dùng \(holder.user), máy "
          + "\(holder.host), từ \(Timestamp.string(from: holder.since))); đóng nó ở đó, hoặc mở chỉ để đọc: "
          + "`resume \(id) --read-only`."
      } else {
        "cuộc kiểm tra \(id) đang mở ở một kycuong khác; đóng nó ở đó, hoặc `resume \(id) --read-only`."
      }
    case .notOpenForWriting(let id): "cuộc kiểm tra \(id) chưa được mở để ghi; hãy `resume \(id)`."
    case .unreadableLog(let id, let error):
      "nhật ký của cuộc kiểm tra \(id) không đọc được: \(auditError(error, .vi))"
    case .auditNotFound(let name, let directory):
      "không tìm thấy cuộc kiểm tra \"\(name)\": không phải tệp, cũng không có \(name).jsonl hay \(name).json trong "
        + "kho \(directory)."
    case .ioFailed(let path, let reason): "lỗi đọc/ghi \(path): \(reason)."
    case .unsafeFile(let path, let problem):
      switch problem {
      case .symbolicLink:
        "\(path) là liên kết tượng trưng; kho không đi theo liên kết nào, nên không động đến nó."
      case .notRegularFile: "\(path) không phải tệp thường (thư mục, ống, thiết bị); kho không động đến nó."
      case .notALockFile:
        "\(path) không phải tệp khóa do kycuong tạo (có tên khác hoặc chứa nội dung khác); kho không động đến nó: "
          + "hãy chuyển nó đi nếu không kycuong nào đang mở cuộc kiểm tra."
      }
    case .deviceLogRefused(let path, let reason):
      "không gộp được \(path): \(reason); chưa gộp gì."
    case .teamMerge(let error): teamError(error, .vi) + " Chưa gộp gì."
    case .mergeIntoFinished(let id, let events):
      "cuộc kiểm tra \(id) đã kết thúc: hãy mở lại (`reopen LÝ_DO`) trước khi gộp \(events) sự kiện mới, để biên bản "
        + "ghi rõ vì sao thay đổi; chưa gộp gì."
    case .invitationRefused(let path, let reason): "\(path) không phải lời mời dùng được: \(reason)."
    }
  }

  /// Why the devices' logs of a team audit do not merge, in `language`.
  static func teamError(_ error: TeamMergeError, _ language: Language) -> String {
    guard language == .vi else {
      return error.description.prefix(1).uppercased() + error.description.dropFirst() + "."
    }
    return switch error {
    case .noLogs: "Không có nhật ký nào để gộp."
    case .notAnAudit(let log, let reason): "\(log): " + auditError(reason, .vi)
    case .differentAudit(let log, let expected, let found):
      "\(log) không phải nhật ký của cuộc kiểm tra này: nó mở đầu bằng \"started\" của \(found), không phải của "
        + "\(expected) (nhật ký của thành viên bắt đầu bằng bản sao dòng đầu của trưởng đoàn: hãy tham gia từ lời mời)."
    case .forked(let device, let sequence, let logs):
      "Thiết bị \(device) có hai nhật ký khác nhau (\(logs.joined(separator: ", "))), tách nhau từ sự kiện \(sequence): "
        + "một bản đã bị sửa, hoặc nhật ký của thiết bị bị chép sang hai máy."
    case .notATeamMember(let log, let name): "\(log): \(name) tham gia, nhưng không có trong đoàn kiểm tra."
    case .notInvited(let log, let name):
      "\(log): \(name) tham gia, nhưng nhật ký của trưởng đoàn không có lời mời người này (`kycuong audit invite`)."
    case .invalidEvent(let reference, let type, let reason):
      "Không gộp được sự kiện \(reference) (\(type)): " + auditError(reason, .vi)
    case .recordedAfterFinishing(let reference, let type):
      "Sự kiện \(reference) (\(type)) được ghi sau khi trưởng đoàn kết thúc cuộc kiểm tra: hãy mở lại (kèm lý do) "
        + "trước khi gộp."
    case .finishedWithOpenItems(let items):
      "Cuộc kiểm tra đã gộp đã kết thúc nhưng còn \(items.count) mục bỏ ngỏ hoặc mâu thuẫn: "
        + items.map(\.rawValue).joined(separator: ", ") + "; hãy mở lại và giải quyết."
    case .refused(let reason): auditError(reason, .vi)
    }
  }
}
