#!/usr/bin/env python3
"""The benchmarks of issue 13: every row of its table, kycuong beside its peer, measured in one run.

    make bench                      # builds kycuong in release (.build-release) and runs every row
    BENCH_QUICK=1 make bench        # a short run: 3 runs a row, 1,000 / 5,000 exports
    python3 Benchmarks/run.py       # the same without `make deps`
    python3 Benchmarks/run.py --render [RESULTS.json]   # the table of an earlier run into README.md again

Rows (see Benchmarks/README.md for what each measures and why):
  1. REPL to first prompt in a pseudo-terminal: kycuong vs sqlite3
  2. REPL with empty stdin: kycuong </dev/null vs sqlite3 :memory: </dev/null and a Swift hello with Foundation
  3. 500 piped answers, each fsync'd: kycuong vs a C loop (write 300 B + fsync, 500 times)
  4. resume + export of a 500-event log: kycuong vs Python (read + json dump + fsync)
  5. summary of 10,000 exports: kycuong vs Python, jq and `cat` of every file (figures checked to agree)
  6. summary peak memory at 50,000 exports: kycuong vs Python, and its growth per export from row 5

Method: the tool and its peers alternate (the order rotates from run to run), after one untimed warm-up run
of each; medians of BENCH_RUNS runs; ratio = kycuong's median / the peer's median; the machine's load average
before and after each row. Instructions (valgrind --tool=callgrind, one run each, repeatable whatever the load)
for the CPU-bound rows. Only the standard library and pexpect (through Scripts/pty/ptyharness.py).

Environment (all optional):
  BENCH_QUICK=1           short run (defaults below in brackets)
  BENCH_RUNS              timed runs per contender, rows 1-5 (7 [3])
  BENCH_MEMORY_RUNS       timed runs per contender, row 6 (3 [2])
  BENCH_ANSWERS           answers of row 3 (500)          BENCH_EVENTS   events of row 4's log (500)
  BENCH_SUMMARY_N         exports of row 5 (10000 [1000]) BENCH_MEMORY_N exports of row 6 (50000 [5000])
  BENCH_CALLGRIND=0       no instruction counts           BENCH_CALLGRIND_SUMMARY_N exports for row 5's (1000 [200])
  BENCH_ROWS=1,2,...      only these rows                 BENCH_NO_BUILD=1  use the release binary as built
  BENCH_BINARY            this kycuong instead of building one (a copy of an earlier build, for before/after)
  BENCH_DIR               where the temporary stores and exports go (default: $TMPDIR or /tmp); fsync cost
                          depends on its file system
  BENCH_KEEP=1            keep the temporary folder       BENCH_README=0/1  write Benchmarks/README.md
                          (default: on full runs only)
"""

import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "Scripts", "pty"))

from ptyharness import Environment, PtySession  # noqa: E402

OUT = os.path.join(ROOT, ".build-bench")
SCRATCH = os.path.join(ROOT, ".build-release")
README = os.path.join(HERE, "README.md")
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"
PYTHON = sys.executable  # the interpreter itself, not a pyenv shim (a shell script that costs ~10 ms a start)


def env_int(name, default):
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


QUICK = os.environ.get("BENCH_QUICK") == "1"
CONFIG = {
    "quick": QUICK,
    "runs": env_int("BENCH_RUNS", 3 if QUICK else 7),
    "memory_runs": env_int("BENCH_MEMORY_RUNS", 2 if QUICK else 3),
    "answers": env_int("BENCH_ANSWERS", 500),
    "events": env_int("BENCH_EVENTS", 500),
    "summary_n": env_int("BENCH_SUMMARY_N", 1000 if QUICK else 10000),
    "memory_n": env_int("BENCH_MEMORY_N", 5000 if QUICK else 50000),
    "callgrind": os.environ.get("BENCH_CALLGRIND", "1") != "0",
    "callgrind_summary_n": env_int("BENCH_CALLGRIND_SUMMARY_N", 200 if QUICK else 1000),
    "rows": sorted({int(r) for r in os.environ.get("BENCH_ROWS", "1,2,3,4,5,6").split(",") if r.strip()}),
    "record_bytes": 300,
    "seed": 2026,
}
CHECKLIST = "public-office-conduct"
# The standard checklist (embedded in kycuong, read here from Checklists/): its items for Hà Nội and for
# one-stop desks apply when the context says so, which the start line gives, so no question is asked.
START = (
    'start {checklist} --unit "UBND phường Hàng Bạc {n}" --leader "Nguyễn Văn An" --members "" --visit surprise '
    '--province "Hà Nội" --level commune --one-stop yes'
)
TODAY = "2026-12-31"


def standard_environment(extra=None):
    """An isolated environment (ptyharness) that runs kycuong on its embedded standard checklists, as an
    installed binary does: the terminal checks' pinned copy (KYCUONG_CHECKLISTS) is left out."""
    environment = Environment(lang="C", extra=extra)
    environment.env.pop("KYCUONG_CHECKLISTS", None)
    return environment


def log(message):
    print(message, flush=True)


# Running and timing ------------------------------------------------------------------------------------------


class Failed(Exception):
    """A contender did not do what it was asked: the run stops, since its time would mean nothing."""


