#!/usr/bin/env bash
# Checklists authored in a spreadsheet, checked against a real spreadsheet program (issue 14 §4):
#   1. every standard checklist → `kycuong checklist export` → XLSX → `kycuong checklist import` → the JSON
#      file byte for byte;
#   2. LibreOffice opens each exported workbook: its items sheet converted to CSV holds every item id and the
#      Vietnamese text of the first item, so what we write is a workbook a spreadsheet reads;
#   3. LibreOffice saves each workbook again as XLSX (its own writer, its own zip, shared strings, styles), and
#      that workbook imports to the same JSON file byte for byte;
#   4. the items sheet as LibreOffice writes CSV imports over the exported workbook to the same file.
# Installs LibreOffice Calc (headless, no GUI) with apt-get when it is missing: about 35 s here, a few hundred
# MB. Usage: Scripts/check-spreadsheets.sh [path/to/kycuong]
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v soffice >/dev/null 2>&1; then
  echo "Installing LibreOffice Calc (headless), to check the workbooks kycuong writes…"
  started=$SECONDS
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >/dev/null
  echo "LibreOffice installed in $((SECONDS - started)) s"
fi

kycuong=${1:-}
if [ -z "$kycuong" ]; then
  swift build --product kycuong >/dev/null
  kycuong="$(swift build --show-bin-path)/kycuong"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# LibreOffice keeps a profile; a private one keeps the check from touching the user's and from waiting on a
# running instance.
office() { soffice -env:UserInstallation="file://$work/profile" --headless "$@" >/dev/null 2>&1; }

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

for original in Checklists/*.json; do
  name=$(basename "$original" .json)
  case "$name" in *.schema) continue ;; esac
  "$kycuong" checklist export "$original" -o "$work/$name.xlsx"
  "$kycuong" checklist import "$work/$name.xlsx" -o "$work/$name.json" 2>/dev/null
  cmp -s "$original" "$work/$name.json" || fail "$name: JSON → XLSX → JSON is not the same file"

  # 2. LibreOffice reads it: the first sheet (items) as CSV.
  mkdir -p "$work/csv-$name"
  office --convert-to csv:"Text - txt - csv (StarCalc)":44,34,76,1 --outdir "$work/csv-$name" "$work/$name.xlsx"
  csv="$work/csv-$name/$name.csv"
  if [ ! -s "$csv" ]; then
    fail "$name: LibreOffice did not read the workbook"
    continue
  fi
  missing=$(python3 - "$original" "$csv" <<'EOF'
import csv, json, sys
checklist = json.load(open(sys.argv[1], encoding="utf-8"))
items = [item for section in checklist["sections"] for item in section["items"]]
rows = list(csv.reader(open(sys.argv[2], encoding="utf-8", newline="")))
ids = {row[0] for row in rows[1:] if row}
lost = [item["id"] for item in items if item["id"] not in ids]
first = items[0]["text"]["vi"]
if not any(first in cell for row in rows for cell in row):
    lost.append("the Vietnamese text of " + items[0]["id"])
print(", ".join(lost))
EOF
  )
  [ -z "$missing" ] || fail "$name: LibreOffice's items sheet lacks $missing"

  # 3. A workbook LibreOffice wrote imports to the same file.
  mkdir -p "$work/lo-$name"
  office --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$work/lo-$name" "$work/$name.xlsx"
  if "$kycuong" checklist import "$work/lo-$name/$name.xlsx" -o "$work/lo-$name.json" 2>"$work/lo-$name.err"; then
    cmp -s "$original" "$work/lo-$name.json" || fail "$name: the workbook LibreOffice saved imports differently"
  else
    fail "$name: the workbook LibreOffice saved does not import: $(head -5 "$work/lo-$name.err")"
  fi

  # 4. Its items sheet as LibreOffice's CSV, over the exported workbook.
  cp "$csv" "$work/csv-$name/items.csv"
  if "$kycuong" checklist import "$work/$name.xlsx" "$work/csv-$name/items.csv" -o "$work/csv-$name.json" \
    2>"$work/csv-$name.err"; then
    cmp -s "$original" "$work/csv-$name.json" || fail "$name: the items CSV LibreOffice wrote imports differently"
  else
    fail "$name: the items CSV LibreOffice wrote does not import: $(head -5 "$work/csv-$name.err")"
  fi
  echo "spreadsheets: $name: exported, read by LibreOffice, re-saved by LibreOffice and imported"
done

if [ "$failures" -gt 0 ]; then
  echo "spreadsheets: $failures failure(s)"
  exit 1
fi
echo "spreadsheets: every standard checklist round-trips through kycuong and LibreOffice"
