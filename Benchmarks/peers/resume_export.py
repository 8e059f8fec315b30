#!/usr/bin/env python3
"""The peer of "resume + export": read an audit's event log, parse every event, write them back as one
pretty-printed JSON document, fsync it. A floor for kycuong's `resume ID` + `export PATH` (which also replays,
verifies the hash chain and scores: work this script does not do).

Usage: resume_export.py LOG.jsonl OUT.json
"""
import json
import os
import sys


def main(log_path, out_path):
    with open(log_path, encoding="utf-8") as handle:
        events = [json.loads(line) for line in handle if line.strip()]
    document = {"format": "peer/1", "header": events[0] if events else None, "events": events}
    with open(out_path, "w", encoding="utf-8") as out:
        json.dump(document, out, ensure_ascii=False, indent=2, sort_keys=True)
        out.write("\n")
        out.flush()
        os.fsync(out.fileno())


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
