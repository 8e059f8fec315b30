#!/usr/bin/env python3
"""Checks the standard checklists in Checklists/.

Validates every Checklists/*.json (except *.schema.json) against Checklists/checklist.schema.json, then checks
what a JSON Schema cannot express:
- unique citation, tag, section and item ids in each file; the file is named after the checklist's id;
- source.ref and seeAlso[].ref name a citation of the file; every citation and every defined tag is used;
- every tag an item uses is defined in the file or is a built-in focus tag (focus-2017-1/2/3);
- applicableWhen.item names an earlier check or yesNo item, and its outcomes are outcomes of that item's kind
  (pass, partial, fail, notApplicable for a check item; yes, no for a yesNo item);
- applicableWhen.context names no province twice (names are compared ignoring case and diacritics);
- validUntil is a real calendar date;
- rating bands cover 0-100 without gaps or overlaps, and no band's label is a word of an item's answer
  (Đạt, Không đạt, Có, Không…), so that a rating never reads like an answer;
- every item has non-empty vi and en text and guidance; notes say [unverified] in both languages or neither;
- text and yesNo items have weight 0 and are not critical; press reports carry no official number.

For the standard checklists (the files in Checklists/) it also checks the house rules of StandardChecklists.md:
- focus-area tags: a scored item carries exactly one of focus-2017-1 and focus-2017-2, or focus-2017-3, or
  focus-2017-3 with one of the other two; an unscored item (text, yesNo, weight 0) carries none. In
  discipline-year-2017 each section is a focus area instead: every item carries its section's tag;
- a checklist that is not historical reads right for a 2026 office: no district level ("cấp huyện",
  "quận, huyện", "district People's Committee"); the terms are the ones agreed ("thẻ cán bộ, công chức, viên
  chức", "Bộ phận Một cửa"; "nhũng nhiễu" is petty extortion, not harassment);
- an item with validUntil explains its period in scopeNote; a historical checklist has a scopeNote;
- every item has a reason for its weight (and critical flag) in Scripts/item-rationale.json, and that file names
  no item that does not exist;
- every seed rule in Scripts/seed-coverage.json (DOMAIN.md's table "Seed rules an inspector can check") maps to at
  least one item, every item it names exists, and no item id is used by two standard checklists (checked when the
  whole standard set is checked).

Prints every problem as `FILE: JSON.PATH: message` and exits 1 if there is any.

Usage: Scripts/check-checklists.py [FILE.json ...]
"""

import datetime
import json
import re
import sys
import unicodedata
from pathlib import Path

try:
    import jsonschema
except ImportError:  # pragma: no cover
    sys.exit("check-checklists: the python module jsonschema is missing (python3 -m pip install jsonschema)")

ROOT = Path(__file__).resolve().parent.parent
CHECKLISTS = ROOT / "Checklists"
SCHEMA = CHECKLISTS / "checklist.schema.json"
RATIONALE = ROOT / "Scripts" / "item-rationale.json"
COVERAGE = ROOT / "Scripts" / "seed-coverage.json"
FOCUS_TAGS = {"focus-2017-1", "focus-2017-2", "focus-2017-3"}
OUTCOMES = {
    "check": {"pass", "partial", "fail", "notApplicable"},
    "yesNo": {"yes", "no"},
}
UNSCORED_KINDS = {"text", "yesNo"}
# Words of an item's answer, as the REPL and the record show them: a rating band must not reuse one.
ANSWER_WORDS_VI = {"đạt", "không đạt", "đạt một phần", "một phần", "không áp dụng", "có", "không"}
ANSWER_WORDS_EN = {"pass", "fail", "partial", "not applicable", "yes", "no"}
# The checklist whose sections are the three focus areas of 2017, in order.
FOCUS_BY_SECTION = "discipline-year-2017"
# Wording a checklist used in 2026 must not have (the district level was abolished on 01/07/2025), and terms
# replaced by the agreed ones. Each: (regex, message).
DISTRICT_WORDING = [
    (re.compile(r"cấp huyện|quận, huyện|UBND huyện|UBND quận", re.IGNORECASE),
     "assumes the district level, abolished on 01/07/2025; speak of the province or the commune"),
    (re.compile(r"district (People's Committee|level|division)", re.IGNORECASE),
     "assumes the district level, abolished on 01/07/2025; speak of the province or the commune"),
]
TERMS = [
    (re.compile(r"thẻ công chức"), "say “thẻ cán bộ, công chức, viên chức” for the card"),
    (re.compile(r"[Bb]ộ phận một cửa|bộ phận tiếp nhận và trả kết quả|phòng một cửa"),
     "say “Bộ phận Một cửa” for the one-stop desk"),
    (re.compile(r"harass", re.IGNORECASE), "“nhũng nhiễu” is petty extortion in English, not harassment"),
    (re.compile(r"civil-servant ID card", re.IGNORECASE), "say “staff ID card” for the card"),
]