def run_once(argv, env=None, stdin=None, stdout=None, cwd=None, memory=False):
    """Runs `argv` once; stdin is bytes (written through a pipe), a path, or nothing (/dev/null); stdout a path
    or nothing (/dev/null). Returns wall seconds and CPU seconds of the child (wait4), and with `memory` its
    peak RSS in KiB, from /usr/bin/time: wait4's ru_maxrss would count the RSS of this Python process, which
    the child has until it execs (Linux keeps the high-water mark across exec)."""
    stderr_path = os.path.join(OUT, "last-stderr.txt")
    rss_path = os.path.join(OUT, "last-rss.txt")
    if memory:
        argv = ["/usr/bin/time", "-f", "%M", "-o", rss_path] + list(argv)
    with open(stderr_path, "wb") as err:
        stdin_handle = open(stdin, "rb") if isinstance(stdin, str) else None
        stdout_handle = open(stdout, "wb") if stdout else None
        try:
            began = time.perf_counter()
            process = subprocess.Popen(
                argv, env=env, cwd=cwd, stderr=err,
                stdin=subprocess.PIPE if isinstance(stdin, bytes) else (stdin_handle or subprocess.DEVNULL),
                stdout=stdout_handle or subprocess.DEVNULL)
            if isinstance(stdin, bytes):
                try:
                    process.stdin.write(stdin)
                except BrokenPipeError:
                    pass
                process.stdin.close()
            _, status, usage = os.wait4(process.pid, 0)
            wall = time.perf_counter() - began
        finally:
            for handle in (stdin_handle, stdout_handle):
                if handle:
                    handle.close()
    process.returncode = code = os.waitstatus_to_exitcode(status)
    if code != 0:
        with open(stderr_path, encoding="utf-8", errors="replace") as handle:
            tail = handle.read()[-2000:]
        raise Failed(f"{' '.join(argv[:4])}… exited with {code}\n{tail}")
    rss = None
    if memory:
        with open(rss_path, encoding="utf-8") as handle:
            rss = int(handle.read().split()[-1])
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_kib": rss}


def compare(contenders, runs):
    """Runs each contender (name → function returning run_once's figures) once untimed, then `runs` times,
    alternating and rotating the order each run. Returns name → {samples, median…}."""
    names = list(contenders)
    for name in names:
        contenders[name]()
    samples = {name: [] for name in names}
    for i in range(runs):
        shift = i % len(names)
        for name in names[shift:] + names[:shift]:
            samples[name].append(contenders[name]())
    return {name: summarise(values) for name, values in samples.items()}


def summarise(values):
    walls = [v["wall"] for v in values]
    return {
        "median": statistics.median(walls),
        "min": min(walls),
        "max": max(walls),
        "cpu_median": statistics.median(v["cpu"] for v in values),
        "rss_kib_median": statistics.median(v["rss_kib"] for v in values) if values[0]["rss_kib"] else None,
        "samples": values,
    }


def load():
    return [round(x, 2) for x in os.getloadavg()]


# Instruction counts ------------------------------------------------------------------------------------------

CALLGRIND_DIR = os.path.join(OUT, "callgrind")
NOT_FUNCTIONS = ("PROGRAM TOTALS", "(below main)", "__libc_start_main", "kycuong_main", "_start", "0x0")
WRAPPERS = ("thunk for", "partial apply for", "_dispatch", "___swift_dispatch", "reabstraction thunk")


def callgrind(name, argv, env=None, stdin=None, pty=None, cwd=None):
    """Instructions executed by `argv` (the whole process, start to exit), counted by callgrind, once.
    `pty` = (prompt, quit line): run in a pseudo-terminal up to the prompt, then quit."""
    if not CONFIG["callgrind"]:
        return None
    os.makedirs(CALLGRIND_DIR, exist_ok=True)
    out = os.path.join(CALLGRIND_DIR, f"{name}.out")
    command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", f"--log-file={out}.log"] + argv
    began = time.perf_counter()
    if pty:
        session = PtySession(command, env, cwd=cwd, timeout=600)
        try:
            session.expect(pty[0])
            session.line(pty[1])
            session.wait_exit()
        finally:
            session.close()
    else:
        run_once(command, env=env, stdin=stdin, cwd=cwd)
    with open(out, encoding="utf-8", errors="replace") as handle:
        total = next((int(line.split()[1]) for line in handle if line.startswith(("summary:", "totals:"))), None)
    if total is None:
        raise Failed(f"callgrind wrote no total for {name} (see {out}.log)")
    return {"instructions": total, "file": os.path.relpath(out, ROOT), "seconds": time.perf_counter() - began}


def demangle(text):
    tool = shutil.which("swift-demangle")
    if not tool:
        return text
    return subprocess.run([tool, "--simplified"], input=text, capture_output=True, text=True).stdout


def top_functions(out_file, inclusive, limit):
    """The `limit` costliest functions of a callgrind profile (self cost, or inclusive), demangled."""
    text = subprocess.run(
        ["callgrind_annotate", f"--inclusive={'yes' if inclusive else 'no'}", os.path.join(ROOT, out_file)],
        capture_output=True, text=True).stdout
    rows = []
    for line in demangle(text).splitlines():
        match = re.match(r"^\s*([\d,]+) \(\s*([\d.]+)%\)\s+(.*)$", line)
        if not match:
            continue
        percent, where = float(match.group(2)), match.group(3)
        function = re.sub(r"^[^:]*:", "", where, count=1) if where.startswith(("???:", "./", "/")) else where
        library = re.search(r"\[([^\]]+)\]\s*$", function)
        function = re.sub(r"\s*\[[^\]]+\]\s*$", "", function)
        # Frames that hold (nearly) the whole process — main, the command's run(), the REPL loop — and
        # recursive entries (counted twice) say nothing about where the time goes.
        if (percent > (100 if not inclusive else 85) or any(function.startswith(n) for n in NOT_FUNCTIONS)
                or function.startswith("protocol witness for") or function.endswith("'2")):
            continue
        if function.startswith(WRAPPERS):
            continue
        # A chain of calls that pass the cost down (parse → parseValue → parseObject) shows as equal inclusive
        # costs: the first of the chain stands for it.
        if inclusive and rows and abs(rows[-1]["percent"] - percent) < 0.5:
            continue
        if len(function) > 100 and "(" in function:
            function = function[: function.index("(")] + "(…)"
        rows.append({
            "percent": percent,
            "function": function if len(function) <= 110 else function[:107] + "…",
            "library": os.path.basename(library.group(1)) if library else "",
        })
        if len(rows) == limit:
            break
    return rows


# Building ----------------------------------------------------------------------------------------------------


