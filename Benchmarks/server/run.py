#!/usr/bin/env python3
"""Load and faults of the department server, on loopback (issue 16).

    Benchmarks/server/run.py [--audits N] [--clients C] [--drops P] [--postgres]
    Scripts/with-postgres.sh Benchmarks/server/run.py --postgres      # PostgreSQL ($KYCUONG_TEST_DATABASE_URL)

1. Load: C concurrent clients (threads, one registered leader device each, its own team) push N generated
   exports (`report generate-samples --seed 11`), each push signed here (RFC 9421, Python's `cryptography`).
   A fraction P of the attempts is dropped on purpose before the answer — half the body sent then the
   connection closed, or the whole request sent and the connection closed without reading — and retried
   with a fresh signature until the server answers. Counted: pushes answered 201 (archived) and 200 (already
   archived: a retry of a push the server had committed), requests per second, p50 / p99 latency of answered
   pushes, the server's peak RSS (VmHWM).
2. kill -9: 10 clients push 200 more; the server is killed with SIGKILL mid-way and started again on the same
   port; the clients retry until it answers. Every push answered before the kill must be in the archive.
3. The check: the archive holds exactly N + 200 audits, each archived by exactly one push (the server's request
   log has one `archived` line per audit), none lost, none duplicated.

KYCUONG names the binary (default: .build-release/release/kycuong when it exists, else the debug build).
"""

import argparse
import base64
import hashlib
import http.client
import json
import os
import random
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def binary():
    if os.environ.get("KYCUONG"):
        return os.path.abspath(os.environ["KYCUONG"])
    release = os.path.join(ROOT, ".build-release", "release", "kycuong")
    return release if os.path.exists(release) else os.path.join(ROOT, ".build", "debug", "kycuong")


BINARY = binary()


def kycuong(args, cwd, stdin=None):
    run = subprocess.run([BINARY] + args, cwd=cwd, input=stdin, capture_output=True, text=True, timeout=3600)
    if run.returncode != 0:
        raise SystemExit(f"kycuong {' '.join(args[:3])}…: exit {run.returncode}\n{run.stderr[-2000:]}")
    return run.stdout


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    def __init__(self, work, database, port):
        self.work, self.database, self.port, self.process = work, database, port, None

    def start(self):
        self.process = subprocess.Popen(
            [BINARY, "serve", "--port", str(self.port), "--database", self.database], cwd=self.work,
            stdout=subprocess.PIPE, stderr=open(os.path.join(self.work, "serve.err"), "a"), text=True)
        line = self.process.stdout.readline()
        if "listening on" not in line:
            raise SystemExit(f"the server did not start: {line!r}")
        return self

    def peak_rss_mib(self):
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        return 0.0

    def stop(self, kill=False):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
            self.process.wait(timeout=60)


class Device:
    """A registered leader device and its RFC 9421 signer."""

    def __init__(self, work, name, team, database):
        kycuong(["key", "generate", "--signer", name, "--out", f"{name}.key"], work)
        with open(os.path.join(work, f"{name}.key")) as handle:
            self.key = Ed25519PrivateKey.from_private_bytes(base64.b64decode(json.load(handle)["key"]))
        with open(os.path.join(work, f"{name}.key.pub")) as handle:
            self.key_id = hashlib.sha256(base64.b64decode(json.load(handle)["key"])).hexdigest()[:16]
        kycuong(["server", "device", "add", f"{name}.key.pub", "--team", team, "--role", "leader",
                 "--database", database], work)

    def headers(self, body):
        digest = "sha-256=:" + base64.b64encode(hashlib.sha256(body).digest()).decode() + ":"
        params = (f'("@method" "@path" "@query" "content-digest");created={int(time.time())};'
                  f'keyid="{self.key_id}";nonce="{secrets.token_urlsafe(16)}";alg="ed25519"')
        base = "\n".join(['"@method": POST', '"@path": /api/v1/audits', '"@query": ?',
                          f'"content-digest": {digest}', f'"@signature-params": {params}'])
        signature = base64.b64encode(self.key.sign(base.encode())).decode()
        return {"Content-Digest": digest, "Signature-Input": f"kycuong={params}",
                "Signature": f"kycuong=:{signature}:", "Content-Type": "application/json",
                "Content-Length": str(len(body))}


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.created = self.already = self.drops = self.refused = self.retries = 0
        self.latencies = []
        self.acknowledged = set()

    def add(self, **counts):
        with self.lock:
            for name, value in counts.items():
                setattr(self, name, getattr(self, name) + value)


