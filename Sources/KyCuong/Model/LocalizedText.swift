/// Text in Vietnamese and, optionally, English.
///
/// Vietnamese is the language of the rules and of the inspection record, so it is required; English serves
/// readers outside Vietnam and the `--lang en` interface.
///
/// ```swift
/// let title = LocalizedText(vi: "Đeo thẻ công chức", en: "Civil-servant ID card worn")
/// title[.en]  // "Civil-servant ID card worn"
/// ```
public struct LocalizedText: Hashable, Sendable, Codable {
  /// The Vietnamese text.
  public var vi: String
  /// The English text, if there is one.
  public var en: String?

  /// Creates a text from its Vietnamese and optional English version.
  public init(vi: String, en: String? = nil) {
    self.vi = vi
    self.en = en
  }

  /// The text in `language`, falling back to Vietnamese where the English is missing.
  public subscript(language: Language) -> String {
    switch language {
    case .vi: vi
    case .en: en ?? vi
    }
  }
}

/// A language that KyCuong's texts and messages are written in.
public enum Language: String, CaseIterable, Hashable, Sendable, Codable {
  /// Vietnamese, the default.
  case vi
  /// English.
  case en
}
