import KyCuong

/// A yes/no question the next line answers: what to do on yes.
struct Confirmation {
  /// Runs when the inspector says yes.
  var onYes: (Session) -> SessionReply
}

extension Session {
  /// Asks `question` (already in the reply's text) and waits for yes or no.
  func ask(_ question: String, onYes: @escaping (Session) -> SessionReply) -> SessionReply {
    pending = Confirmation(onYes: onYes)
    return SessionReply(text: question + "\n" + text(.confirmHint))
  }

  /// Reads `line` as the answer to the pending question: yes runs it, no drops it, anything else asks again.
  func answerConfirmation(_ line: String) -> SessionReply {
    guard let confirmation = pending else { return refuse(.nothingToCancel) }
    switch VietnameseFolding.fold(line) {
    case "c", "co", "y", "yes", "dong y", "ok":
      pending = nil
      return confirmation.onYes(self)
    case "k", "khong", "n", "no", "huy", "cancel":
      pending = nil
      return reply(.confirmationCancelled)
    default:
      return refuse(.confirmHint)
    }
  }
}
