#!/usr/bin/env python3
"""Benchmark (not a test) of the store with large and many logs (issue 11, F16): kycuong given one or more
binaries, each measured on the same stores, in alternation.

    python3 Benchmarks/store/run.py KYCUONG [KYCUONG …]     # e.g. a build of an older commit, then this one
    EVENTS=215000 RUNS=3 TIMEOUT=600 python3 Benchmarks/store/run.py …

The stores (in a temporary folder; KEEP=1 keeps it):
- big: a chained log of EVENTS events (about 100 MB for 215,000: answers with remarks and notes cycling over
  the pinned public-office-conduct, written here the way LogChain writes them), beside a small audit that
  kycuong itself started;
- many: 500 chained sample logs (`kycuong report generate-samples --logs`).

Each case is a piped session (or `verify`), timed with /usr/bin/time (wall, CPU, peak RSS). "cold" runs start
without the store's listing index (.index.json), "warm" ones after a run that left it.
"""

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PINNED = os.path.join(ROOT, "Scripts", "pty", "fixtures", "checklists")
EVENTS = int(os.environ.get("EVENTS", "215000"))
RUNS = int(os.environ.get("RUNS", "1"))
TIMEOUT = int(os.environ.get("TIMEOUT", "900"))
START = 'start public-office-conduct --unit "{unit}" --leader "Nguyễn Văn An" --members "" --visit surprise'


def environment(folder):
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env.update({"HOME": os.path.join(folder, "home"), "XDG_DATA_HOME": os.path.join(folder, "data"),
                "XDG_STATE_HOME": os.path.join(folder, "state"), "LANG": "C", "KYCUONG_CHECKLISTS": PINNED})
    os.makedirs(env["HOME"], exist_ok=True)
    return env


def audits(folder):
    return os.path.join(folder, "data", "kycuong", "audits")


def run(binary, folder, text=None, argv=None):
    """(wall s, CPU s, peak MiB, status) of one run."""
    timing = os.path.join(folder, "time.txt")
    command = ["/usr/bin/time", "-o", timing, "-f", "%e %U %S %M", "timeout", str(TIMEOUT), binary] + (argv or [])
    result = subprocess.run(command, input=(text or "").encode(), env=environment(folder),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=folder)
    with open(timing) as handle:
        wall, user, system, rss = handle.read().split()[-4:]
    return float(wall), float(user) + float(system), int(rss) / 1024, result.returncode


