#!/usr/bin/env python3
"""Validate JSON files against a JSON Schema (draft 2020-12).

Usage: Scripts/validate-json.py SCHEMA FILE...

A "$ref" to another schema by file name (such as "checklist.schema.json") resolves to the file of that name
next to SCHEMA, so the export schema can refer to the checklist schema without a network or an "$id".
Prints "FILE: /json/pointer: message" for every problem and exits 1 if any file is invalid or unreadable;
exits 2 on wrong usage or an invalid schema; exits 0 when every file is valid.
"""

import json
import sys
from pathlib import Path

from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError
from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource
from referencing.jsonschema import DRAFT202012


def load(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def pointer(path):
    """A JSON Pointer (RFC 6901) for an error's path: "/items/5/status", or "/" for the whole document."""
    parts = [str(part).replace("~", "~0").replace("/", "~1") for part in path]
    return "/" + "/".join(parts)


def make_registry(folder):
    def retrieve(uri):
        # Only the file name counts: "checklist.schema.json", "./checklist.schema.json" or a URL ending in it.
        name = uri.split("#", 1)[0].rstrip("/").rsplit("/", 1)[-1]
        candidate = folder / name
        if not name or not candidate.is_file():
            raise NoSuchResource(ref=uri)
        return Resource.from_contents(load(candidate), default_specification=DRAFT202012)

    return Registry(retrieve=retrieve)


def main(argv):
    if len(argv) < 3:
        print("usage: validate-json.py SCHEMA FILE...", file=sys.stderr)
        return 2
    schema_path = Path(argv[1])
    try:
        schema = load(schema_path)
        Draft202012Validator.check_schema(schema)
    except (OSError, ValueError) as error:
        print(f"{schema_path}: cannot read the schema: {error}", file=sys.stderr)
        return 2
    except SchemaError as error:
        print(f"{schema_path}: {pointer(error.path)}: not a valid schema: {error.message}", file=sys.stderr)
        return 2
    validator = Draft202012Validator(schema, registry=make_registry(schema_path.resolve().parent))

    failed = False
    for name in argv[2:]:
        try:
            instance = load(name)
        except (OSError, ValueError) as error:
            print(f"{name}: cannot read JSON: {error}")
            failed = True
            continue
        errors = sorted(validator.iter_errors(instance), key=lambda error: list(map(str, error.path)))
        for error in errors:
            print(f"{name}: {pointer(error.path)}: {error.message}")
        failed = failed or bool(errors)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
