#!/usr/bin/env python3
"""Writes Docs.docc/Articles/StandardChecklists.md from the checklists in Checklists/.

The counts and tables come from the JSON, so the article never disagrees with the files: each checklist's items
with kind, weight, critical flag, applicability, visits and period come from Checklists/*.json, the reason for
each weight from Scripts/item-rationale.json, and the table of seed rules from Scripts/seed-coverage.json.

Usage: Scripts/gen-checklist-doc.py [--check]
  --check  exit 1 if the article on disk differs from what would be generated
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHECKLISTS = ROOT / "Checklists"
ARTICLE = ROOT / "Docs.docc" / "Articles" / "StandardChecklists.md"
RATIONALE = ROOT / "Scripts" / "item-rationale.json"
COVERAGE = ROOT / "Scripts" / "seed-coverage.json"
KIND_NAMES = {"check": "check", "observation": "observation", "scale": "scale", "text": "text", "yesNo": "yes/no"}

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


def condition_text(condition):
    """An applicableWhen in words: 'POST-00 is yes; one-stop desk; Hà Nội'."""
    if not condition:
        return "always"
    parts = []
    if "item" in condition:
        parts.append(f"`{condition['item']}` is " + " or ".join(condition["outcomes"]))
    context = condition.get("context", {})
    if "province" in context:
        parts.append("province " + " or ".join(context["province"]))
    if "level" in context:
        parts.append(" or ".join(context["level"]) + " level")
    if "oneStopDesk" in context:
        parts.append("at a one-stop desk" if context["oneStopDesk"] else "not at a one-stop desk")
    return "; ".join(parts)


def rests_on_unverified(item):
    """True when the rule the item checks (its primary source note) is marked [unverified]."""
    return "[unverified]" in json.dumps(item["source"].get("note", {}), ensure_ascii=False)


def render(doc, file_name, reasons):
    items = [(s, i) for s in doc["sections"] for i in s["items"]]
    scored = [i for _, i in items if i["kind"] not in ("text", "yesNo") and i.get("weight", 1) > 0]
    lines = [f"### {doc['title']['en']}", ""]
    lines += [f"File `Checklists/{file_name}`, id `{doc['id']}`, version {doc['version']}. "
              f"Vietnamese title: {doc['title']['vi']}.", ""]
    if doc.get("historical"):
        lines += ["**Historical review** of a past campaign: starting an audit with it warns so.", ""]
    if "scopeNote" in doc:
        lines += [f"**Scope:** {doc['scopeNote']['en']}", ""]
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
        gates = sorted({i["applicableWhen"]["item"] for i in conditional if "item" in i["applicableWhen"]})
        by_context = [i for i in conditional if "context" in i["applicableWhen"]]
        verb = "item applies" if len(conditional) == 1 else "items apply"
        text = f"**Conditional items:** {len(conditional)} {verb} only under a condition"
        details = []
        if gates:
            details.append("on the answer to " + ", ".join(f"`{g}`" for g in gates))
        if by_context:
            details.append(f"{len(by_context)} on the audit's context")
        lines += [text + (" (" + "; ".join(details) + ")" if details else "") + ".", ""]
    unverified = [i["id"] for _, i in items if rests_on_unverified(i)]
    if unverified:
        lines += ["**Resting on unverified rules:** " + ", ".join(f"`{u}`" for u in unverified) + ".", ""]
    lines += ["**Items:**", "",
              "| Item | Kind | Weight | Critical | Applies when | Visits | Valid until | Why this weight |",
              "|---|---|---:|---|---|---|---|---|"]
    for section, item in items:
        weight = 0 if item["kind"] in ("text", "yesNo") else item.get("weight", 1)
        lines.append(
            f"| `{item['id']}` | {KIND_NAMES[item['kind']]} | {fmt_weight(weight)} "
            f"| {'yes' if item.get('critical') else ''} | {cell(condition_text(item.get('applicableWhen')))} "
            f"| {cell(', '.join(item.get('visits', [])) or 'all')} | {item.get('validUntil', '')} "
            f"| {cell(reasons.get(item['id'], ''))} |")
    lines.append("")
    lines += ["**Sources:**", "", "| Id | Number | Title | Issuer | Date | Type |", "|---|---|---|---|---|---|"]
    for citation in doc["sources"]:
        lines.append(
            f"| `{citation['id']}` | {cell(citation.get('number', '—'))} | {cell(both(citation['title']))} "
            f"| {cell(both(citation.get('issuer')) or '—')} | {cell(citation.get('date', '—'))} | {citation['type']} |"
        )
    lines.append("")
    return lines


RULES = [
    "## Rules the checklists follow",
    "",
    "These rules are written once here and applied to every standard checklist; `Scripts/check-checklists.py` "
    "checks those a program can check.",
    "",
    "**Focus-area tags.** Every scored item carries the tag of the one focus area its finding would be reported "
    "under, decided by what the inspector judges:",
    "",
    "- `focus-2017-1` (responsibility, ethics, civilised conduct): how officials behave toward citizens — "
    "courtesy, listening, explaining, no arrogance, petty extortion or indifference (hách dịch, nhũng nhiễu, gây "
    "phiền hà, vô cảm) — and toward their own responsibility: passing matters up or sideways, dodging behind "
    "consultation, late or positionless opinions (đùn đẩy, né tránh, sợ trách nhiệm), and how the unit deals with "
    "its staff for that behaviour (replacing, reviewing, commending, protecting those who dare to act).",
    "- `focus-2017-2` (order and discipline, compliance, working style): whether a prescribed rule of form, time, "
    "place, procedure, document or record is kept — the card, dress and uniform, working hours, prohibitions, "
    "office arrangement, posting, the one-stop file trail, registers, internal rules, assignment, task tracking, "
    "briefings, internal checks and the handling of breaches of those rules.",
    "- `focus-2017-3` (exemplary conduct): Quy định 55-QĐ/TW, and a head's personal example, which takes "
    "`focus-2017-3` in addition to the area of what the example is about.",
    "",
    "So `AUTH-01` (not passing a matter within the unit's authority up to the People's Committee: avoiding "
    "responsibility) is `focus-2017-1`, while `AUTH-03` (not deciding another body's matter: keeping to the "
    "division of functions) is `focus-2017-2`; `DRESS-01` (neat and decent dress) and `DRESS-03` (a prescribed "
    "uniform) are both rules of appearance, `focus-2017-2`. Unscored items (text, yes/no, weight 0) carry no focus "
    "tag. In `discipline-year-2017` the three sections are the three focus areas, so every item carries its "
    "section's tag (and `focus-2017-3` when it is about a head's example).",
    "",
    "**Critical items (điểm liệt).** An item is critical only when a failure by itself defeats the purpose of "
    "the service whatever else passes — a prohibited act (petty extortion, alcohol at work, feasts or gifts for "
    "personal gain) or the total absence of the one obligation the checklist exists for (no procedure posted at "
    "all) — and when a failure can rest on evidence the team holds at the visit: what it witnessed, a document "
    "that proves the act by itself (a voucher, a receipt, a competent body's verification conclusion), or a "
    "statement signed by the person who saw or suffered it. A finding from records that still needs verifying and "
    "concluding is never critical: that is why `authority-and-responsibility` and `discipline-review-2013` have "
    "none, while `Y2017-3-02` and `Y2017-3-04` are critical although found from records. A critical item is "
    "answered pass or fail only.",
    "",
    "**Evidence and complaints.** An item is answered fail or partial only on what the team witnessed or on "
    "concrete evidence. A complaint the team cannot verify on the spot does not change the answer: it is recorded "
    "verbatim in the note of the item it concerns, with the complainant if they agree, and the team recommends "
    "that the unit verify it and reply. A critical failure resting on one person's word needs that person's signed "
    "statement. The one item that measures what citizens say about their own satisfaction (`COMMIT-04`) records "
    "their answers as given and concludes no breach. The text items of the context (`CONTEXT-01`, `CONTEXT-02`) hold the context and the unit's "
    "explanation only, never evidence of a breach.",
    "",
    "**Visits.** An item whose evidence is a set of past documents the unit has to gather — a sample over months "
    "from the document logs, vouchers, personnel, evaluation or disciplinary files, review reports — is marked "
    "`visits: [scheduled]`: a unit cannot produce them within the hour of a surprise visit, and concluding on "
    "their absence then would be unfair. Items answered by looking, by asking, or from a register or software "
    "open at the desk are checked on every visit. An item that only means something unannounced (`HOURS-02`, "
    "counters staffed at opening time) is marked `visits: [surprise]`.",
    "",
    "**Unverified rules.** An item whose rule is not confirmed against the official text says [unverified] in "
    "its source note and weighs 0.5 at most; one whose guidance forbids concluding a breach from it is not scored "
    "(weight 0). Where DOMAIN.md states the duty itself as law and leaves only the article, the form or the "
    "details unconfirmed (the one-stop items `ONESTOP-07` to `ONESTOP-14`), the note says [unverified] as well, "
    "but the weight follows the item's importance and the anchors do not depend on the unconfirmed details.",
    "",
    "**Past campaigns.** Items of Hanoi's 2013 and 2017 campaigns apply only in Hà Nội, say in `scopeNote` which "
    "campaign they come from, and ask the inspector to state the period examined; a task of the campaign year "
    "itself carries `validUntil` the last day of that year, and an item that assumes the district level carries "
    "`validUntil` 2025-06-30.",
    "",
]


def coverage_table(docs):
    """The seed rules of DOMAIN.md and the items that check them."""
    coverage = json.loads(COVERAGE.read_text(encoding="utf-8"))
    lines = [
        "## Seed rules and the items that check them",
        "",
        "Every rule of the seed articles that an inspector can check (DOMAIN.md, “Seed rules an inspector can "
        "check”) maps to at least one item; `Scripts/check-checklists.py` asserts it from "
        "`Scripts/seed-coverage.json`. Where a rule has several parts, each part is mapped.",
        "",
        "| Seed | Rule | Items |",
        "|---|---|---|",
    ]
    for row in coverage["rules"]:
        refs = " ".join(f"`{ref.split(':', 1)[1]}`" for ref in row["items"])
        parts = "; ".join(
            f"{part['part']}: " + " ".join(f"`{ref.split(':', 1)[1]}`" for ref in part["items"])
            for part in row.get("parts", []))
        text = refs + (f" — {parts}" if parts else "") + (f" — {row['note']}" if row.get("note") else "")
        lines.append(f"| {row['seed']} | {cell(row['rule'])} | {cell(text)} |")
    lines += ["", "Item ids are unique across the five checklists, so the table names items without their "
              "checklist.", ""]
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
        "All five use the weighted model, partial credit 0.5 and four rating bands named after the four grades "
        "of officials (Nghị định 90/2020/NĐ-CP) on the thresholds of Nghị định 335/2025/NĐ-CP, by analogy: "
        "Excellent (Hoàn thành xuất sắc) 90–100, Good (Hoàn thành tốt) 70–90, Fulfilled (Hoàn thành) 50–70, Not "
        "fulfilled (Không hoàn thành) 0–50. No band reuses a word of an item's answer (Đạt, Không đạt). A failed "
        "critical item forces Not fulfilled. Items are also tagged with the focus area of Hanoi's 2017 Year of "
        "Administrative Discipline they serve (`focus-2017-1`, `focus-2017-2`, `focus-2017-3`), so any audit can be "
        "reported per focus area.",
        "",
        "The checklists are written for an office in 2026: local government has two levels, province and commune, "
        "since 01/07/2025, and no checklist in use today assumes a district. An audit has a context — its "
        "province, the level of the unit (province or commune) and whether the place inspected is a one-stop desk "
        "(Bộ phận Một cửa) — and an item's `applicableWhen` can test it: Hanoi's own rules apply only when the "
        "province is Hà Nội, the one-stop items only at a one-stop desk. An item marked `visits` is checked only "
        "on scheduled or only on surprise visits. An item with `validUntil` stops applying to audits that start "
        "after that day, and its `scopeNote` says why. The 2013 and 2017 checklists are historical reviews of "
        "Hanoi's past campaigns.",
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
    lines += RULES
    rationale = json.loads(RATIONALE.read_text(encoding="utf-8"))
    lines += ["## The checklists", ""]
    for cid in ordered:
        doc, name = docs[cid]
        lines += render(doc, name, rationale.get(cid, {}))
    lines += coverage_table(docs)
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