def build():
    """kycuong in release (SwiftPM, .build-release), the C fsync loop (cc -O2), the Swift hello (swiftc -O),
    and a copy of kycuong without DWARF for valgrind (valgrind 3.19 gives up on the toolchain's debug info;
    the code and symbols are the same)."""
    os.makedirs(OUT, exist_ok=True)
    times = {}
    began = time.perf_counter()
    # The release build users install: Scripts/build-release.sh (the Swift runtime and Foundation linked
    # statically) builds it and prints its path; BENCH_NO_BUILD=1 takes the binary already there (SwiftPM's
    # `release` link in the scratch folder).
    given = os.environ.get("BENCH_BINARY")
    if given:
        kycuong = os.path.abspath(given)
    elif os.environ.get("BENCH_NO_BUILD") == "1":
        kycuong = os.path.join(SCRATCH, "release", "kycuong")
    else:
        log("Building kycuong (Scripts/build-release.sh: release, static Swift runtime, .build-release)…")
        kycuong = subprocess.run(
            [os.path.join(ROOT, "Scripts", "build-release.sh")], cwd=ROOT, check=True, stdout=subprocess.PIPE,
            text=True, env=dict(os.environ, SCRATCH=SCRATCH)).stdout.strip().splitlines()[-1]
    times["kycuong"] = time.perf_counter() - began
    began = time.perf_counter()
    fsync_loop = os.path.join(OUT, "fsync_loop")
    subprocess.run(["cc", "-O2", "-Wall", "-o", fsync_loop, os.path.join(HERE, "peers", "fsync_loop.c")], check=True)
    times["fsync_loop"] = time.perf_counter() - began
    began = time.perf_counter()
    hello = os.path.join(OUT, "hello")
    subprocess.run(
        ["swiftc", "-O", "-module-cache-path", os.path.join(OUT, "module-cache"), "-o", hello,
         os.path.join(HERE, "peers", "hello.swift")], check=True)
    times["hello"] = time.perf_counter() - began
    # The same hello with the Swift runtime and Foundation linked statically, as kycuong's release build is:
    # beside the target's peer (the hello as a Swift program usually is built), not instead of it.
    began = time.perf_counter()
    hello_static = os.path.join(OUT, "hello-static")
    # The linker warns about mktemp in Foundation's static archive on every link: printed only on failure.
    linked = subprocess.run(
        ["swiftc", "-O", "-static-stdlib", "-module-cache-path", os.path.join(OUT, "module-cache"), "-o",
         hello_static, os.path.join(HERE, "peers", "hello.swift")], capture_output=True, text=True)
    if linked.returncode != 0:
        sys.exit(f"building the static hello failed:\n{linked.stdout}{linked.stderr}")
    times["hello_static"] = time.perf_counter() - began
    profiled = os.path.join(OUT, "kycuong-nodebug")
    if CONFIG["callgrind"]:
        subprocess.run(["objcopy", "--strip-debug", kycuong, profiled], check=True)
    return {"kycuong": kycuong, "kycuong_profiled": profiled, "fsync_loop": fsync_loop, "hello": hello,
            "hello_static": hello_static}, times


def versions(binaries):
    def first_line(argv):
        try:
            result = subprocess.run(argv, capture_output=True, text=True, timeout=30)
            return (result.stdout or result.stderr).strip().splitlines()[0]
        except (OSError, IndexError, subprocess.TimeoutExpired):
            return "not found"

    return {
        "swift": first_line(["swift", "--version"]),
        "sqlite3": first_line(["sqlite3", "--version"]).split(" ")[0],
        "jq": first_line(["jq", "--version"]),
        "python": platform.python_version(),
        "valgrind": first_line(["valgrind", "--version"]),
        "cc": first_line(["cc", "--version"]),
        "kernel": platform.release(),
        "perf_instructions": perf_supported(),
    }


def perf_supported():
    """Whether `perf stat -e instructions` counts here (it prints '<not supported>' in many VMs)."""
    if not shutil.which("perf"):
        return "perf not installed"
    result = subprocess.run(["perf", "stat", "-x,", "-e", "instructions", "true"], capture_output=True, text=True)
    return "supported" if result.returncode == 0 and "not supported" not in result.stderr else "not supported"


# The rows ----------------------------------------------------------------------------------------------------