def chained_log(header_line, count, path):
    """`count` events: the started line given, then answers (remarks after the first round) and notes."""
    checklist = json.loads(header_line)["header"]["checklist"]
    items = [i for s in checklist["sections"] for i in s["items"]]
    triggers = {i["applicableWhen"]["item"] for i in items if i.get("applicableWhen", {}).get("item")}

    def outcome(item, n):
        kind = item["kind"]
        if kind == "text":
            return {"text": f"Ghi nhận lần {n}: bộ phận một cửa, có mặt {n % 13} người", "type": "text"}
        if kind == "check":
            return {"type": "pass" if item["id"] in triggers else ["pass", "fail", "partial"][n % 3]}
        if kind == "yesNo":
            return {"type": "yes"}
        if kind == "observation":
            return {"compliant": n % 12, "observed": 12, "type": "observation"}
        return {"type": "scale", "value": n % (item["max"] + 1)}

    def dumps(value):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()

    previous = header_line
    with open(path, "wb") as handle:
        handle.write(header_line + b"\n")
        for seq in range(2, count + 1):
            item = items[(seq - 2) % len(items)]
            event = {"by": "Nguyễn Văn An", "seq": seq, "v": 2, "prev": hashlib.sha256(previous).hexdigest(),
                     "time": "2026-11-21T09:%02d:%02dZ" % ((seq // 60) % 60, seq % 60)}
            if seq % 5 == 0:
                event.update({"type": "noted", "item": item["id"], "text": f"Ghi chú {seq}: ảnh chụp bàn tiếp nhận, 12 "
                              "cán bộ có mặt, 2 người không đeo thẻ, 1 người mặc sai quy định về trang phục"})
            else:
                event.update({"type": "answered", "item": item["id"], "outcome": outcome(item, seq)})
                if seq > len(items) + 1:
                    event["remark"] = (f"Sửa lần {seq}: kiểm tra lại sau khi đơn vị giải trình, xem sổ theo dõi và "
                                       "hỏi ba người dân đến làm thủ tục tại bộ phận một cửa")
            body = dumps(event)
            event["sum"] = hashlib.sha256(body).hexdigest()
            line = dumps(event)
            handle.write(line + b"\n")
            previous = line


def make_stores(binary, work):
    """The big and many stores, made once; each run gets a copy (so that no run sees another's index)."""
    big = os.path.join(work, "big")
    env = environment(big)
    subprocess.run([binary], input=(START.format(unit="UBND xã Nhỏ") + "\nđạt\n3/12\nquit\n").encode(),
                   env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    small_id = [n for n in os.listdir(audits(big)) if n.endswith(".jsonl")][0][: -len(".jsonl")]
    subprocess.run([binary], input=(START.format(unit="UBND phường Hàng Bạc") + "\nquit\n").encode(), env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    big_id = [n[: -len(".jsonl")] for n in os.listdir(audits(big)) if n.endswith(".jsonl") and small_id not in n][0]
    path = os.path.join(audits(big), big_id + ".jsonl")
    with open(path, "rb") as handle:
        header = handle.readline().rstrip(b"\n")
    chained_log(header, EVENTS, path)
    many = os.path.join(work, "many")
    os.makedirs(os.path.join(many, "data", "kycuong"), exist_ok=True)
    subprocess.run([binary, "report", "generate-samples", audits(many), "--count", "500", "--logs"], check=True)
    many_id = sorted(n for n in os.listdir(audits(many)) if n.endswith(".jsonl"))[0][: -len(".jsonl")]
    for folder in (big, many):
        for name in os.listdir(audits(folder)):
            if name.startswith(".index"):
                os.remove(os.path.join(audits(folder), name))
    return {"big": big, "many": many, "small_id": small_id, "big_id": big_id, "many_id": many_id,
            "big_bytes": os.path.getsize(path)}


def cases(stores):
    big, small, many = stores["big_id"], stores["small_id"], stores["many_id"]
    log = os.path.join(audits(stores["big"]), big + ".jsonl")
    return [
        ("resume a small audit beside the big log, cold", "big", f"resume {small}\nquit\n", None, True),
        ("resume a small audit beside the big log, warm", "big", f"resume {small}\nquit\n", None, False),
        ("resume the big log read-only", "big", f"resume {big} --read-only\nquit\n", None, False),
        ("resume the big log and export it", "big", f"resume {big}\nexport out.json\nquit\n", None, False),
        ("verify the big log", "big", None, ["verify", log], False),
        ("audits of 500 logs, cold", "many", "audits\nquit\n", None, True),
        ("audits of 500 logs, warm", "many", "audits\nquit\n", None, False),
        ("resume one of 500, warm", "many", f"resume {stores['many_id']} --read-only\nquit\n", None, False),
    ]


def main():
    binaries = [os.path.abspath(b) for b in sys.argv[1:]]
    if not binaries:
        sys.exit(__doc__)
    work = tempfile.mkdtemp(prefix="kycuong-store-bench-")
    try:
        stores = make_stores(binaries[-1], work)
        print(f"big log: {EVENTS:,} events, {stores['big_bytes'] / 1e6:.0f} MB; many: 500 sample logs; "
              f"load {os.getloadavg()[0]:.2f}")
        for name, store, text, argv, cold in cases(stores):
            for binary in binaries:
                figures = []
                for _ in range(RUNS):
                    copy = os.path.join(work, "run")
                    shutil.rmtree(copy, ignore_errors=True)
                    shutil.copytree(stores[store], copy, symlinks=True)
                    if not cold:
                        run(binary, copy, "audits\nquit\n")
                    if argv and argv[0] == "verify":
                        argv = ["verify", os.path.join(audits(copy), stores["big_id"] + ".jsonl")]
                    figures.append(run(binary, copy, text, argv))
                wall, cpu, rss, status = sorted(figures)[len(figures) // 2]
                print(f"{name:48} {os.path.basename(binary):16} {wall:8.2f} s wall {cpu:8.2f} s CPU "
                      f"{rss:7.0f} MiB  exit {status}", flush=True)
    finally:
        if os.environ.get("KEEP") != "1":
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