def push(port, device, body, audit, tally, drops, rng, deadline):
    """Pushes `body` until the server answers 200 or 201; drops a fraction of the attempts on purpose."""
    while time.time() < deadline:
        headers = device.headers(body)
        try:
            if rng.random() < drops:
                connection = socket.create_connection(("127.0.0.1", port), timeout=30)
                head = "".join(f"{name}: {value}\r\n" for name, value in headers.items())
                request = f"POST /api/v1/audits HTTP/1.1\r\nHost: 127.0.0.1\r\n{head}\r\n".encode()
                whole = rng.random() < 0.5
                connection.sendall(request + (body if whole else body[: len(body) // 2]))
                connection.close()
                tally.add(drops=1, retries=1)
                continue
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            started = time.perf_counter()
            connection.request("POST", "/api/v1/audits", body=body, headers=headers)
            response = connection.getresponse()
            answer = response.read()
            elapsed = time.perf_counter() - started
            connection.close()
        except OSError:
            tally.add(retries=1)
            time.sleep(0.2)
            continue
        if response.status in (200, 201):
            with tally.lock:
                tally.latencies.append(elapsed)
                tally.acknowledged.add(audit)
                if response.status == 201:
                    tally.created += 1
                else:
                    tally.already += 1
            return
        tally.add(refused=1)
        raise SystemExit(f"push of {audit} refused: {response.status} {answer[:300]!r}")
    raise SystemExit(f"push of {audit}: no answer before the deadline")


def run_clients(port, devices, files, tally, drops, seed, deadline, during=None):
    threads = []
    for index, device in enumerate(devices):
        mine = files[index::len(devices)]

        def work(device=device, mine=mine, rng=random.Random(seed + index)):
            for path in mine:
                with open(path, "rb") as handle:
                    body = handle.read()
                push(port, device, body, os.path.basename(path)[:-5], tally, drops, rng, deadline)

        threads.append(threading.Thread(target=work))
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    if during:
        during()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--audits", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--drops", type=float, default=0.1)
    parser.add_argument("--postgres", action="store_true")
    options = parser.parse_args()
    work = tempfile.mkdtemp(prefix="kycuong-server-bench.")
    server = None
    try:
        database = os.environ["KYCUONG_TEST_DATABASE_URL"] if options.postgres else os.path.join(work, "a.sqlite")
        backend = "PostgreSQL" if options.postgres else "SQLite"
        samples = os.path.join(work, "samples")
        kycuong(["report", "generate-samples", samples, "--count", str(options.audits + 200), "--seed", "11"], work)
        files = sorted(os.path.join(samples, name) for name in os.listdir(samples))
        load_files, fault_files = files[: options.audits], files[options.audits:]
        devices = [Device(work, f"device-{i}", f"Đoàn {i}", database) for i in range(options.clients)]
        port = free_port()
        server = Server(work, database, port).start()
        load = os.getloadavg()[0]

        tally = Tally()
        wall = run_clients(port, devices, load_files, tally, options.drops, 1, time.time() + 3600)
        rss = server.peak_rss_mib()
        answered = tally.created + tally.already

        # kill -9 mid-push, then the same port again; clients retry until it answers.
        fault = Tally()
        acknowledged_before_kill = set()

        def kill_and_restart():
            nonlocal server
            while fault.created < len(fault_files) // 2:
                time.sleep(0.05)
            with fault.lock:
                acknowledged_before_kill.update(fault.acknowledged)
            server.stop(kill=True)
            time.sleep(1)
            server = Server(work, database, port).start()

        run_clients(port, devices[:10], fault_files, fault, 0.0, 2, time.time() + 3600, during=kill_and_restart)
        server.stop()

        listing = json.loads(kycuong(["archive", "list", "--database", database, "--format", "json"], work))
        archived_ids = [entry["audit"] for entry in listing]
        expected = {os.path.basename(path)[:-5] for path in files}
        # Each push the server archived is one line of its request log: an audit archived twice would be two.
        pushes = [line.split(" archived ", 1)[1].split(" ", 1)[0] for line in kycuong(
            ["server", "log", "--database", database, "--last", str(10 * len(files))], work).splitlines()
            if " archived " in line]
        lost = expected - set(archived_ids)
        duplicated = len(pushes) - len(set(pushes)) + len(archived_ids) - len(set(archived_ids))
        lost_acknowledged = acknowledged_before_kill - set(archived_ids)
        latencies = tally.latencies
        print(f"backend: {backend}; binary: {BINARY}; load before the run: {load:.2f}; cores: {os.cpu_count()}")
        print(f"load: {options.clients} clients, {options.audits} audits, drops {options.drops:.0%} of attempts")
        print(f"  pushes answered: {answered} ({tally.created} archived, {tally.already} already archived after a "
              f"dropped answer); drops injected: {tally.drops}; other retries: {tally.retries - tally.drops}")
        print(f"  wall {wall:.1f} s; {answered / wall:.1f} pushes/s; latency p50 {percentile(latencies, .5) * 1000:.0f} ms, "
              f"p99 {percentile(latencies, .99) * 1000:.0f} ms; server peak RSS {rss:.0f} MiB")
        print(f"kill -9: {len(acknowledged_before_kill)} pushes acknowledged before the kill, "
              f"{len(lost_acknowledged)} of them missing after the restart; {fault.created + fault.already} answered in all")
        print(f"archive: {len(archived_ids)} audits; lost {len(lost)}; duplicated {duplicated}")
        counts = kycuong(["archive", "init", "--database", database], work)
        documents = int(counts.split(" documents")[0].rsplit(" ", 1)[1])
        print(f"archive: {documents} documents; request log: {len(pushes)} pushes archived, "
              f"{len(set(pushes))} audits")
        ok = (not lost and not duplicated and not lost_acknowledged and len(archived_ids) == len(expected)
              and documents == len(expected) and set(pushes) == expected)
        print("result: " + ("0 lost, 0 duplicated" if ok else "FAILED"))
        sys.exit(0 if ok else 1)
    finally:
        if server:
            server.stop(kill=True)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