class Bench:
    def __init__(self, binaries, work):
        self.bin = binaries
        self.work = work
        self.rows = []
        self.state = {}

    def fresh(self):
        """An isolated HOME / XDG_DATA_HOME / XDG_STATE_HOME under the work folder, LANG=C (ptyharness)."""
        return standard_environment()

    def isolated(self, function):
        """Runs function(env) in a fresh environment, removed afterwards (outside the timing)."""
        env = self.fresh()
        try:
            return function(env)
        finally:
            env.cleanup()

    def add(self, row):
        self.rows.append(row)
        return row

    # 1 -----------------------------------------------------------------------------------------------------
    def row1(self):
        runs = CONFIG["runs"]

        def first_prompt(argv, prompt, quit_line):
            def measure(env):
                began = time.perf_counter()
                session = PtySession(argv, env.env, timeout=30)
                try:
                    session.expect(prompt)
                    wall = time.perf_counter() - began
                    session.line(quit_line)
                    session.wait_exit()
                finally:
                    session.close()
                return {"wall": wall, "cpu": 0.0, "rss_kib": None}

            return lambda: self.isolated(measure)

        before = load()
        results = compare({
            "kycuong": first_prompt([self.bin["kycuong"]], "kycuong › ", "quit"),
            "sqlite3": first_prompt(["sqlite3"], "sqlite> ", ".quit"),
        }, runs)
        after = load()
        instructions = {
            "kycuong": self.isolated(lambda env: callgrind(
                "row1-kycuong", [self.bin["kycuong_profiled"]], env.env, pty=("kycuong › ", "quit"))),
            "sqlite3": self.isolated(lambda env: callgrind(
                "row1-sqlite3", ["sqlite3"], env.env, pty=("sqlite> ", ".quit"))),
        }
        return self.add({
            "row": 1, "measure": "REPL to first prompt (pty)", "kind": "time",
            "results": results, "peers": [("sqlite3", "`sqlite3`")],
            "target": {"sqlite3": ("≤ 2×", 2.0)}, "load": [before, after], "instructions": instructions,
            "instructions_note": "launch → prompt → `quit`, in a pty",
            "note": "pexpect spawn to the prompt's text read from the pty; a fresh HOME each run",
        })

    # 2 -----------------------------------------------------------------------------------------------------
    def row2(self):
        runs = CONFIG["runs"]

        def empty_stdin(argv):
            return lambda: self.isolated(lambda env: run_once(argv, env=env.env))

        before = load()
        results = compare({
            "kycuong": empty_stdin([self.bin["kycuong"]]),
            "sqlite3": empty_stdin(["sqlite3", ":memory:"]),
            "hello": empty_stdin([self.bin["hello"]]),
            "hello_static": empty_stdin([self.bin["hello_static"]]),
        }, runs)
        after = load()
        instructions = {
            "kycuong": self.isolated(lambda env: callgrind("row2-kycuong", [self.bin["kycuong_profiled"]], env.env)),
            "sqlite3": self.isolated(lambda env: callgrind("row2-sqlite3", ["sqlite3", ":memory:"], env.env)),
            "hello": self.isolated(lambda env: callgrind("row2-hello", [self.bin["hello"]], env.env)),
            "hello_static": self.isolated(
                lambda env: callgrind("row2-hello-static", [self.bin["hello_static"]], env.env)),
        }
        return self.add({
            "row": 2, "measure": "REPL, empty stdin", "kind": "time", "results": results,
            "peers": [("sqlite3", "`sqlite3 :memory:`"), ("hello", "Swift hello with Foundation"),
                      ("hello_static", "the same hello, Swift runtime and Foundation linked statically")],
            "target": {"hello": ("≤ 1.5× the Foundation hello", 1.5)}, "load": [before, after],
            "instructions": instructions, "instructions_note": "whole process",
            "note": "`kycuong </dev/null`: not a terminal, so no welcome; the catalog is loaded, the session "
                    "made, `Tạm biệt.` printed",
        })

    # 3 -----------------------------------------------------------------------------------------------------
    @staticmethod
    def items():
        # The REPL runs on its embedded checklists (standard_environment drops the terminal checks' pinned
        # copy), so the answers are written for the same file it embeds: Checklists/. Read from the pinned copy,
        # whose items differ in kind from the revised standard checklist's, answers were refused (each with a
        # did-you-mean computed) and the row stopped.
        with open(os.path.join(ROOT, "Checklists", f"{CHECKLIST}.json"), encoding="utf-8") as handle:
            checklist = json.load(handle)
        return [item for section in checklist["sections"] for item in section["items"]]

    @staticmethod
    def trigger_answer(item):
        """The answer to an item others depend on that makes them apply: `có` for a yes/no gate, else `đạt`."""
        return "có" if item["kind"] == "yesNo" else "đạt"

    @staticmethod
    def answer(item, n):
        """An answer to `item` that varies with n; a check whose answer makes another item applicable is
        always answered `đạt`, so that every item of the checklist is asked, in order."""
        kind = item["kind"]
        if kind == "text":
            return f"Ghi nhận lần {n}: bộ phận một cửa, có mặt {n % 13} người"
        if kind == "yesNo":
            return ["có", "không"][n % 2]
        if kind == "check":
            return ["đạt", "không đạt", "một phần", "dat"][n % 4]
        if kind == "observation":
            return f"{n % 12}/12"
        return str(n % (item["max"] + 1))

    def answers_script(self, count, with_answers=True):
        """`count` first answers, in checklist order, over as many audits as it takes (one line per item):
        `start … --visit surprise`, then one line per item. Without answers: the starts only."""
        items = self.items()
        triggers = {item["applicableWhen"]["item"] for item in items if "item" in item.get("applicableWhen", {})}
        lines, n, audit = [], 0, 0
        while n < count:
            lines.append(START.format(checklist=CHECKLIST, n=audit))
            audit += 1
            for item in items:
                if n == count:
                    break
                if with_answers:
                    lines.append(self.trigger_answer(item) if item["id"] in triggers else self.answer(item, n))
                n += 1
        return ("\n".join(lines + ["quit"]) + "\n").encode("utf-8"), audit

    def row3(self):
        runs, count = CONFIG["runs"], CONFIG["answers"]
        script, audits = self.answers_script(count)
        starts_only, _ = self.answers_script(count, with_answers=False)

        def kycuong(text, expected):
            def measure(env):
                out = os.path.join(env.directory, "out.txt")
                figures = run_once([self.bin["kycuong"]], env=env.env, stdin=text, stdout=out)
                with open(out, encoding="utf-8") as handle:
                    recorded = handle.read().count("✓ ")
                if recorded != expected:
                    raise Failed(f"row 3: {recorded} answers acknowledged, {expected} expected")
                return figures

            return lambda: self.isolated(measure)

        def c_loop():
            return self.isolated(lambda env: run_once(
                [self.bin["fsync_loop"], os.path.join(env.directory, "log"), str(count), str(CONFIG["record_bytes"])]))

        before = load()
        results = compare({
            "kycuong": kycuong(script, count), "c_loop": c_loop, "kycuong_starts_only": kycuong(starts_only, 0),
        }, runs)
        after = load()
        instructions = {
            "kycuong": self.isolated(lambda env: callgrind(
                "row3-kycuong", [self.bin["kycuong_profiled"]], env.env, stdin=script)),
            "c_loop": self.isolated(lambda env: callgrind("row3-c_loop", [
                self.bin["fsync_loop"], os.path.join(env.directory, "log"), str(count), str(CONFIG["record_bytes"])])),
        }
        if CONFIG["callgrind"]:
            base = self.isolated(lambda env: callgrind(
                "row3-kycuong_starts_only", [self.bin["kycuong_profiled"]], env.env, stdin=starts_only))
            instructions["kycuong_starts_only"] = base
        per_answer = (results["kycuong"]["median"] - results["kycuong_starts_only"]["median"]) / count
        per_answer_instructions = None
        if CONFIG["callgrind"]:
            per_answer_instructions = (instructions["kycuong"]["instructions"] - base["instructions"]) / count
        return self.add({
            "row": 3, "measure": f"{count} piped answers, each fsync'd", "kind": "time", "results": results,
            "peers": [("c_loop", f"C loop: write {CONFIG['record_bytes']} B + fsync, {count}×")],
            "target": {"c_loop": ("≤ 1.5×", 1.5)}, "load": [before, after], "instructions": instructions,
            "instructions_note": "whole process",
            "per_answer": per_answer, "per_answer_instructions": per_answer_instructions, "audits": audits,
            "note": f"one process, {audits} audits of `{CHECKLIST}` started by `start … --visit surprise`, "
                    f"{count} first answers in checklist order; the same script without the answers took "
                    f"{results['kycuong_starts_only']['median'] * 1000:.0f} ms, so "
                    f"{per_answer * 1000:.2f} ms per answer"
                    + (f" and {fmt_count(per_answer_instructions)} instructions per answer"
                       if per_answer_instructions else "")
                    + f"; the C loop's fsync took {results['c_loop']['median'] / count * 1000:.2f} ms each "
                    f"(min run {results['c_loop']['min'] / count * 1000:.2f} ms, max "
                    f"{results['c_loop']['max'] / count * 1000:.2f} ms): on a shared disk it varies with "
                    "others' writes",
        })

    # 4 -----------------------------------------------------------------------------------------------------
    def make_log(self, events):
        """An audit whose log has `events` events, made by kycuong itself from a pipe: `start`, every item
        answered in order, then `goto` + a changed answer until the count is reached."""
        items = self.items()
        triggers = {item["applicableWhen"]["item"] for item in items if "item" in item.get("applicableWhen", {})}
        lines = [START.format(checklist=CHECKLIST, n="log")]
        answers = events - 1  # the first event is the audit's start
        for n in range(answers):
            item = items[n % len(items)]
            text = self.trigger_answer(item) if item["id"] in triggers else self.answer(item, n)
            lines += [text] if n < len(items) else [f"goto {item['id']}", f"{text} -- lần {n}"]
        store = os.path.join(self.work, "row4-store")
        env = standard_environment(extra={"XDG_DATA_HOME": store})
        out = os.path.join(self.work, "row4-make-log.txt")
        run_once([self.bin["kycuong"]], env=env.env, stdin=("\n".join(lines + ["quit"]) + "\n").encode(), stdout=out)
        env.cleanup()
        folder = os.path.join(store, "kycuong", "audits")
        logs = [name for name in os.listdir(folder) if name.endswith(".jsonl")]
        if len(logs) != 1:
            raise Failed(f"row 4: expected one log in {folder}, found {logs}")
        path = os.path.join(folder, logs[0])
        with open(path, "rb") as handle:
            count = sum(1 for line in handle if line.strip())
        if count != events:
            raise Failed(f"row 4: the log has {count} events, {events} expected")
        return store, logs[0][: -len(".jsonl")], path

    def row4(self):
        runs, events = CONFIG["runs"], CONFIG["events"]
        store, audit_id, log_path = self.make_log(events)
        size = os.path.getsize(log_path)
        with open(log_path, "rb") as handle:
            original = handle.read()
        export = os.path.join(self.work, "row4-export.json")
        peer_export = os.path.join(self.work, "row4-peer.json")
        script = f"resume {audit_id}\nexport {export}\nquit\n".encode()

        def kycuong_env():
            return standard_environment(extra={"XDG_DATA_HOME": store})

        def kycuong():
            env = kycuong_env()
            try:
                if os.path.exists(export):
                    os.remove(export)
                figures = run_once([self.bin["kycuong"]], env=env.env, stdin=script, cwd=self.work)
            finally:
                env.cleanup()
            if not os.path.exists(export):
                raise Failed("row 4: kycuong wrote no export")
            return figures

        def python():
            if os.path.exists(peer_export):
                os.remove(peer_export)
            return run_once([PYTHON, os.path.join(HERE, "peers", "resume_export.py"), log_path, peer_export])

        before = load()
        results = compare({"kycuong": kycuong, "python": python}, runs)
        after = load()
        with open(log_path, "rb") as handle:
            unchanged = handle.read() == original
        env = kycuong_env()
        if os.path.exists(export):
            os.remove(export)  # as before each timed run: an existing export is refused without --force
        try:
            instructions = {
                "kycuong": callgrind("row4-kycuong", [self.bin["kycuong_profiled"]], env.env, stdin=script,
                                     cwd=self.work),
                "python": callgrind("row4-python", [PYTHON, os.path.join(HERE, "peers", "resume_export.py"),
                                                    log_path, peer_export]),
            }
        finally:
            env.cleanup()
        return self.add({
            "row": 4, "measure": f"resume + export, {events} events", "kind": "time", "results": results,
            "peers": [("python", "Python: read + dump + fsync")], "target": {"python": ("≤ 1×", 1.0)},
            "load": [before, after], "instructions": instructions, "instructions_note": "whole process",
            "log_bytes": size, "export_bytes": os.path.getsize(export), "log_unchanged": unchanged,
            "note": f"`resume ID`, `export PATH`, `quit` piped into one process; the log ({size / 1024:.0f} KiB, "
                    f"made by kycuong from a pipe in this run) is {'unchanged' if unchanged else 'CHANGED'} by "
                    f"the runs; export {os.path.getsize(export) / 1024:.0f} KiB",
        })

    # 5 and 6 ---------------------------------------------------------------------------------------------
    def generate(self, folder, count, seed):
        began = time.perf_counter()
        run_once([self.bin["kycuong"], "report", "generate-samples", folder, "--count", str(count), "--seed", str(seed)])
        files = [os.path.join(folder, name) for name in os.listdir(folder) if name.endswith(".json")]
        if len(files) != count:
            raise Failed(f"generate-samples wrote {len(files)} files, {count} expected")
        return files, sum(os.path.getsize(f) for f in files), time.perf_counter() - began

    def warm(self, root):
        """Reads every file once, so that every contender reads from the page cache."""
        run_once(["find", root, "-name", "*.json", "-exec", "cat", "{}", "+"])

    def summary_contenders(self, root, with_jq_and_cat):
        outputs = {name: os.path.join(self.work, f"summary-{name}.json") for name in ("kycuong", "python", "jq")}
        contenders = {
            "kycuong": lambda: run_once([self.bin["kycuong"], "report", "summary", root, "--format", "json",
                                         "--today", TODAY], stdout=outputs["kycuong"], memory=True),
            "python": lambda: run_once([PYTHON, os.path.join(HERE, "summary", "mean_per_unit.py"), root],
                                       stdout=outputs["python"], memory=True),
        }
        if with_jq_and_cat:
            jq_program = ("reduce inputs as $a ({}; if $a.scores.overall == null then . "
                          "else .[$a.audit.unit.name] += [$a.scores.overall] end) | map_values(add / length)")
            contenders["jq"] = lambda: run_once(
                ["bash", "-c", f"find \"$1\" -name '*.json' -exec cat {{}} + | jq -n '{jq_program}'", "bash", root],
                stdout=outputs["jq"])
            contenders["cat"] = lambda: run_once(["find", root, "-name", "*.json", "-exec", "cat", "{}", "+"])
        return contenders, outputs

    @staticmethod
    def agreement(outputs, names):
        """Whether kycuong's mean score per unit equals the others' (to 1e-9), as summary/compare_figures.py."""
        with open(outputs["kycuong"], encoding="utf-8") as handle:
            summary = json.load(handle)
        kycuong = {u["key"]: u["meanScore"] for u in summary["units"]}
        problems = []
        for name in names:
            with open(outputs[name], encoding="utf-8") as handle:
                other = json.load(handle)
            if set(other) != set(kycuong):
                problems.append(f"{name}: units differ ({len(set(other) ^ set(kycuong))})")
            elif max(abs(kycuong[u] - other[u]) for u in kycuong) > 1e-9:
                problems.append(f"{name}: a mean differs by {max(abs(kycuong[u] - other[u]) for u in kycuong)}")
        audits = summary.get("audits") if isinstance(summary.get("audits"), int) else None
        return {"units": len(kycuong), "agree": not problems, "problems": problems, "audits": audits}

    def exports_root(self):
        return os.path.join(self.work, "exports")

    def row5(self):
        runs, count = CONFIG["runs"], CONFIG["summary_n"]
        root = os.path.join(self.exports_root(), "a")
        log(f"  generating {count} exports…")
        files, size, seconds = self.generate(root, count, CONFIG["seed"])
        self.state["row5"] = {"root": root, "count": count, "bytes": size}
        self.warm(root)
        contenders, outputs = self.summary_contenders(root, with_jq_and_cat=True)
        before = load()
        results = compare(contenders, runs)
        after = load()
        agreement = self.agreement(outputs, ["python", "jq"])
        if not agreement["agree"]:
            raise Failed("row 5: the figures disagree: " + "; ".join(agreement["problems"]))
        instructions = None
        small = CONFIG["callgrind_summary_n"]
        if CONFIG["callgrind"]:
            small_root = os.path.join(self.work, "exports-callgrind")
            small_files, _, _ = self.generate(small_root, small, CONFIG["seed"])
            self.warm(small_root)
            instructions = {
                "kycuong": callgrind("row5-kycuong", [self.bin["kycuong_profiled"], "report", "summary", small_root,
                                                      "--format", "json", "--today", TODAY]),
                "python": callgrind("row5-python", [PYTHON, os.path.join(HERE, "summary", "mean_per_unit.py"),
                                                    small_root]),
                "cat": callgrind("row5-cat", ["cat"] + sorted(small_files)),
            }
            shutil.rmtree(small_root, ignore_errors=True)
        return self.add({
            "row": 5, "measure": f"summary of {count:,} exports ({size / 1e6:.0f} MB)", "kind": "time",
            "results": results,
            "peers": [("python", "Python"), ("jq", "jq"), ("cat", "`cat`")],
            "target": {"python": ("≥ 5× faster than Python (≤ 0.2×)", 0.2), "cat": ("≤ 1.5× `cat`", 1.5)},
            "load": [before, after], "instructions": instructions,
            "instructions_note": f"on {small:,} exports (jq not counted: too slow under valgrind)",
            "generate_seconds": seconds, "bytes": size, "agreement": agreement,
            "note": f"`report summary DIR --format json`; Python: summary/mean_per_unit.py (json.load); jq: "
                    f"`find … -exec cat {{}} + | jq -n 'reduce inputs …'`; cat: `find … -exec cat {{}} + "
                    f">/dev/null`; warm page cache; the {agreement['units']} units' means agree to 1e-9; "
                    + cpu_note(results, ["kycuong", "python", "jq", "cat"]),
        })

    def row6(self):
        runs, count = CONFIG["memory_runs"], CONFIG["memory_n"]
        first = self.state.get("row5")
        root = self.exports_root()
        if first is None or first["count"] > count:
            shutil.rmtree(root, ignore_errors=True)
            log(f"  generating {count} exports…")
            _, size, seconds = self.generate(os.path.join(root, "a"), count, CONFIG["seed"])
            first = None
        else:
            # The same seed: the first exports are row 5's (samples depend on their index only); a second seed
            # would repeat some audit ids, which the summary counts once and Python twice.
            log(f"  generating {count} exports (the first {first['count']} are row 5's, kept once)…")
            whole = os.path.join(self.work, "exports-whole")
            files, _, seconds = self.generate(whole, count, CONFIG["seed"])
            os.makedirs(os.path.join(root, "b"))
            shared = 0
            for path in files:
                name = os.path.basename(path)
                earlier = os.path.join(first["root"], name)
                if os.path.exists(earlier):
                    if os.path.getsize(earlier) != os.path.getsize(path):
                        raise Failed(f"row 6: {name} differs from row 5's")
                    os.remove(path)
                    shared += 1
                else:
                    os.rename(path, os.path.join(root, "b", name))
            if shared != first["count"]:
                raise Failed(f"row 6: only {shared} of row 5's {first['count']} exports are among the first {count}")
            shutil.rmtree(whole, ignore_errors=True)
            size = sum(os.path.getsize(os.path.join(folder, name)) for folder in (first["root"], os.path.join(root, "b"))
                       for name in os.listdir(folder))
        self.warm(root)
        contenders, outputs = self.summary_contenders(root, with_jq_and_cat=False)
        before = load()
        results = compare(contenders, runs)
        after = load()
        agreement = self.agreement(outputs, ["python"])
        if not agreement["agree"]:
            raise Failed("row 6: the figures disagree: " + "; ".join(agreement["problems"]))
        growth, small_rss = {}, {}
        if first is not None:
            small = next(r for r in self.rows if r["row"] == 5)["results"]
            for name in ("kycuong", "python"):
                small_rss[name] = small[name]["rss_kib_median"]
                delta = results[name]["rss_kib_median"] - small[name]["rss_kib_median"]
                growth[name] = delta * 1024 / (count - first["count"]) / 1000  # KB per export
        return self.add({
            "row": 6, "measure": f"summary memory, {count:,} exports ({size / 1e9:.1f} GB)", "kind": "memory",
            "results": results, "peers": [("python", "Python")],
            "target": {"python": (f"flat (≤ 1.1× its peak at {first['count']:,})" if first else "flat", None)},
            "load": [before, after], "instructions": None, "growth_kb_per_export": growth,
            "small_count": first["count"] if first else None, "bytes": size, "generate_seconds": seconds,
            "agreement": agreement,
            "note": ("peak RSS of the process (/usr/bin/time's %M), median of the runs"
                     + (f"; growth from row 5's peak at {first['count']:,} exports (kycuong "
                        f"{fmt_mib(small_rss['kycuong'])}, Python {fmt_mib(small_rss['python'])})" if first else "")
                     + "; " + cpu_note(results, ["kycuong", "python"])),
        })


