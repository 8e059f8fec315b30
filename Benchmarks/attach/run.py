#!/usr/bin/env python3
"""Benchmark (not a test) of attaching a large file (issue 11, F14): kycuong beside sha256sum and beside
sha256sum + cp + sync (the same work with the system's tools: read, hash, copy, make the copy durable), in one run,
alternating, several runs, medians.

    python3 Benchmarks/attach/run.py KYCUONG          # e.g. .build-release/release/kycuong
    SIZES=100,1023 RUNS=5 python3 Benchmarks/attach/run.py …

SIZES are MiB (default 100 and 1023, just under the 1 GiB limit). Each file is random bytes (os.urandom), written
once and read through the page cache by every tool alike, so the figures compare hashing and copying, not the
disk's read speed. kycuong's time is that of a piped session `start …`, `attach --general FILE`, `quit` minus
that of the same session without the attach (both medians), in a new store each run (so the copy is really
made and fsync'd). Prints a Markdown table; the machine's load is printed before and after.
"""

import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
# The store benchmark's isolated environment (HOME, XDG folders, the pinned checklists), shared, not copied.
_spec = importlib.util.spec_from_file_location("store_bench", os.path.join(HERE, "..", "store", "run.py"))
store_bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(store_bench)
environment = store_bench.environment
RUNS = int(os.environ.get("RUNS", "5"))
SIZES = [int(size) for size in os.environ.get("SIZES", "100,1023").split(",")]
START = 'start public-office-conduct --unit "UBND phường Hàng Bạc" --leader "Nguyễn Văn An" --members "" ' \
    '--visit surprise'


def load():
    with open("/proc/loadavg") as handle:
        return " ".join(handle.read().split()[:3])


def timed(argv, **kwargs):
    began = time.perf_counter()
    result = subprocess.run(argv, capture_output=True, **kwargs)
    elapsed = time.perf_counter() - began
    if result.returncode != 0:
        sys.exit(f"{argv[0]} failed ({result.returncode}): {result.stderr.decode(errors='replace')[-2000:]}")
    return elapsed, result.stdout.decode(errors="replace")


def kycuong_session(kycuong, work, attach):
    """One piped session in a new store; returns (seconds, stdout)."""
    folder = tempfile.mkdtemp(dir=work)
    try:
        script = START + "\n" + (f"attach --general {attach}\n" if attach else "") + "quit\n"
        return timed([kycuong], input=script.encode(), env=environment(folder))
    finally:
        shutil.rmtree(folder)


def system_tools(path, work):
    """sha256sum, then cp and sync of the copy: the floor of read + hash + durable copy with C tools."""
    copy = os.path.join(work, "copy.bin")
    began = time.perf_counter()
    digest = subprocess.run(["sha256sum", path], capture_output=True, check=True).stdout.split()[0].decode()
    subprocess.run(["cp", path, copy], check=True)
    subprocess.run(["sync", copy], check=True)
    elapsed = time.perf_counter() - began
    os.unlink(copy)
    return elapsed, digest


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    kycuong = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix="kycuong-attach-bench.")
    began_load = load()
    rows = []
    try:
        for mebibytes in SIZES:
            path = os.path.join(work, f"file-{mebibytes}.bin")
            with open(path, "wb") as handle:
                for _ in range(mebibytes):
                    handle.write(os.urandom(1 << 20))
            subprocess.run(["sha256sum", path], capture_output=True, check=True)  # into the page cache
            expected = subprocess.run(["sha256sum", path], capture_output=True, check=True).stdout.split()[0]
            samples = {"attach": [], "session": [], "sha256sum": [], "tools": []}
            for _ in range(RUNS):
                seconds, output = kycuong_session(kycuong, work, path)
                if expected.decode() not in output and expected.decode()[:12] not in output:
                    sys.exit(f"kycuong did not report the digest {expected.decode()}: {output[-1500:]}")
                samples["attach"].append(seconds)
                samples["session"].append(kycuong_session(kycuong, work, None)[0])
                began = time.perf_counter()
                subprocess.run(["sha256sum", path], capture_output=True, check=True)
                samples["sha256sum"].append(time.perf_counter() - began)
                samples["tools"].append(system_tools(path, work)[0])
            medians = {name: statistics.median(values) for name, values in samples.items()}
            attach = medians["attach"] - medians["session"]
            rows.append((mebibytes, attach, medians["sha256sum"], medians["tools"]))
            os.unlink(path)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{os.cpu_count()} cores; load average (1, 5, 15 min) before {began_load}, after {load()}; "
          f"medians of {RUNS} alternating runs.\n")
    print("| file | kycuong `attach` (read, SHA-256, copy, fsync) | `sha256sum` | `sha256sum` + `cp` + `sync` "
          "| attach ÷ sha256sum | attach ÷ tools |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for mebibytes, attach, sha256sum, tools in rows:
        print(f"| {mebibytes} MiB | {attach:.2f} s ({mebibytes / attach:.0f} MiB/s) | {sha256sum:.2f} s "
              f"({mebibytes / sha256sum:.0f} MiB/s) | {tools:.2f} s | {attach / sha256sum:.2f}× "
              f"| {attach / tools:.2f}× |")


if __name__ == "__main__":
    main()
