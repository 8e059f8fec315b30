import KyCuongAudit
import KyCuongCatalog
import KyCuongExport
import KyCuongModel
import KyCuongScoring
import KyCuongSupport

/// The frame every HTML report shares: one self-contained UTF-8 page, inline CSS, no script, no network; a
/// font stack with full Vietnamese coverage; an A4 print stylesheet that keeps table rows whole.
package enum HTMLPage {
  static let fonts = #""DejaVu Sans", "Noto Sans", "Liberation Sans", "Segoe UI", Arial, sans-serif"#

  static let baseStyle = """
    @page { size: A4; margin: 16mm 14mm 18mm 14mm; }
    * { box-sizing: border-box; }
    body { font-family: \(fonts); font-size: 10.5pt; line-height: 1.4; color: #111; margin: 0 auto;
      max-width: 190mm; padding: 8mm 0; }
    h1 { font-size: 16pt; text-align: center; margin: 10pt 0 2pt; letter-spacing: 0.5pt; }
    h2 { font-size: 12pt; margin: 14pt 0 6pt; border-bottom: 1px solid #999; padding-bottom: 2pt; }
    h3 { font-size: 11pt; margin: 10pt 0 4pt; }
    h2, h3 { break-after: avoid; page-break-after: avoid; }
    table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; }
    th, td { border: 1px solid #888; padding: 3pt 5pt; vertical-align: top; text-align: left; }
    th { background: #eee; }
    thead { display: table-header-group; }
    tr { break-inside: avoid; page-break-inside: avoid; }
    td.num, th.num { text-align: right; white-space: nowrap; }
    table.kv th { width: 30%; background: #f6f6f6; font-weight: normal; }
    .muted { color: #555; font-size: 9pt; }
    .hash { font-family: "DejaVu Sans Mono", "Noto Sans Mono", "Liberation Mono", monospace; font-size: 8pt;
      word-break: break-all; }
    .bad { color: #a00; font-weight: bold; }
    .good { color: #060; }
    ul.evidence { margin: 2pt 0 0; padding-left: 14pt; }
    svg text { font-family: \(fonts); }
    @media print {
      body { padding: 0; max-width: none; }
      .page-break { break-before: page; page-break-before: always; }
      a { color: inherit; text-decoration: none; }
    }
    """

  /// A whole page around `body`.
  package static func page(title: String, language: Language, style: String = "", body: String) -> String {
    """
    <!DOCTYPE html>
    <html lang="\(language.rawValue)">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
    <title>\(ReportFormatting.escapeHTML(title))</title>
    <style>
    \(baseStyle)
    \(style)
    </style>
    </head>
    <body>
    \(body)
    </body>
    </html>

    """
  }
}