# Reporting ---------------------------------------------------------------------------------------------------


def cpu_note(results, names):
    """CPU time (user + system) of each contender, and for kycuong the cores it kept busy (CPU / wall)."""
    parts = [f"{name} {fmt_time(results[name]['cpu_median'])}" for name in names]
    cores = results["kycuong"]["cpu_median"] / results["kycuong"]["median"]
    return f"CPU time (medians): {', '.join(parts)}; kycuong kept {cores:.2f} cores busy"


def fmt_time(seconds):
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 0.01:
        return f"{seconds * 1000:.0f} ms"
    return f"{seconds * 1000:.1f} ms"


def fmt_mib(kib):
    return f"{kib / 1024:.0f} MiB" if kib >= 10240 else f"{kib / 1024:.1f} MiB"


def fmt_count(n):
    if n is None:
        return "—"
    if n >= 1e9:
        return f"{n / 1e9:.2f} G"
    if n >= 1e6:
        return f"{n / 1e6:.1f} M"
    return f"{n / 1e3:.0f} k"


def fmt_ratio(r):
    return f"{r:.2f}×" if r < 10 else (f"{r:.1f}×" if r < 100 else f"{r:,.0f}×")


def table_rows(row):
    """The Markdown lines of one benchmark row: one line per peer."""
    lines = []
    results = row["results"]
    mine = results["kycuong"]
    for index, (peer, label) in enumerate(row["peers"]):
        theirs = results[peer]
        if row["kind"] == "memory":
            ratio = mine["rss_kib_median"] / theirs["rss_kib_median"]
            mine_text = fmt_mib(mine["rss_kib_median"])
            peer_text = f"{label} {fmt_mib(theirs['rss_kib_median'])}"
            growth = row["growth_kb_per_export"].get("kycuong")
            target_text = row["target"][peer][0]
            if growth is not None:
                small = next(r for r in row_cache if r["row"] == 5)["results"]["kycuong"]["rss_kib_median"]
                met = mine["rss_kib_median"] <= small * 1.10
                ratio_text = (f"{fmt_ratio(ratio)}; grows {growth:.2f} KB/export "
                              f"(Python {row['growth_kb_per_export']['python']:.2f})")
            else:
                met, ratio_text = None, fmt_ratio(ratio)
        else:
            ratio = mine["median"] / theirs["median"]
            mine_text, peer_text, ratio_text = fmt_time(mine["median"]), f"{label} {fmt_time(theirs['median'])}", fmt_ratio(ratio)
            target = row["target"].get(peer)
            target_text = target[0] if target else "—"
            met = (ratio <= target[1]) if target else None
        instructions = row.get("instructions") or {}
        if instructions.get("kycuong") and instructions.get(peer):
            a, b = instructions["kycuong"]["instructions"], instructions[peer]["instructions"]
            instr_text = f"{fmt_count(a)} / {fmt_count(b)} ({fmt_ratio(a / b)})"
        elif instructions.get("kycuong") and index == 0:
            instr_text = f"{fmt_count(instructions['kycuong']['instructions'])} / —"
        else:
            instr_text = "—" if row["kind"] == "memory" else "not counted"
        measure = row["measure"] if index == 0 else "″"
        load_text = f"{row['load'][0][0]:.2f} → {row['load'][1][0]:.2f}" if index == 0 else ""
        lines.append(f"| {row['row'] if index == 0 else ''} | {measure} | {mine_text} | {peer_text} | {ratio_text} | "
                     f"{target_text} | {'yes' if met else ('no' if met is False else '—')} | {instr_text} | {load_text} |")
    return lines


