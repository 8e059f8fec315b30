#!/usr/bin/env python3
"""Checks the standard checklists in Checklists/.

Validates every Checklists/*.json (except *.schema.json) against Checklists/checklist.schema.json, then checks
what a JSON Schema cannot express:
- unique citation, tag, section and item ids in each file; the file is named after the checklist's id;
- source.ref and seeAlso[].ref name a citation of the file; every citation and every defined tag is used;
- every tag an item uses is defined in the file or is a built-in focus tag (focus-2017-1/2/3);
- applicableWhen.item names an earlier check item;
- rating bands cover 0-100 without gaps or overlaps;
- every item has non-empty vi and en text and guidance; notes say [unverified] in both languages or neither;
- text items have weight 0 and are not critical; press reports carry no official number.

Prints every problem as `FILE: JSON.PATH: message` and exits 1 if there is any.

Usage: Scripts/check-checklists.py [FILE.json ...]
"""

import json
import sys
from pathlib import Path

try:
    import jsonschema
except ImportError:  # pragma: no cover
    sys.exit("check-checklists: the python module jsonschema is missing (python3 -m pip install jsonschema)")

ROOT = Path(__file__).resolve().parent.parent
CHECKLISTS = ROOT / "Checklists"
SCHEMA = CHECKLISTS / "checklist.schema.json"
FOCUS_TAGS = {"focus-2017-1", "focus-2017-2", "focus-2017-3"}
DEFAULT_BANDS = [(0, 50), (50, 70), (70, 90), (90, 100)]


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
    if error.validator == "additionalProperties":
        return f"unknown field: {error.message}"
    return error.message


def article(word):
    return ("an " if word[:1] in "aeiou" else "a ") + word


def check_semantics(doc):
    """Yields (path, message) for the rules the schema cannot express."""
    for field in ("title", "description"):
        if not str(doc.get(field, {}).get("en", "")).strip():
            yield f"{field}.en", f"the checklist's {field} in 'en' is missing or empty"

    citations = {}
    for i, citation in enumerate(doc.get("sources", [])):
        cid = citation.get("id")
        if cid in citations:
            yield f"sources[{i}].id", f"duplicate citation id '{cid}'"
        citations[cid] = i

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
            if iid in items_so_far:
                yield f"{ipath}.id", f"duplicate item id '{iid}'"
            for field in ("text", "guidance"):
                for lang in ("vi", "en"):
                    if not str(item.get(field, {}).get(lang, "")).strip():
                        yield f"{ipath}.{field}.{lang}", f"{field} in '{lang}' is missing or empty"
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
                target = condition.get("item")
                if target == iid:
                    yield f"{ipath}.applicableWhen.item", "an item cannot depend on itself"
                elif target not in items_so_far:
                    yield f"{ipath}.applicableWhen.item", f"'{target}' is not an earlier item of this checklist"
                elif items_so_far[target] != "check":
                    yield f"{ipath}.applicableWhen.item", f"'{target}' is {article(str(items_so_far[target]))} item, not a check item"
            if item.get("kind") == "text" and item.get("weight", 1) != 0:
                yield f"{ipath}.weight", "a text item is never scored: give it weight 0"
            if item.get("kind") == "text" and item.get("critical"):
                yield f"{ipath}.critical", "a text item cannot be critical"
            items_so_far[iid] = item.get("kind")

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


def check_file(path, validator):
    """Returns the problems of one checklist file as printable lines."""
    name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        return [f"{name}: $: malformed JSON at line {error.lineno}, column {error.colno}: {error.msg}"]
    problems = []
    for error in sorted(validator.iter_errors(doc), key=lambda e: list(map(str, e.absolute_path))):
        problems.append(f"{name}: {json_path(error.absolute_path)}: {schema_message(error)}")
    if problems:  # semantic checks assume the shape is right
        return problems
    if doc.get("$schema") != "./checklist.schema.json":
        problems.append(f"{name}: $schema: a standard checklist starts with \"$schema\": \"./checklist.schema.json\"")
    if doc.get("id") != path.stem:
        problems.append(f"{name}: id: id '{doc.get('id')}' does not match the file name '{path.stem}'")
    for jpath, message in check_semantics(doc):
        problems.append(f"{name}: {jpath}: {message}")
    return problems


def main(argv):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    paths = [Path(a).resolve() for a in argv] or sorted(
        p for p in CHECKLISTS.glob("*.json") if not p.name.endswith(".schema.json")
    )
    problems = []
    for path in paths:
        problems += check_file(path, validator)
    for line in problems:
        print(line)
    print(f"check-checklists: {len(paths)} file(s), {len(problems)} problem(s)", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
