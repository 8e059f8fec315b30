import KyCuongAudit
import KyCuongCatalog
import KyCuongExport
import KyCuongModel
import KyCuongScoring
import KyCuongSupport

/// Why a report could not be made. Each case says, in Vietnamese and in English, what to fix.
public enum ReportError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The audit named on the command line is neither a readable file nor an id in the store.
  case auditNotFound(name: String, store: String)
  /// The file is not an audit's event log or export, or it is damaged.
  case unreadable(file: String, reason: String)
  /// A comparison of audits of two different units was refused.
  case differentUnits(old: String, new: String)
  /// A comparison of audits of two different checklists was refused.
  case differentChecklists(old: String, new: String)
  /// A date option that is not `YYYY-MM-DD`.
  case badDate(option: String, value: String)
  /// A focus-area filter that names no focus area.
  case badFocusArea(String)

  /// The message in `language`.
  public func message(_ language: Language) -> String {
    switch (self, language) {
    case (.auditNotFound(let name, let store), .vi):
      "không tìm thấy cuộc kiểm tra \"\(name)\": không phải là tệp, cũng không có \(name).jsonl hay \(name).json "
        + "trong kho \(store); hãy đưa đường dẫn tệp nhật ký (.jsonl) hoặc tệp xuất (.json), hoặc dùng --store"
    case (.auditNotFound(let name, let store), .en):
      "no audit \"\(name)\": not a file, and no \(name).jsonl or \(name).json in the store \(store); give the path "
        + "of an event log (.jsonl) or export (.json), or point --store at the right folder"
    case (.unreadable(let file, let reason), .vi):
      "không đọc được \(file): \(reason); hãy đưa tệp nhật ký hoặc tệp xuất của một cuộc kiểm tra"
    case (.unreadable(let file, let reason), .en):
      "cannot read \(file): \(reason); give an audit's event log or export"
    case (.differentUnits(let old, let new), .vi):
      "hai cuộc kiểm tra thuộc hai đơn vị khác nhau (\"\(old)\" và \"\(new)\"); dùng --allow-mismatch nếu vẫn muốn so sánh"
    case (.differentUnits(let old, let new), .en):
      "the audits are of different units (\"\(old)\" and \"\(new)\"); add --allow-mismatch to compare them anyway"
    case (.differentChecklists(let old, let new), .vi):
      "hai cuộc kiểm tra dùng hai bộ tiêu chí khác nhau (\(old) và \(new)); dùng --allow-mismatch nếu vẫn muốn so sánh"
    case (.differentChecklists(let old, let new), .en):
      "the audits use different checklists (\(old) and \(new)); add --allow-mismatch to compare them anyway"
    case (.badDate(let option, let value), .vi):
      "\(option): \"\(value)\" không phải là ngày dạng YYYY-MM-DD (ví dụ 2026-11-21)"
    case (.badDate(let option, let value), .en):
      "\(option): \"\(value)\" is not a date YYYY-MM-DD (for example 2026-11-21)"
    case (.badFocusArea(let value), .vi):
      "\"\(value)\" không phải là nội dung trọng tâm; dùng focus-2017-1, focus-2017-2 hoặc focus-2017-3"
    case (.badFocusArea(let value), .en):
      "\"\(value)\" is not a focus area; use focus-2017-1, focus-2017-2 or focus-2017-3"
    }
  }

  /// The message in Vietnamese, then in English.
  public var description: String { message(.vi) + " / " + message(.en) }
}