row_cache = []


CONFIG_OF_RUN = dict(CONFIG)


def markdown(rows, machine, config, seconds, builds):
    row_cache[:] = rows
    CONFIG_OF_RUN.update(config)
    started = machine["started"]
    lines = [
        f"Run of {started} ({'quick' if config['quick'] else 'full'}), `make bench`: {seconds / 60:.1f} min in all "
        f"(release build {builds['kycuong']:.0f} s). {machine['nproc']} cores, load average (1, 5, 15 min) "
        f"{' '.join(map(str, machine['load_before']))} before, {' '.join(map(str, machine['load_after']))} after; "
        f"{machine['versions']['swift']}, sqlite3 {machine['versions']['sqlite3']}, {machine['versions']['jq']}, "
        f"Python {machine['versions']['python']}, {machine['versions']['valgrind']}, Linux "
        f"{machine['versions']['kernel']}; temporary files on {machine['fs']}. Medians of {config['runs']} "
        f"alternating runs ({config['memory_runs']} for memory); ratio = kycuong / peer. Instructions: "
        f"callgrind, one run each (`perf stat -e instructions`: {machine['versions']['perf_instructions']}).",
        "",
        "| # | measure | kycuong | peer | ratio now | target | met | instructions kycuong / peer | load 1-min before → after |",
        "|---|---|---:|---|---|---|---|---|---|",
    ]
    for row in rows:
        lines += table_rows(row)
    lines += ["", "Notes:"]
    for row in rows:
        note = row["note"]
        # Where the CPU time is known (not in a pty), it says what the wall time cannot when fsync or the load
        # dominate.
        cpus = [name for name, result in row["results"].items() if result["cpu_median"] > 0]
        if row["kind"] == "time" and "CPU time" not in note and "kycuong" in cpus:
            note += "; " + cpu_note(row["results"], cpus)
        text = f"- **{row['row']}.** {note}."
        if row.get("instructions_note") and row.get("instructions"):
            text += f" Instructions: {row['instructions_note']}."
        lines.append(text)
    profiled = [(row, name, info) for row in rows for name, info in (row.get("instructions") or {}).items()
                if name == "kycuong" and info]
    if profiled:
        lines += ["", "Where kycuong's instructions go (callgrind, inclusive cost, the largest first; "
                      "`callgrind_annotate .build-bench/callgrind/rowN-kycuong.out` for the whole profile):", ""]
        for row, _, info in profiled:
            top = info.get("top_inclusive") or []
            where = f", on {CONFIG_OF_RUN['callgrind_summary_n']:,} exports" if row["row"] == 5 else ""
            lines.append(f"- **{row['row']}. {row['measure']}** ({fmt_count(info['instructions'])}{where}): " + "; ".join(
                f"`{t['function']}` {t['percent']:.0f}%" for t in top))
            top_self = info.get("top_self") or []
            if top_self:
                lines.append("  - self cost: " + "; ".join(
                    f"`{t['function']}` {t['percent']:.1f}%" for t in top_self))
    return "\n".join(lines) + "\n"


