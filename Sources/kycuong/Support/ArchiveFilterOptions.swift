#if Archive
  import ArgumentParser
  import KyCuong
  import KyCuongArchive

  extension VisitType: ExpressibleByArgument {}

  extension ActionState: ExpressibleByArgument {}

  /// The filters of an audit listing (`archive list`, `archive export audits`).
  struct AuditFilterOptions: ParsableArguments {
    @OptionGroup var selection: AuditSelectionOptions

    @Option(help: "Only scheduled or only surprise visits.")
    var visitType: VisitType?

    @Option(help: "Only this rating band id (excellent, good, fulfilled, notFulfilled), or none.")
    var rating: String?

    @Option(help: "Only teams led by someone whose name contains this (accents and case ignored).")
    var leader: String?

    @Option(help: "At most this many audits (0: all).")
    var limit = 0

    var filter: AuditFilter {
      AuditFilter(
        unit: selection.unit, checklist: selection.checklist, from: selection.from, to: selection.to,
        visitType: visitType, rating: rating, leader: leader)
    }
  }

  /// The filters of an action listing (`archive actions`, `archive export actions`).
  struct ActionFilterOptions: ParsableArguments {
    @Flag(help: "Only actions not settled and not yet due.")
    var open = false

    @Flag(help: "Only actions not settled and past their deadline.")
    var overdue = false

    @Flag(help: "Only actions a later audit of the unit settled (its item passing).")
    var settled = false

    @Option(help: "Only units whose name contains this (accents and case ignored).")
    var unit: String?

    @Option(help: "Only actions of audits of this checklist id.")
    var checklist: String?

    @Option(help: "The day deadlines are measured against (default: today, Vietnam time).")
    var today: CalendarDate?

    @Option(help: "At most this many actions (0: all).")
    var limit = 0

    func validate() throws {
      if [open, overdue, settled].filter({ $0 }).count > 1 {
        throw ValidationError("choose one of --open, --overdue and --settled")
      }
    }

    var day: CalendarDate { today ?? CalendarDate(.now, in: .vietnam) }

    var filter: ActionFilter {
      let state: ActionState? = open ? .open : overdue ? .overdue : settled ? .settled : nil
      return ActionFilter(state: state, today: day, unit: unit, checklist: checklist)
    }
  }
#endif
