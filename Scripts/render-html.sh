#!/usr/bin/env bash
# Renders the HTML reports the way a person sees them — headless Chromium, to PDF (A4) and PNG — and checks
# with pdftotext that the Vietnamese text survives printing. Part of `make test`.
#   render-html.sh            render into $OUT (default .build/render) and check
#   render-html.sh --docs     also copy the screenshots into Docs.docc/Resources/
# Environment: SWIFT_SCRATCH (scratch path of the build, default .build), OUT.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=${SWIFT_SCRATCH:-.build}
out=${OUT:-$scratch/render}

# Install the renderer and the PDF text extractor only when missing (Debian packages).
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
fc-list 2>/dev/null | grep -qi "DejaVu Sans" || missing+=(fonts-dejavu-core)
if ((${#missing[@]})); then
  echo "render-html: installing ${missing[*]}…"
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
fi

swift build --product kycuong --scratch-path "$scratch" >/dev/null
kycuong="$(swift build --product kycuong --scratch-path "$scratch" --show-bin-path)/kycuong"

rm -rf "$out"
mkdir -p "$out/audits"
# 48 samples: unit n and unit n+40 are the same ward, so samples 0 and 40 make a re-inspection pair.
"$kycuong" report generate-samples "$out/audits" --count 48 --seed 7
# A damaged file and a non-audit beside them: the summary must skip and report them.
head -c 500 "$(ls "$out"/audits/*.json | head -1)" >"$out/audits/truncated.json"
echo '{"hello": "not an audit"}' >"$out/audits/other.json"

mapfile -t pair < <(ls "$out"/audits/*-hang-bac-*.json | sort)
((${#pair[@]} == 2)) || { echo "render-html: expected two audits of Hàng Bạc, found ${#pair[@]}" >&2; exit 1; }
"$kycuong" report record "${pair[1]}" --previous "${pair[0]}" --format html --lang vi -o "$out/record.html"
"$kycuong" report record "${pair[1]}" --format html --lang en -o "$out/record-en.html"
"$kycuong" report summary "$out/audits" --format html --lang vi --today 2026-12-31 -o "$out/summary.html" 2>"$out/summary.log"

browser=(chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-pdf-header-footer
  --run-all-compositor-stages-before-draw)
for page in record record-en summary; do
  "${browser[@]}" --print-to-pdf="$out/$page.pdf" "file://$PWD/$out/$page.html" 2>/dev/null
  "${browser[@]}" --window-size=1000,1400 --screenshot="$out/$page.png" "file://$PWD/$out/$page.html" 2>/dev/null
  pdftotext -layout -enc UTF-8 "$out/$page.pdf" "$out/$page.txt"
done

fail=0
expect() { # FILE TEXT…
  local file=$1
  shift
  for text in "$@"; do
    if ! grep -qF -- "$text" "$out/$file.txt"; then
      echo "render-html: \"$text\" missing from $file.pdf" >&2
      fail=1
    fi
  done
}
# Every part of the form, in order of appearance, in both languages (the samples carry a legal basis, roles
# with a secretary, the representative's position, an explanation and the record's pages and copies).
expect record "UBND THÀNH PHỐ HÀ NỘI" "ĐOÀN KIỂM TRA CÔNG VỤ" "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" \
  "Độc lập – Tự do – Hạnh phúc" "BIÊN BẢN KIỂM TRA CÔNG VỤ" "I. CĂN CỨ" "Căn cứ Quyết định số 01/QĐ-UBND (mẫu)" \
  "Căn cứ Kế hoạch kiểm tra số 02/KH-ĐKT (mẫu)" "Vào hồi" "UBND phường Hàng Bạc" "THÀNH PHẦN ĐOÀN KIỂM TRA" \
  "Trưởng đoàn" "Thư ký" "Phó Chủ tịch UBND" "Thẻ công chức" "trình bày:" "SO SÁNH VỚI LẦN KIỂM TRA TRƯỚC" \
  "BIỆN PHÁP KHẮC PHỤC" "gồm 04 trang, lập thành 02 bản" "mỗi bên giữ 01 bản" "THƯ KÝ ĐOÀN" \
  "TRƯỞNG ĐOÀN KIỂM TRA" "PHỤ LỤC: CĂN CỨ PHÁP LÝ CỦA CÁC TIÊU CHÍ" "129/2007/QĐ-TTg"
expect record-en "PUBLIC SERVICE INSPECTION TEAM" "SOCIALIST REPUBLIC OF VIET NAM" "INSPECTION RECORD" \
  "LEGAL BASIS" "Pursuant to Decision No. 01/QĐ-UBND (mẫu)" "Pursuant to Inspection Plan No." "At " \
  "UBND phường Hàng Bạc" "Team leader" "Secretary" "stated:" "it has 4 pages and was made in 2 copies" \
  "SECRETARY (MINUTE-TAKER)" "TEAM LEADER" "ANNEX: LEGAL SOURCES OF THE CRITERIA"
# Vietnamese scores take a decimal comma, English ones a point; a refusal shows only where someone refused.
grep -qE "[0-9]+,[0-9] " "$out/record.txt" || { echo "render-html: no decimal comma in record.pdf" >&2; fail=1; }
grep -qE "[0-9]+\.[0-9] " "$out/record-en.txt" || { echo "render-html: no decimal point in record-en.pdf" >&2; fail=1; }
if grep -qF -e "Từ chối ký" "$out/record.txt" || grep -qF -e "Refused to sign" "$out/record-en.txt"; then
  echo "render-html: a refusal to sign shown though nobody refused" >&2
  fail=1
fi
expect summary "TỔNG HỢP KẾT QUẢ KIỂM TRA CÔNG VỤ" "Điểm trung bình theo đơn vị" "UBND phường Hàng Bạc" \
  "Vi phạm điểm liệt" "Tệp bị bỏ qua (2)"
pages=$(pdfinfo "$out/record.pdf" | awk '/^Pages:/ {print $2}')
grep -q "Page size:.*(A4)" <(pdfinfo "$out/record.pdf") || { echo "render-html: record.pdf is not A4" >&2; fail=1; }
((fail == 0)) || exit 1

if [[ ${1:-} == --docs ]]; then
  cp "$out/record.png" Docs.docc/Resources/record.png
  cp "$out/summary.png" Docs.docc/Resources/summary.png
fi
echo "render-html: record ($pages A4 pages) and summary rendered by Chromium and checked; PNG and PDF in $out"
