import Foundation
import KyCuong

extension Message {
  /// The texts of the on-site workflow: questions of `start`, confirmations, corrections, closing.
  func fieldText(in language: Language) -> String {
    let vi = language == .vi
    func t(_ viText: String, _ enText: String) -> String { vi ? viText : enText }
    func on(_ item: ItemID?) -> String {
      item.map { t(" cho \($0)", " on \($0)") } ?? t(" (chung)", " (general)")
    }
    switch self {
    case .askRecorder(let name):
      return t(
        "Ai ghi biên bản trên máy này? (Enter: \(name))", "Who records on this laptop? (Enter: \(name))")
    case .ask(let question):
      switch question {
      case .unit: return t("Đơn vị được kiểm tra?", "Which unit is inspected?")
      case .address:
        return t(
          "Địa chỉ nơi kiểm tra? (Enter nếu chưa ghi)", "Address of the visit? (Enter to leave it out)")
      case .province: return t("Tỉnh/thành phố? (ví dụ: Hà Nội)", "Province or city? (e.g. Hà Nội)")
      case .level:
        return t("Cấp của đơn vị: 1. cấp tỉnh, 2. cấp xã?", "Level of the unit: 1. province, 2. commune?")
      case .oneStopDesk:
        return t("Đơn vị là Bộ phận Một cửa? (c/k)", "Is the unit a one-stop desk? (y/n)")
      case .members:
        return t(
          "Thành viên đoàn? (cách nhau bởi dấu phẩy, chức vụ trong ngoặc; Enter nếu không có)",
          "Team members? (separated by commas, positions in brackets; Enter for none)")
      case .secretary:
        return t("Thư ký đoàn? (Enter nếu không có)", "The team's secretary? (Enter for none)")
      case .visit:
        return t("Loại kiểm tra: 1. định kỳ, 2. đột xuất?", "Visit type: 1. scheduled, 2. surprise?")
      case .decision:
        return t(
          "Quyết định thành lập đoàn: số, ngày, cơ quan ban hành? (Enter nếu chưa ghi)",
          "Decision setting up the team: number, date, issuer? (Enter to leave it out)")
      case .plan:
        return t(
          "Kế hoạch kiểm tra: số, ngày? (Enter nếu chưa ghi)",
          "Inspection plan: number, date? (Enter to leave it out)")
      case .issuer:
        return t(
          "Cơ quan thành lập đoàn, ghi ở đầu biên bản (ví dụ UBND TỈNH BẮC NINH)? (Enter nếu chưa ghi)",
          "Body that set up the team, at the head of the record? (Enter to leave it out)")
      case .representative:
        return t(
          "Người đại diện đơn vị (họ tên, chức vụ trong ngoặc)? (Enter nếu chưa biết)",
          "The unit's representative (name, position in brackets)? (Enter if not known yet)")
      default: return ""
      }
    case .prompt(let question):
      switch question {
      case .checklist: return t("Bảng kiểm", "Checklist")
      case .unit: return t("Đơn vị", "Unit")
      case .address: return t("Địa chỉ", "Address")
      case .province: return t("Tỉnh/thành phố", "Province")
      case .level: return t("Cấp", "Level")
      case .oneStopDesk: return t("Một cửa", "One-stop desk")
      case .leader: return t("Trưởng đoàn", "Leader")
      case .members: return t("Thành viên", "Members")
      case .secretary: return t("Thư ký", "Secretary")
      case .recorder: return t("Người ghi", "Recorder")
      case .visit: return t("Loại kiểm tra", "Visit")
      case .decision: return t("Quyết định", "Decision")
      case .plan: return t("Kế hoạch", "Plan")
      case .issuer: return t("Cơ quan", "Issuing body")
      case .representative: return t("Đại diện", "Representative")
      }
    case .badLevel(let text):
      return t(
        "`\(text)` không phải cấp: 1. cấp tỉnh, 2. cấp xã.",
        "`\(text)` is not a level: 1. province, 2. commune.")
    case .badYesNo(let text):
      return t("`\(text)`: trả lời c (có) hoặc k (không).", "`\(text)`: answer y (yes) or n (no).")
    case .historicalChecklist(let id):
      return t(
        "Lưu ý: bảng kiểm \(id) là bảng kiểm lịch sử (quy định của đợt cũ); chỉ dùng để rà soát lại.",
        "Note: \(id) is a historical checklist (rules of a past campaign), for reviews only.")
    case .notCheckedOnVisit(let ids, let visit):
      return t(
        "Kiểm tra \(visit.label.vi): \(ids.count) mục không kiểm tra lần này, đã ghi bỏ qua kèm lý do: ",
        "\(visit.label[.en].capitalized) visit: \(ids.count) item(s) not checked this time, recorded skipped with the reason: "
      )
        + ids.map(\.rawValue).joined(separator: ", ")
    case .noContext:
      return t(
        "Chưa ghi tỉnh, cấp và loại đơn vị: các mục phụ thuộc vào đó không áp dụng.",
        "No province, level or kind of unit recorded: the items that depend on them do not apply.")

    case .confirmPrompt: return t("(c/k)", "(y/n)")
    case .confirmHint: return t("Trả lời c (có) hoặc k (không).", "Answer y (yes) or n (no).")
    case .confirmationCancelled: return t("Đã hủy; không ghi gì.", "Cancelled; nothing recorded.")
    case .looksLikeCommand(let word, let suggestion, let item):
      return t(
        "`\(word)` giống lệnh `\(suggestion)`. Ghi cả dòng làm câu trả lời cho \(item)?",
        "`\(word)` looks like the command `\(suggestion)`. Record the whole line as the answer to \(item)?")
    case .pastDueDate(let due, let today):
      return t(
        "Hạn \(Self.vietnameseDate(due)) đã qua (hôm nay \(Self.vietnameseDate(today))). Vẫn ghi?",
        "The deadline \(due) is in the past (today is \(today)). Record it anyway?")

    case .noOpenItem:
      return t(
        "Không còn mục nào chưa trả lời. `next all` đi qua mọi mục, `finish` để kết thúc.",
        "No open item left. `next all` walks every item, `finish` closes the audit.")
    case .noSuchPosition(let number, let count):
      return t(
        "Không có mục thứ \(number): có \(count) mục áp dụng.",
        "No item number \(number): \(count) items apply.")
    case .countNeedsObserved(let item, let given):
      return t(
        "\(item): `\(given)` là số đạt; cần số quan sát: gõ \(given)/N, hoặc ghi số người có mặt trước (`present N`).",
        "\(item): `\(given)` is the compliant count; the observed count is missing: type \(given)/N, or record the staff present first (`present N`)."
      )
    case .answerUnchanged(let item, let outcome):
      return t(
        "\(item) đã là \(Message.outcome(outcome).text(in: language)); không ghi lại.",
        "\(item) is already \(Message.outcome(outcome).text(in: language)); nothing recorded.")
    case .explanationRecorded(let item, let speaker):
      let who = speaker.map { t(", lời của \($0)", ", in the words of \($0)") } ?? ""
      return t("Đã ghi giải trình của đơn vị", "Recorded the unit's explanation") + on(item) + who + "."
    case .noRepresentativeHint:
      return t(
        "Chưa ghi người đại diện đơn vị: `representative TÊN`, hoặc `explain --by TÊN …` để ghi người trình bày.",
        "No representative recorded: `representative NAME`, or `explain --by NAME …` to name who said it.")
    case .staffCounted(let count):
      return t(
        "Đã ghi \(count) người có mặt. Ở mục quan sát, gõ một số M là M/\(count).",
        "Recorded \(count) staff present. At an observation item, a single number M means M/\(count).")
    case .staffDefault(let count):
      return t("(gõ M là M/\(count): \(count) người có mặt)", "(M alone means M/\(count): \(count) present)")
    case .alreadyAttached(let item, let event):
      return t("Tệp này đã được đính kèm", "This file is already attached") + on(item)
        + (event.map { " (#\($0))" } ?? "") + t("; không ghi lại.", "; nothing recorded.")
    case .sameFileAs(let item, let event):
      return t("Cùng tệp với tệp đã đính kèm", "The same file as the one attached") + on(item)
        + (event.map { " (#\($0))" } ?? "") + t("; kho chỉ giữ một bản.", "; the store keeps one copy.")
    case .retractNeedsReason(let event):
      return t("Cần lý do: `retract #\(event) LÝ DO`.", "A reason is needed: `retract #\(event) REASON`.")
    case .cannotUndo(let type):
      return t(
        "Thay đổi cuối (\(type)) không hoàn tác được; kết thúc thì mở lại bằng `reopen LÝ DO`.",
        "The last change (\(type)) cannot be undone; a finished audit is reopened with `reopen REASON`.")
    case .nothingToUndo:
      return t("Phiên này chưa ghi thay đổi nào để hoàn tác.", "This session has recorded no change to undo.")
    case .retracted(let what, let undo):
      return (undo ? t("Đã hoàn tác: ", "Undone: ") : t("Đã rút lại: ", "Withdrawn: ")) + what
        + t(" (vẫn giữ trong lịch sử).", " (kept in the history).")
    case .nothingToRetract(let item):
      return t("Không có gì để rút lại", "Nothing to withdraw") + on(item) + "."
    case .retractableHeading(let item):
      return t("Có thể rút lại", "Can be withdrawn") + on(item) + t(" và chung:", " and general:")
    case .retractHint:
      return t("`retract #SỐ LÝ DO` để rút lại một mục.", "`retract #NUMBER REASON` withdraws one.")

    case .alreadyFinishedHint(let id):
      return t(
        "Cuộc kiểm tra \(id) đã kết thúc. `reopen LÝ DO` để mở lại, `sign` khi đã ký biên bản.",
        "Audit \(id) is finished. `reopen REASON` opens it again, `sign` once the record is signed.")
    case .notValidOnVisitDay:
      return t("quy định đã hết hiệu lực vào ngày kiểm tra", "the rule was no longer in force on the day")
    case .appliesOnlyWhen(let condition):
      return t("không áp dụng (chỉ khi \(condition))", "does not apply (only when \(condition))")
    case .finishSummary(let answered, let applicable):
      return t(
        "Kết thúc: \(answered)/\(applicable) mục áp dụng đã trả lời.",
        "Finishing: \(answered)/\(applicable) applicable items answered.")
    case .finishSkipped(let count): return t("Bỏ qua (\(count)):", "Skipped (\(count)):")
    case .finishNotApplicable(let count):
      return t("Trả lời không áp dụng (\(count)):", "Answered not applicable (\(count)):")
    case .finishDoesNotApply(let count): return t("Không áp dụng (\(count)):", "Do not apply (\(count)):")
    case .finishQuestion(let id):
      return t(
        "Kết thúc cuộc kiểm tra \(id)? Sau đó chỉ mở lại được bằng `reopen LÝ DO`, cho đến khi ký.",
        "Finish audit \(id)? After that only `reopen REASON` opens it again, until it is signed.")
    case .reopened(let id):
      return t(
        "Đã mở lại cuộc kiểm tra \(id) (lý do được ghi vào nhật ký).",
        "Audit \(id) is open again (the reason is in the log).")
    case .recordDetailsRecorded(let pages, let copies):
      return t(
        "Đã ghi: biên bản \(pages) trang, \(copies) bản.",
        "Recorded: the record has \(pages) pages, \(copies) copies.")
    case .refusalRecorded(let name):
      return t(
        "Đã ghi: \(name) từ chối ký, kèm lý do.", "Recorded: \(name) refused to sign, with the reason.")
    case .recordSigned(let signer, let id):
      return t(
        "Đã ghi: biên bản đã ký (\(signer)). Cuộc kiểm tra \(id) đã đóng hẳn.",
        "Recorded: the record is signed (\(signer)). Audit \(id) is closed for good.")
    case .bundleWritten(let path, let files, let renamed):
      return t("Đã đóng gói \(files) tệp vào \(path)", "Bundled \(files) files into \(path)")
        + Self.renamedNote(renamed, language) + " (`kycuong verify \(path)`)"
    case .insideStore(let path, let store):
      return t(
        "Không ghi vào \(path): đó là thư mục lưu cuộc kiểm tra (\(store)); chọn nơi khác.",
        "Not writing \(path): it is inside the audit store (\(store)); choose another place.")
    case .outputExists(let path):
      return t(
        "Đã có tệp \(path); không ghi đè. Chọn tên khác, hoặc thêm --force.",
        "\(path) exists; not overwritten. Choose another name, or add --force.")

    case .recordingAs(let name):
      return t("Người ghi: \(name) (`whoami TÊN` để đổi).", "Recording as \(name) (`whoami NAME` to switch).")
    case .nobodyRecording:
      return t("Chưa chọn người ghi: `whoami TÊN`.", "Nobody is recording yet: `whoami NAME`.")
    case .recorderSwitched(let name):
      return t("Từ giờ ghi với tên \(name).", "From now on, changes are recorded as \(name).")
    case .compactSet(let on):
      return on
        ? t(
          "Chế độ gọn: mỗi mục một dòng; `?` xem đầy đủ.",
          "Compact mode: one line per item; `?` shows it in full.")
        : t("Chế độ đầy đủ.", "Full view.")
    case .helpShort:
      return Self.helpShort(language)
    case .syncNotConfigured:
      return t(
        "Chưa có máy chủ: mở phiên với `kycuong audit --server URL --key TỆP-KHÓA` (hoặc KYCUONG_SERVER, KYCUONG_KEY).",
        "No server is configured: start the session with `kycuong audit --server URL --key KEYFILE` (or KYCUONG_SERVER, KYCUONG_KEY)."
      )
    case .syncStatus(let destination, let unsent, let sending, let failure):
      let state =
        unsent == 0
        ? t(
          "Máy chủ \(destination) đã có toàn bộ nhật ký của máy này.",
          "\(destination) has all of this device's log.")
        : t(
          "Còn \(unsent) sự kiện chưa gửi lên \(destination)" + (sending ? "; đang gửi." : "."),
          "\(unsent) event(s) not yet on \(destination)" + (sending ? "; sending." : "."))
      let why =
        failure.map {
          t(
            " Lần gửi trước không được: \($0); sẽ thử lại.",
            " The last attempt failed: \($0); it will be tried again.")
        } ?? ""
      return state + why
    case .syncFetching(let destination):
      return t(
        "Đang lấy nhật ký của các thành viên từ \(destination); gõ `sync` lần nữa để hợp nhất.",
        "Fetching the members' logs from \(destination); type `sync` again to merge them.")
    case .syncFetchFailed(let reason):
      return t(
        "Chưa lấy được nhật ký của các thành viên: \(reason). Gõ `sync` để thử lại.",
        "The members' logs could not be fetched: \(reason). Type `sync` to try again.")
    case .syncMerged(let devices, let added, let conflicts, _):
      if devices.isEmpty {
        return t(
          "Máy chủ chưa có nhật ký của thành viên nào.", "The server has no member's log yet.")
      }
      let merged = t(
        "Đã hợp nhất nhật ký của \(devices.joined(separator: ", ")): \(added) sự kiện mới.",
        "Merged the logs of \(devices.joined(separator: ", ")): \(added) new event(s).")
      guard !conflicts.isEmpty else { return merged }
      let items = conflicts.map(\.rawValue).joined(separator: ", ")
      return merged
        + t(
          " \(conflicts.count) mục có câu trả lời khác nhau (\(items)): xem bằng `merge`, "
            + "quyết định bằng `resolve MỤC TRẢ-LỜI --reason LÝ-DO`; chưa thể kết thúc.",
          " \(conflicts.count) item(s) in conflict (\(items)): see them with `merge`, "
            + "decide with `resolve ITEM ANSWER --reason TEXT`; finish waits for it.")
    case .syncMergeRefused(let error):
      return t(
        "Không hợp nhất được nhật ký của các thành viên: ", "The members' logs were not merged: ")
        + Self.storeError(error, language)
    case .teamState(let audit, let devices):
      return TeamListing.text(
        of: audit, devices: devices, language: language,
        resolveHint: t("`resolve MỤC TRẢ-LỜI --reason LÝ-DO`", "`resolve ITEM ANSWER --reason TEXT`"))
    case .teamLeaderOnly(let command):
      return t(
        "`\(command.rawValue)` là việc của trưởng đoàn, trên nhật ký của trưởng đoàn; đây là nhật ký của một "
          + "thành viên. Hãy chuyển tệp nhật ký này cho trưởng đoàn, hoặc `sync` khi có máy chủ.",
        "`\(command.rawValue)` is the leader's, on the leader's log; this is a member's log. Hand this log's "
          + "file to the leader, or `sync` with a server.")
    case .noMembersLogs:
      return t(
        "Chưa hợp nhất nhật ký nào của thành viên: `merge TỆP.jsonl…` (tệp nhật ký của mỗi thành viên), "
          + "hoặc `sync` khi có máy chủ.",
        "No member's log is merged yet: `merge FILE.jsonl…` (each member's log file), or `sync` with a "
          + "server.")
    case .mergeFileUnreadable(let error):
      return t(
        "Không đọc được nhật ký để hợp nhất; không hợp nhất gì: ",
        "Cannot read a log to merge; nothing merged: ")
        + Self.fileReadError(error, language)
    case .labelConflict: return t("Xung đột", "Conflict")
    case .conflictHint:
      return t(
        "các thiết bị trả lời khác nhau; `resolve` để quyết định",
        "the devices answered differently; `resolve` settles it")
    case .labelTeamAnswer: return t("Đoàn (đã hợp nhất)", "Team (merged)")
    case .teamScore(let devices, let conflicts):
      let open =
        conflicts == 0
        ? ""
        : t(
          "; \(conflicts) mục xung đột tính là chưa trả lời",
          "; \(conflicts) item(s) in conflict count as open")
      return t(
        "Điểm của cả đoàn, hợp nhất từ \(devices) thiết bị",
        "The whole team's scores, merged from \(devices) devices")
        + open + ":"
    case .finishWaitsForResolution(let items):
      let list = items.map(\.rawValue).joined(separator: ", ")
      return t(
        "Các thiết bị trả lời khác nhau ở \(list): `merge` để xem, `resolve MỤC TRẢ-LỜI --reason LÝ-DO` để quyết định.",
        "The devices answered \(list) differently: `merge` shows them, `resolve ITEM ANSWER --reason TEXT` settles each."
      )
    case .nothingToResolve(let item):
      return t(
        "\(item) chưa có câu trả lời nào để quyết định: hãy trả lời mục này.",
        "\(item) has no answer to settle: answer it instead.")
    case .resolvedConflict(let item, let state, let settles, let left):
      let settled = settles.map(\.description).joined(separator: ", ")
      let remaining =
        left == 0
        ? t(" Không còn xung đột.", " No conflict remains.")
        : t(" Còn \(left) xung đột (`merge` để xem).", " \(left) conflict(s) remain (`merge` shows them).")
      return t("✓ Đã quyết định \(item): ", "✓ Resolved \(item): ")
        + TeamListing.describe(state, in: language)
        + t(" (thay cho \(settled)).", " (settling \(settled)).") + remaining
    default:
      return ""
    }
  }

  /// Why a file was not read, in `language`; the core library's descriptions are in English only.
  static func fileReadError(_ error: FileReadError, _ language: Language) -> String {
    guard language == .vi else { return error.description }
    return switch error {
    case .notFound(let path): "\(path): không có tệp này; kiểm tra đường dẫn"
    case .isFolder(let path): "\(path) là thư mục, không phải tệp"
    case .notRegularFile(let path): "\(path) không phải tệp thường (thiết bị, ống dẫn hay socket)"
    case .tooLarge(let path, let size, let limit): "\(path): \(size) byte, quá giới hạn \(limit) byte"
    case .unreadable(let path, let reason): "\(path): không đọc được (\(reason))"
    }
  }

  /// `15/12/2026`: a day as Vietnamese write it.
  static func vietnameseDate(_ date: CalendarDate) -> String {
    let day = date.day < 10 ? "0\(date.day)" : "\(date.day)"
    let month = date.month < 10 ? "0\(date.month)" : "\(date.month)"
    return "\(day)/\(month)/\(date.year)"
  }
}
