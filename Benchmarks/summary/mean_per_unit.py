#!/usr/bin/env python3
"""Mean overall score per unit over KyCuong exports (*.json under a folder): what a user would write.

Prints a JSON object {unit: mean} over the audits that have a score.
"""
import json
import os
import sys


def files(root):
    for folder, _, names in os.walk(root):
        for name in names:
            if name.endswith(".json"):
                yield os.path.join(folder, name)


def main(root):
    scores = {}
    for path in files(root):
        with open(path, encoding="utf-8") as handle:
            export = json.load(handle)
        overall = export["scores"].get("overall")
        if overall is not None:
            scores.setdefault(export["audit"]["unit"]["name"], []).append(overall)
    json.dump({unit: sum(values) / len(values) for unit, values in scores.items()}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