def json_path(parts):
    """Renders a path such as ['sections', 2, 'items', 4, 'weight'] as sections[2].items[4].weight."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += ("." if text else "") + str(part)
    return text or "$"


def schema_message(error):
    """The schema error's message, rewritten where jsonschema's own would quote the whole object."""
    if error.validator == "not" and error.validator_value == {"required": ["max"]}:
        return f"max is allowed only when kind is scale (kind is {error.instance.get('kind')!r})"
    if error.validator == "const" and list(error.absolute_path)[-1:] == ["weight"]:
        return "a yesNo item is never scored: give it weight 0"
    if error.validator == "const" and list(error.absolute_path)[-1:] == ["critical"]:
        return "a yesNo item cannot be critical"
    if error.validator == "required" and error.validator_value == ["weight"]:
        return "a yesNo item must say weight 0 (the default weight is 1)"
    if error.validator == "anyOf" and list(error.absolute_path)[-1:] == ["applicableWhen"]:
        return "applicableWhen needs item and outcomes, or context, or both"
    if error.validator == "additionalProperties":
        return f"unknown field: {error.message}"
    return error.message


def article(word):
    return ("an " if word[:1] in "aeiou" else "a ") + word


def fold(name):
    """A province name without case or diacritics (Hà Nội, ha noi and HA NOI fold alike)."""
    decomposed = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).lower().split())


def is_scored(item):
    return item.get("kind") not in UNSCORED_KINDS and item.get("weight", 1) > 0


def strings(value, path=""):
    """Yields (path, text) for every string inside a JSON value."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, inner in value.items():
            yield from strings(inner, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from strings(inner, f"{path}[{index}]")


def check_semantics(doc):
    """Yields (path, message) for the rules the schema cannot express."""
    for field in ("title", "description"):
        if not str(doc.get(field, {}).get("en", "")).strip():
            yield f"{field}.en", f"the checklist's {field} in 'en' is missing or empty"
    if "scopeNote" in doc and not str(doc["scopeNote"].get("en", "")).strip():
        yield "scopeNote.en", "the checklist's scopeNote in 'en' is missing or empty"

    citations = {}
    for i, citation in enumerate(doc.get("sources", [])):
        cid = citation.get("id")
        if cid in citations:
            yield f"sources[{i}].id", f"duplicate citation id '{cid}'"
        citations[cid] = i
        note = citation.get("note")
        if note is not None and ("[unverified]" in note.get("vi", "")) != ("[unverified]" in note.get("en", "")):
            yield f"sources[{i}].note", "[unverified] must appear in both vi and en or in neither"

    defined_tags = set()
    for i, tag in enumerate(doc.get("tags", [])):
        tid = tag.get("id")
        if tid in defined_tags or tid in FOCUS_TAGS:
            yield f"tags[{i}].id", f"duplicate tag id '{tid}'"
        defined_tags.add(tid)
        label = tag.get("label", {})
        if not str(label.get("en", "")).strip():
            yield f"tags[{i}].label.en", "English label is missing or empty"

    used_citations = set()
    used_tags = set()
    seen_sections = set()
    items_so_far = {}  # id -> kind, for items earlier in the file
    for s, section in enumerate(doc.get("sections", [])):
        spath = f"sections[{s}]"
        sid = section.get("id")
        if sid in seen_sections:
            yield f"{spath}.id", f"duplicate section id '{sid}'"
        seen_sections.add(sid)
        for field in ("vi", "en"):
            if not str(section.get("title", {}).get(field, "")).strip():
                yield f"{spath}.title.{field}", "title is missing or empty"
        for t, item in enumerate(section.get("items", [])):
            ipath = f"{spath}.items[{t}]"
            iid = item.get("id")
            kind = item.get("kind")
            if iid in items_so_far:
                yield f"{ipath}.id", f"duplicate item id '{iid}'"
            for field in ("text", "guidance"):
                for lang in ("vi", "en"):
                    if not str(item.get(field, {}).get(lang, "")).strip():
                        yield f"{ipath}.{field}.{lang}", f"{field} in '{lang}' is missing or empty"
            if "scopeNote" in item and not str(item["scopeNote"].get("en", "")).strip():
                yield f"{ipath}.scopeNote.en", "scopeNote in 'en' is missing or empty"
            source = item.get("source", {})
            refs = [("source", source)] + [
                (f"source.seeAlso[{k}]", also) for k, also in enumerate(source.get("seeAlso", []))
            ]
            for rpath, ref in refs:
                if ref.get("ref") not in citations:
                    yield f"{ipath}.{rpath}.ref", f"'{ref.get('ref')}' names no citation in sources"
                else:
                    used_citations.add(ref.get("ref"))
                note = ref.get("note")
                if note is not None:
                    for lang in ("vi", "en"):
                        if not str(note.get(lang, "")).strip():
                            yield f"{ipath}.{rpath}.note.{lang}", f"note in '{lang}' is missing or empty"
                    if ("[unverified]" in note.get("vi", "")) != ("[unverified]" in note.get("en", "")):
                        yield f"{ipath}.{rpath}.note", "[unverified] must appear in both vi and en or in neither"
            used_tags.update(item.get("tags", []))
            for k, tag in enumerate(item.get("tags", [])):
                if tag not in defined_tags and tag not in FOCUS_TAGS:
                    yield f"{ipath}.tags[{k}]", f"unknown tag '{tag}'"
            condition = item.get("applicableWhen")
            if condition is not None:
                yield from check_condition(condition, iid, items_so_far, f"{ipath}.applicableWhen")
            if "validUntil" in item:
                try:
                    datetime.date.fromisoformat(item["validUntil"])
                except ValueError:
                    yield f"{ipath}.validUntil", f"'{item['validUntil']}' is not a calendar date"
            if kind in UNSCORED_KINDS and item.get("weight", 1) != 0:
                yield f"{ipath}.weight", f"{article(kind)} item is never scored: give it weight 0"
            if kind in UNSCORED_KINDS and item.get("critical"):
                yield f"{ipath}.critical", f"{article(kind)} item cannot be critical"
            items_so_far[iid] = kind

    for i, tag in enumerate(doc.get("tags", [])):
        if tag.get("id") not in used_tags:
            yield f"tags[{i}]", f"tag '{tag.get('id')}' is not used by any item"

    for i, citation in enumerate(doc.get("sources", [])):
        if citation.get("id") not in used_citations:
            yield f"sources[{i}]", f"citation '{citation.get('id')}' is not used by any item"
        if citation.get("type") == "report" and "number" in citation:
            yield f"sources[{i}].number", "a press report has no official number"
        for field in ("title",):
            if not str(citation.get(field, {}).get("en", "")).strip():
                yield f"sources[{i}].{field}.en", "English title is missing or empty"

    bands = doc.get("scoring", {}).get("ratingBands")
    if bands is not None:
        spans = sorted((b.get("from"), b.get("to"), k) for k, b in enumerate(bands))
        ids = [b.get("id") for b in bands]
        if len(set(ids)) != len(ids):
            yield "scoring.ratingBands", "duplicate rating band id"
        for lo, hi, k in spans:
            if not lo < hi:
                yield f"scoring.ratingBands[{k}]", f"band must have from < to, found {lo}..{hi}"
        expected = 0
        for lo, hi, k in spans:
            if lo > expected:
                yield f"scoring.ratingBands[{k}]", f"gap in rating bands: {expected}..{lo} is not covered"
            elif lo < expected:
                yield f"scoring.ratingBands[{k}]", f"rating bands overlap at {lo}..{min(hi, expected)}"
            expected = max(expected, hi)
        if expected < 100:
            yield "scoring.ratingBands", f"rating bands do not reach 100 (end at {expected})"
        for k, band in enumerate(bands):
            label = band.get("label", {})
            if label.get("vi", "").strip().lower() in ANSWER_WORDS_VI:
                yield (f"scoring.ratingBands[{k}].label.vi",
                       f"'{label['vi']}' is a word of an item's answer; name the band after a grade "
                       "(Hoàn thành xuất sắc, Hoàn thành tốt, Hoàn thành, Không hoàn thành)")
            if label.get("en", "").strip().lower() in ANSWER_WORDS_EN:
                yield f"scoring.ratingBands[{k}].label.en", f"'{label['en']}' is a word of an item's answer"


def check_condition(condition, iid, items_so_far, path):
    """Problems of one applicableWhen: the controlling item, its outcomes, the context."""
    target = condition.get("item")
    if target is not None:
        if target == iid:
            yield f"{path}.item", "an item cannot depend on itself"
        elif target not in items_so_far:
            yield f"{path}.item", f"'{target}' is not an earlier item of this checklist"
        elif items_so_far[target] not in OUTCOMES:
            yield (f"{path}.item",
                   f"'{target}' is {article(str(items_so_far[target]))} item; it must be a check or yesNo item")
        else:
            kind = items_so_far[target]
            allowed = OUTCOMES[kind]
            for k, outcome in enumerate(condition.get("outcomes", [])):
                if outcome not in allowed:
                    yield (f"{path}.outcomes[{k}]",
                           f"'{outcome}' is not an outcome of {article(kind)} item ({', '.join(sorted(allowed))})")
    context = condition.get("context") or {}
    folded = {}
    for k, name in enumerate(context.get("province", [])):
        key = fold(name)
        if key in folded:
            yield (f"{path}.context.province[{k}]",
                   f"'{name}' is the same province as '{folded[key]}' (names compare without case or diacritics)")
        folded[key] = name


def check_house_rules(doc):
    """Yields (path, message) for the rules of the standard checklists (StandardChecklists.md)."""
    historical = doc.get("historical", False)
    if historical and "scopeNote" not in doc:
        yield "scopeNote", "a historical checklist says in scopeNote which campaign and period it reviews"
    for path, text in strings({k: v for k, v in doc.items() if k != "$schema"}):
        if not historical:
            for pattern, message in DISTRICT_WORDING:
                if pattern.search(text):
                    yield path, f"'{pattern.search(text).group(0)}' {message}"
        for pattern, message in TERMS:
            if pattern.search(text):
                yield path, f"'{pattern.search(text).group(0)}': {message}"
    for s, section in enumerate(doc.get("sections", [])):
        for t, item in enumerate(section.get("items", [])):
            ipath = f"sections[{s}].items[{t}]"
            focus = sorted(set(item.get("tags", [])) & FOCUS_TAGS)
            if doc.get("id") == FOCUS_BY_SECTION:
                own = f"focus-2017-{s + 1}"
                if own not in focus:
                    yield f"{ipath}.tags", f"an item of focus area {s + 1}'s section carries {own}"
                extra = [f for f in focus if f not in (own, "focus-2017-3")]
                if extra:
                    yield f"{ipath}.tags", f"an item of focus area {s + 1}'s section carries no other area's tag ({', '.join(extra)})"
            elif is_scored(item):
                if focus not in (["focus-2017-1"], ["focus-2017-2"], ["focus-2017-3"],
                                 ["focus-2017-1", "focus-2017-3"], ["focus-2017-2", "focus-2017-3"]):
                    yield (f"{ipath}.tags",
                           f"a scored item carries one focus tag (focus-2017-3 may be added to another), found {focus or 'none'}")
            elif focus:
                yield f"{ipath}.tags", f"an unscored item carries no focus tag, found {', '.join(focus)}"
            if "validUntil" in item and "scopeNote" not in item:
                yield f"{ipath}.scopeNote", "an item with validUntil says in scopeNote why its rule ends then"


def check_file(path, validator, house_rules):
    """Returns (problems as printable lines, the document or None)."""
    name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        return [f"{name}: $: malformed JSON at line {error.lineno}, column {error.colno}: {error.msg}"], None
    problems = []
    for error in sorted(validator.iter_errors(doc), key=lambda e: list(map(str, e.absolute_path))):
        problems.append(f"{name}: {json_path(error.absolute_path)}: {schema_message(error)}")
    if problems:  # semantic checks assume the shape is right
        return problems, None
    if doc.get("$schema") != "./checklist.schema.json":
        problems.append(f"{name}: $schema: a standard checklist starts with \"$schema\": \"./checklist.schema.json\"")
    if doc.get("id") != path.stem:
        problems.append(f"{name}: id: id '{doc.get('id')}' does not match the file name '{path.stem}'")
    for jpath, message in check_semantics(doc):
        problems.append(f"{name}: {jpath}: {message}")
    if house_rules:
        for jpath, message in check_house_rules(doc):
            problems.append(f"{name}: {jpath}: {message}")
    return problems, doc


def item_ids(doc):
    return [item["id"] for section in doc["sections"] for item in section["items"]]


def check_rationale(docs):
    """Every item of the standard checklists has a reason for its weight, and no reason names a missing item."""
    name = RATIONALE.relative_to(ROOT)
    try:
        rationale = json.loads(RATIONALE.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        return [f"{name}: $: cannot read: {error}"]
    problems = []
    for cid, doc in docs.items():
        reasons = rationale.get(cid, {})
        ids = item_ids(doc)
        for iid in ids:
            if not str(reasons.get(iid, "")).strip():
                problems.append(f"{name}: {cid}.{iid}: no reason given for the item's weight and critical flag")
        for iid in reasons:
            if iid not in ids:
                problems.append(f"{name}: {cid}.{iid}: names an item that {cid} does not have")
    for cid in rationale:
        if cid not in docs and not cid.startswith("$"):
            problems.append(f"{name}: {cid}: names a checklist that is not in Checklists/")
    return problems


def check_coverage(docs):
    """Every seed rule maps to at least one existing item (Scripts/seed-coverage.json)."""
    name = COVERAGE.relative_to(ROOT)
    try:
        coverage = json.loads(COVERAGE.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        return [f"{name}: $: cannot read: {error}"]
    ids = {cid: set(item_ids(doc)) for cid, doc in docs.items()}
    problems = []
    owner = {}
    for cid in sorted(ids):  # the coverage table in StandardChecklists.md names items without their checklist
        for iid in sorted(ids[cid]):
            if iid in owner:
                problems.append(f"Checklists/{cid}.json: {iid}: item id also used by {owner[iid]}; "
                                "item ids are unique across the standard checklists")
            owner.setdefault(iid, cid)
    rows = coverage.get("rules", [])
    if not rows:
        problems.append(f"{name}: rules: no seed rule listed")
    seeds = set()

    def check_refs(refs, path):
        if not refs:
            problems.append(f"{name}: {path}: maps to no item")
        for k, ref in enumerate(refs):
            cid, _, iid = str(ref).partition(":")
            if cid not in ids:
                problems.append(f"{name}: {path}[{k}]: '{ref}' names no standard checklist (write CHECKLIST:ITEM)")
            elif iid not in ids[cid]:
                problems.append(f"{name}: {path}[{k}]: {cid} has no item '{iid}'")

    for r, row in enumerate(rows):
        seeds.add(row.get("seed"))
        if not str(row.get("rule", "")).strip():
            problems.append(f"{name}: rules[{r}].rule: the rule's text is missing")
        check_refs(row.get("items", []), f"rules[{r}].items")
        for p, part in enumerate(row.get("parts", [])):
            check_refs(part.get("items", []), f"rules[{r}].parts[{p}].items")
    for seed in coverage.get("seeds", []):
        if seed not in seeds:
            problems.append(f"{name}: seeds: seed {seed} has no rule in the table")
    return problems


def main(argv):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    whole_set = not argv
    paths = [Path(a).resolve() for a in argv] or sorted(
        p for p in CHECKLISTS.glob("*.json") if not p.name.endswith(".schema.json")
    )
    problems = []
    standard = {}
    broken = False
    for path in paths:
        is_standard = path.parent == CHECKLISTS
        found, doc = check_file(path, validator, house_rules=is_standard)
        problems += found
        if is_standard and doc is not None:
            standard[doc["id"]] = doc
        broken = broken or doc is None
    if whole_set and not broken:  # the cross-file checks need every standard checklist readable
        problems += check_rationale(standard)
        problems += check_coverage(standard)
    for line in problems:
        print(line)
    print(f"check-checklists: {len(paths)} file(s), {len(problems)} problem(s)", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
