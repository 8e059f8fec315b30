import KyCuong
import KyCuongIntegrity
import KyCuongStore

/// Every text the session shows, keyed by case, each in Vietnamese and English (``text(in:)``), so no reply
/// is assembled from string literals scattered through the commands and a missing translation is a
/// compile error, not a runtime surprise.
enum Message: Error {
  // Input and commands
  case inputRefused(InputProblem)
  case unknownCommand(word: String, suggestion: String?)
  case unknownCommandOnText(word: String, suggestion: String)
  case usage(Command)
  case unknownOption(String, command: Command)
  case nothingToCancel
  case helpOverview
  case helpCommand(Command)
  case languageSet

  // Welcome and goodbye
  case welcome
  case welcomeNoUnfinished
  case welcomeUnfinished(count: Int)
  case welcomeResumeHint(id: String)
  case goodbyeNoAudit
  case goodbye(id: String)

  // Start
  case noChecklists
  case noSuchChecklist(id: String, available: [String])
  case badVisitType(String)
  case badDate(CalendarDate.ParseError)
  case startAsking
  case startCancelled
  case answerRequired
  case askChecklist
  case askLeader(default: String)
  case askRecorder(default: String)
  case ask(StartQuestion)
  case prompt(StartQuestion)
  case badLevel(String)
  case badYesNo(String)
  case historicalChecklist(String)
  case notCheckedOnVisit([ItemID], visit: VisitType)
  case noContext
  case started(id: String, checklist: Checklist, unit: String, visit: VisitType)

  // The audit
  case noAudit
  case readOnly(id: String)
  case readOnlyMark
  case auditRefused(AuditError)
  /// A change to a team audit refused by the merged audit of its devices.
  case teamRefused(TeamMergeError)
  case notSaved(AuditStoreError)
  case openFailed(AuditStoreError)
  case answerNotAccepted(item: ItemID, kind: ItemKind, given: String, suggestion: String?)
  case answered(item: ItemID, outcome: Outcome)
  case answerChanged(item: ItemID, from: ItemState, to: Outcome, remark: String?)
  case skipped(item: ItemID)
  case recorded(command: Command, item: ItemID?)
  case attached(Attachment, item: ItemID?)
  case allAnswered
  case auditFinished(id: String)
  case atFirstItem
  case atLastItem
  case noSuchItem(id: String, suggestion: String?)
  case itemDoesNotApply(item: ItemID, condition: ApplicabilityCondition)
  case noSuchList(name: String, suggestion: String?)
  case listEmpty
  case findNothing(query: String)
  case findResults(count: Int, query: String)
  case finishRefused(count: Int)
  case finished(id: String)
  case exported(path: String, renamed: Bool)
  case recordWritten(path: String, renamed: Bool)
  case bundleWritten(path: String, files: Int, renamed: Bool)
  case insideStore(path: String, store: String)
  case outputExists(path: String)
  case exportFailed(path: String, reason: String)
  case signed(signer: String, fingerprint: String, path: String)
  case signFailed(reason: String)
  case noAudits(directory: String)
  case ambiguousAudit(prefix: String, matches: [String])
  case resumed(summary: AuditListing, readOnly: Bool)
  case logDamage([LogDamage], chainBreaks: [LogVerification.Problem])
  case logRepaired(AuditStore.TailRepair, id: String)

  // Confirmations
  case confirmPrompt
  case confirmHint
  case confirmationCancelled
  case looksLikeCommand(word: String, suggestion: String, item: ItemID)
  case pastDueDate(CalendarDate, today: CalendarDate)

  // Answers, evidence and corrections
  case noOpenItem
  case noSuchPosition(Int, count: Int)
  case countNeedsObserved(item: ItemID, given: String)
  case answerUnchanged(item: ItemID, outcome: Outcome)
  case explanationRecorded(item: ItemID?, speaker: String?)
  case noRepresentativeHint
  case staffCounted(Int)
  case staffDefault(Int)
  case alreadyAttached(item: ItemID?, event: Int?)
  case sameFileAs(item: ItemID?, event: Int?)
  case retractNeedsReason(event: Int)
  case cannotUndo(type: String)
  case nothingToUndo
  case retracted(String, undo: Bool)
  case nothingToRetract(item: ItemID?)
  case retractableHeading(item: ItemID?)
  case retractHint

  // Finishing, reopening, signing
  case alreadyFinishedHint(id: String)
  case notValidOnVisitDay
  case appliesOnlyWhen(String)
  case finishSummary(answered: Int, applicable: Int)
  case finishSkipped(Int)
  case finishNotApplicable(Int)
  case finishDoesNotApply(Int)
  case finishQuestion(id: String)
  case reopened(id: String)
  case recordDetailsRecorded(pages: Int, copies: Int)
  case refusalRecorded(name: String)
  case recordSigned(signer: String, id: String)

  // Who records, how it shows
  case recordingAs(String)
  case nobodyRecording
  case recorderSwitched(String)
  case compactSet(Bool)
  case helpShort

  // Sending the log to the department server
  case syncNotConfigured
  case syncStatus(destination: String, unsent: Int, sending: Bool, failure: String?)
  case syncFetching(destination: String)
  case syncFetchFailed(reason: String)
  case syncMerged(devices: [String], added: Int, conflicts: [ItemID], audit: String)
  case syncMergeRefused(AuditStoreError)

  // Merging a team audit's device logs, and resolving its conflicts
  case teamState(audit: Audit, devices: [AuditStore.MergedDevice])
  case teamLeaderOnly(Command)
  case noMembersLogs
  case mergeFileUnreadable(FileReadError)
  case nothingToResolve(item: ItemID)
  case finishWaitsForResolution([ItemID])
  case labelConflict
  case conflictHint
  case labelTeamAnswer
  case teamScore(devices: Int, conflicts: Int)
  case resolvedConflict(item: ItemID, state: ItemState, settles: [EventReference], conflictsLeft: Int)

  // Rendering an item
  case criticalMark
  case labelGuidance
  case labelSource
  case labelWeight
  case labelAccepts
  case labelCurrent
  case labelRemark
  case labelHistory
  case labelNote
  case labelExplanation
  case labelAttachment
  case accepts(ItemKind)
  case outcome(Outcome)
  case skippedStatus(String)
  case notApplicableStatus
  case unansweredStatus
  case finishedMark

}
