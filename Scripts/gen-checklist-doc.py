#!/usr/bin/env python3
"""Writes Docs.docc/Articles/StandardChecklists.md from the checklists in Checklists/.

The counts and tables come from the JSON, so the article never disagrees with the files.

Usage: Scripts/gen-checklist-doc.py [--check]
  --check  exit 1 if the article on disk differs from what would be generated
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHECKLISTS = ROOT / "Checklists"
ARTICLE = ROOT / "Docs.docc" / "Articles" / "StandardChecklists.md"

# The order in which the article presents the checklists.
ORDER = [
    "public-office-conduct",
    "procedure-posting",
    "authority-and-responsibility",
    "discipline-year-2017",
    "discipline-review-2013",
]


def cell(text):
    """Text safe for a markdown table cell."""
    return str(text).replace("|", "\\|").replace("\n", " ")


def both(localized):
    """'vi / en' for a localized text, or just vi."""
    if not localized:
        return ""
    vi, en = localized.get("vi", ""), localized.get("en")
    return f"{vi} / {en}" if en else vi


def fmt_weight(value):
    return f"{value:g}"


def render(doc, file_name):
    items = [(s, i) for s in doc["sections"] for i in s["items"]]
    scored = [i for _, i in items if i["kind"] != "text" and i.get("weight", 1) > 0]
    lines = [f"### {doc['title']['en']}", ""]
    lines += [f"File `Checklists/{file_name}`, id `{doc['id']}`, version {doc['version']}. "
              f"Vietnamese title: {doc['title']['vi']}.", ""]
    lines += [doc["description"]["en"], ""]
    lines += [f"**Items:** {len(items)} in {len(doc['sections'])} sections "
              f"({len(scored)} scored; the others are recorded only).", ""]
    lines += ["| Section | Title | Items | Weight |", "|---|---|---:|---:|"]
    for section in doc["sections"]:
        lines.append(f"| `{section['id']}` | {cell(section['title']['en'])} | {len(section['items'])} "
                     f"| {fmt_weight(section.get('weight', 1))} |")
    lines.append("")
    kinds = {}
    for _, item in items:
        kinds[item["kind"]] = kinds.get(item["kind"], 0) + 1
    lines += ["**Kinds:** " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) + ".", ""]
    critical = [i for _, i in items if i.get("critical")]
    if critical:
        lines += ["**Critical items:**", ""]
        lines += [f"- `{i['id']}`: {i['text']['en']}" for i in critical]
    else:
        lines += ["**Critical items:** none."]
    lines.append("")
    conditional = [i for _, i in items if "applicableWhen" in i]
    if conditional:
        gates = sorted({i["applicableWhen"]["item"] for i in conditional})
        verb = "item applies" if len(conditional) == 1 else "items apply"
        lines += [f"**Conditional items:** {len(conditional)} {verb} only depending on the answer to "
                  + ", ".join(f"`{g}`" for g in gates) + ".", ""]
    unverified = [i["id"] for _, i in items
                  if "[unverified]" in json.dumps(i["source"], ensure_ascii=False)]
    if unverified:
        lines += ["**Resting on unverified rules:** " + ", ".join(f"`{u}`" for u in unverified) + ".", ""]
    lines += ["**Sources:**", "", "| Id | Number | Title | Issuer | Date | Type |", "|---|---|---|---|---|---|"]
    for citation in doc["sources"]:
        lines.append(
            f"| `{citation['id']}` | {cell(citation.get('number', '—'))} | {cell(both(citation['title']))} "
            f"| {cell(both(citation.get('issuer')) or '—')} | {cell(citation.get('date', '—'))} | {citation['type']} |"
        )
    lines.append("")
    return lines


def generate():
    docs = {}
    for path in sorted(CHECKLISTS.glob("*.json")):
        if path.name.endswith(".schema.json"):
            continue
        doc = json.loads(path.read_text(encoding="utf-8"))
        docs[doc["id"]] = (doc, path.name)
    ordered = [i for i in ORDER if i in docs] + sorted(i for i in docs if i not in ORDER)
    total = sum(len(s["items"]) for doc, _ in docs.values() for s in doc["sections"])
    lines = [
        "# The standard checklists",
        "",
        "The checklists KyCuong ships for inspections of administrative discipline, what each one covers and the "
        "documents it rests on.",
        "",
        "## Overview",
        "",
        f"KyCuong embeds {len(docs)} standard checklists with {total} items in all. Each is a JSON file in "
        "`Checklists/` in the format described in <doc:AuthoringChecklists>, checked by "
        "`Scripts/check-checklists.py` against `Checklists/checklist.schema.json`. Every item says what an "
        "inspector verifies on site, where to look and what counts as evidence, and cites the rule it checks.",
        "",
        "All five use the weighted model, partial credit 0.5 and the four default rating bands: Excellent "
        "(Xuất sắc) 90–100, Good (Tốt) 70–90, Fulfilled (Đạt) 50–70, Not fulfilled (Không đạt) 0–50. A failed "
        "critical item forces Not fulfilled. Items are also tagged with the focus area of Hanoi's 2017 Year of "
        "Administrative Discipline they serve (`focus-2017-1`, `focus-2017-2`, `focus-2017-3`), so any audit can be "
        "reported per focus area.",
        "",
        "Press articles are cited as sources of type `report`, legal and administrative documents as `legal`. "
        "A document number is given only where a source states it; a rule not confirmed against the official text "
        "says [unverified] in its note.",
        "",
        "| Checklist | Items | Sections | Critical |",
        "|---|---:|---:|---:|",
    ]
    for cid in ordered:
        doc, _ = docs[cid]
        n_items = sum(len(s["items"]) for s in doc["sections"])
        n_crit = sum(1 for s in doc["sections"] for i in s["items"] if i.get("critical"))
        lines.append(f"| `{cid}` | {n_items} | {len(doc['sections'])} | {n_crit} |")
    lines.append("")
    for cid in ordered:
        doc, name = docs[cid]
        lines += render(doc, name)
    lines += [
        "This article is generated from the JSON files by `Scripts/gen-checklist-doc.py`; edit the checklists and "
        "run the script again rather than editing it by hand.",
        "",
    ]
    return "\n".join(lines)


def main(argv):
    text = generate()
    if "--check" in argv:
        if not ARTICLE.exists() or ARTICLE.read_text(encoding="utf-8") != text:
            print(f"{ARTICLE.relative_to(ROOT)} is out of date: run Scripts/gen-checklist-doc.py")
            return 1
        return 0
    ARTICLE.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
