#!/usr/bin/env python3
"""Figures for the kycuong REPL; run through Benchmarks/repl/run.sh. Usage: bench.py BINARY [ANSWERS]"""

import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "Scripts", "pty"))

from ptyharness import Environment, PtySession  # noqa: E402

START = (
    'start public-office-conduct --unit "UBND phường Hàng Bạc" --leader "Nguyễn Văn An" --members "" '
    '--visit surprise --province "Hà Nội" --level commune --one-stop yes'
)
PROMPT = r"\[\d+/\d+ [^\]]+\] › "  # an item, or ✓ once every item is answered


def environment():
    base = os.environ.get("BENCH_DIR")
    if base:
        tempfile.tempdir = base
    environment = Environment(lang="C")
    # The embedded standard checklists, as an installed kycuong has them (not the terminal checks' copy).
    environment.env.pop("KYCUONG_CHECKLISTS", None)
    return environment


def checklist_items():
    with open(os.path.join(ROOT, "Checklists", "public-office-conduct.json"), encoding="utf-8") as handle:
        checklist = json.load(handle)
    return [item for section in checklist["sections"] for item in section["items"]]


def answer_lines(count):
    """`count` answers cycling over the items that always apply (`goto` first: after the first round each
    answer is a change, kept in the history), as (goto line, answer line) pairs."""
    items = [item for item in checklist_items() if "applicableWhen" not in item]
    pairs = []
    for n in range(count):
        item = items[n % len(items)]
        kind = item["kind"]
        if kind == "text":
            answer = f"Ghi nhận lần {n}: bộ phận một cửa, có mặt {n % 13} người"
        elif kind == "yesNo":
            answer = ["có", "không"][n % 2]
        elif kind == "check":
            answer = ["đạt", "không đạt", "một phần", "dat"][n % 4]
        elif kind == "observation":
            answer = f"{n % 12}/12"
        else:
            answer = str(n % (item["max"] + 1))
        pairs.append((f"goto {item['id']}", answer))
    return pairs


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def launch_to_prompt(binary, runs=20):
    times = []
    for _ in range(runs):
        env = environment()
        try:
            began = time.perf_counter()
            session = PtySession([binary], env.env)
            session.expect("kycuong › ")
            times.append(time.perf_counter() - began)
            session.line("quit")
            session.wait_exit()
        finally:
            env.cleanup()
    return times


def piped_answers(binary, count):
    """Wall time of one process answering `count` questions from a pipe, minus that of the same process
    doing everything but the answers (start, the `goto`s, quit); and max RSS from /usr/bin/time -v."""
    pairs = answer_lines(count)
    with_answers = "\n".join([START] + [line for pair in pairs for line in pair] + ["quit"]) + "\n"
    without = "\n".join([START] + [pair[0] for pair in pairs] + ["quit"]) + "\n"

    def timed(script):
        env = environment()
        try:
            argv = (["/usr/bin/time", "-v"] if os.access("/usr/bin/time", os.X_OK) else []) + [binary]
            began = time.perf_counter()
            result = subprocess.run(argv, input=script.encode(), capture_output=True, env=env.env, timeout=600)
            elapsed = time.perf_counter() - began
            out = result.stdout.decode()
            recorded = out.count("✓ ")
            rss = None
            match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr.decode())
            if match:
                rss = int(match.group(1))
            return elapsed, recorded, rss
        finally:
            env.cleanup()

    runs = [timed(with_answers) for _ in range(3)]
    bases = [timed(without) for _ in range(3)]
    elapsed = statistics.median(r[0] for r in runs)
    base = statistics.median(b[0] for b in bases)
    recorded = runs[0][1]
    return elapsed, base, recorded, max((r[2] or 0) for r in runs) or None


def pty_round_trips(binary, count):
    """Per-answer round-trips in a pty: Enter on an answer → the next prompt read. Also VmHWM at the end."""
    pairs = answer_lines(count)
    env = environment()
    try:
        session = PtySession([binary], env.env, timeout=30)
        # pexpect sleeps 50 ms before every send by default: that is not kycuong's time.
        session.child.delaybeforesend = None
        session.expect("kycuong › ")
        session.line(START)
        session.expect_regex(PROMPT)
        times = []
        for goto, answer in pairs:
            session.line(goto)
            session.expect_regex(PROMPT)
            began = time.perf_counter()
            session.line(answer)
            session.expect("✓ ")
            session.expect_regex(PROMPT)
            times.append(time.perf_counter() - began)
        with open(f"/proc/{session.pid}/status") as handle:
            status = handle.read()
        match = re.search(r"VmHWM:\s+(\d+) kB", status)
        hwm = int(match.group(1)) if match else None
        session.line("quit")
        session.wait_exit()
        return times, hwm
    finally:
        env.cleanup()


def milliseconds(seconds):
    return f"{seconds * 1000:.2f} ms"


def main():
    binary = os.path.abspath(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 240
    launch = launch_to_prompt(binary)
    elapsed, base, recorded, rss = piped_answers(binary, count)
    trips, hwm = pty_round_trips(binary, count)
    rows = [
        ("launch → first prompt (pty, n=20)", f"median {milliseconds(statistics.median(launch))}",
         f"min {milliseconds(min(launch))}, max {milliseconds(max(launch))}"),
        (f"piped: {recorded} answers, one process", f"{milliseconds((elapsed - base) / recorded)} / answer",
         f"total {elapsed:.2f} s, without the answers {base:.2f} s"),
        (f"pty round-trip per answer (n={len(trips)})", f"median {milliseconds(statistics.median(trips))}",
         f"p95 {milliseconds(percentile(trips, 0.95))}, max {milliseconds(max(trips))}"),
        ("peak memory, piped run", f"{rss / 1024:.1f} MiB" if rss else "n/a", "max RSS, /usr/bin/time -v"),
        ("peak memory, pty session", f"{hwm / 1024:.1f} MiB" if hwm else "n/a", "VmHWM before quit"),
    ]
    width = [max(len(row[i]) for row in rows) for i in range(3)]
    print(f"kycuong REPL benchmark — {binary}")
    print(f"{'measure':{width[0]}}  {'figure':{width[1]}}  detail")
    print(f"{'-' * width[0]}  {'-' * width[1]}  {'-' * width[2]}")
    for row in rows:
        print(f"{row[0]:{width[0]}}  {row[1]:{width[1]}}  {row[2]}")


if __name__ == "__main__":
    main()