def write_readme(text):
    with open(README, encoding="utf-8") as handle:
        current = handle.read()
    block = f"{BEGIN}\n{text}{END}"
    if BEGIN in current and END in current:
        head, rest = current.split(BEGIN, 1)
        tail = rest.split(END, 1)[1]
        updated = head + block + tail
    else:
        updated = current.rstrip("\n") + "\n\n" + block + "\n"
    with open(README, "w", encoding="utf-8") as handle:
        handle.write(updated)


def filesystem(path):
    try:
        kind = subprocess.run(["findmnt", "-no", "FSTYPE", "-T", path], capture_output=True, text=True).stdout.strip()
    except OSError:
        kind = ""
    return f"{path} ({kind or 'file system unknown'})"


def render(path):
    """Writes the table of an earlier run (its results.json) into Benchmarks/README.md again."""
    with open(path, encoding="utf-8") as handle:
        results = json.load(handle)
    rows = [{**row, "peers": [tuple(p) for p in row["peers"]]} for row in results["rows"]]
    text = markdown(rows, results["machine"], results["config"], results["seconds"], results["builds_seconds"])
    write_readme(text)
    log(text)


def main():
    if sys.argv[1:2] == ["--render"]:
        return render(sys.argv[2] if len(sys.argv) > 2 else os.path.join(OUT, "results.json"))
    started = datetime.datetime.now(datetime.timezone.utc)
    began = time.perf_counter()
    os.makedirs(OUT, exist_ok=True)
    binaries, builds = build()
    base = os.environ.get("BENCH_DIR") or tempfile.gettempdir()
    work = tempfile.mkdtemp(prefix="kycuong-bench-", dir=base)
    tempfile.tempdir = work  # ptyharness's Environment makes its folders here
    need = CONFIG["memory_n"] * 80_000 * 1.2 if 6 in CONFIG["rows"] else CONFIG["summary_n"] * 80_000 * 1.2
    free = shutil.disk_usage(work).free
    if free < need:
        sys.exit(f"run.py: {free / 1e9:.1f} GB free under {work}, about {need / 1e9:.1f} GB needed "
                 "(set BENCH_MEMORY_N / BENCH_SUMMARY_N lower, or BENCH_DIR elsewhere)")
    machine = {"started": started.strftime("%Y-%m-%d %H:%M UTC"), "nproc": os.cpu_count(),
               "load_before": load(), "versions": versions(binaries), "fs": filesystem(base)}
    log(f"kycuong benchmarks ({'quick' if QUICK else 'full'}): {CONFIG['runs']} runs a row, rows {CONFIG['rows']}; "
        f"nproc {machine['nproc']}, load {machine['load_before']}; work folder {work}")
    bench = Bench(binaries, work)
    try:
        for number in CONFIG["rows"]:
            row_began = time.perf_counter()
            log(f"row {number}…")
            row = getattr(bench, f"row{number}")()
            for info in (row.get("instructions") or {}).values():
                if info and info["file"].endswith("kycuong.out"):
                    info["top_inclusive"] = top_functions(info["file"], inclusive=True, limit=10)
                    info["top_self"] = top_functions(info["file"], inclusive=False, limit=6)
            row["seconds"] = time.perf_counter() - row_began
            for line in table_rows_safe(bench.rows, row):
                log("  " + line)
            log(f"  ({row['seconds']:.0f} s, load {row['load'][0]} → {row['load'][1]})")
    finally:
        if os.environ.get("BENCH_KEEP") != "1":
            shutil.rmtree(work, ignore_errors=True)
    machine["load_after"] = load()
    seconds = time.perf_counter() - began
    text = markdown(bench.rows, machine, CONFIG, seconds, builds)
    results = {"config": CONFIG, "machine": machine, "builds_seconds": builds, "seconds": seconds,
               "rows": [{**row, "peers": [list(p) for p in row["peers"]]} for row in bench.rows]}
    with open(os.path.join(OUT, "results.json"), "w", encoding="utf-8") as handle:
        json.dump(results, handle, ensure_ascii=False, indent=2)
    with open(os.path.join(OUT, "table.md"), "w", encoding="utf-8") as handle:
        handle.write(text)
    readme = os.environ.get("BENCH_README")
    if readme == "1" or (readme is None and not QUICK and CONFIG["rows"] == [1, 2, 3, 4, 5, 6]):
        write_readme(text)
        log(f"Table written into {os.path.relpath(README, ROOT)}.")
    log("")
    log(text)
    log(f"Raw figures: {os.path.relpath(os.path.join(OUT, 'results.json'), ROOT)}; {seconds / 60:.1f} min in all.")


def table_rows_safe(rows, row):
    row_cache[:] = rows
    return table_rows(row)


if __name__ == "__main__":
    try:
        main()
    except Failed as error:
        sys.exit(f"run.py: {error}")
