// The library as other tools import it: every floor of the core, re-exported, so `import KyCuong` is enough.
// The floors are separate modules so that the compiler keeps each one from reaching upward:
// Support → Model → Catalog → Audit → Scoring → Export → Reports.
@_exported import KyCuongAudit
@_exported import KyCuongCatalog
@_exported import KyCuongExport
@_exported import KyCuongModel
@_exported import KyCuongReports
@_exported import KyCuongScoring
@_exported import KyCuongSupport
