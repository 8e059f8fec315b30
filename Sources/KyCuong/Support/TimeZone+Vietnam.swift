import Foundation

extension TimeZone {
  /// Vietnam's time (UTC+7, no daylight saving): the time zone of the records, of audit ids and of the days
  /// counted in summaries, because a record states the local time of the visit while the files keep UTC.
  public static let vietnam =
    TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? TimeZone(secondsFromGMT: 7 * 3600) ?? .current
}
