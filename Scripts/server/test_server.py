#!/usr/bin/env python3
"""The department server as a team and a department use it (issue 16), against a real `kycuong serve` process:

1. A team audit on three devices, offline: the leader starts it and invites two members, who join from the
   invitation files; each records on their own store; two devices count BADGE-01 differently (a conflict);
   the leader merges, `finish` refuses, the leader resolves, finishes and exports.
2. The server, started on loopback on a free port over a fresh archive (SQLite in the temp dir, or the
   throwaway PostgreSQL database of Scripts/with-postgres.sh with --postgres): an admin registers the
   devices and the people; the leader's device pushes the export (`kycuong sync push`), again (idempotent),
   the member's and another team's devices are refused.
3. Hostile requests, signed here by an independent RFC 9421 signer (Python's `cryptography`): a valid one
   is accepted (the two implementations agree), then a replay, a changed body, a forged signature, a stale
   time, an unknown key, an oversized body, another team's audit, path traversal — each refused with its
   status, nothing stored, every refusal in the request log.
4. kill -9 of the server after an acknowledged push; after a restart the audit is there.
5. The dashboard: sign-in (wrong password refused), the review queue, the audit page (a unit named
   `<script>…` renders as text), a form without its CSRF token refused, a viewer cannot review, the admin
   approves; the leader's device then reads "approved" through the API.
6. The pages, saved, screenshotted by headless Chromium (when it is installed) into $OUT.
8. (Before 4.) A second team audit through the server while it goes on: the leader sends its log, a member
   joins from it and sends theirs, the leader pulls and merges; a member sending the leader's log, another
   team, a forked copy, a copy of another device's log under the wrong name are refused, an older copy changes
   nothing; the logs survive the kill -9.
7. TLS: a certificate made here for 127.0.0.1 by a throwaway CA; `serve --tls-cert --tls-key` refuses a key that
   is not the certificate's and a non-loopback host without TLS; over HTTPS the API answers a signed request,
   responses carry HSTS and the session cookie is Secure; plain HTTP on the TLS port gets no answer.

Usage: test_server.py KYCUONG_BINARY            (SQLite, in the temp dir)
       with-postgres.sh test_server.py KYCUONG_BINARY --postgres   ($KYCUONG_TEST_DATABASE_URL)
"""

import base64
import hashlib
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import ssl
import urllib.parse
import datetime
import ipaddress

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.x509.oid import NameOID
from jsonschema import Draft202012Validator

BINARY = os.path.abspath(sys.argv[1])
POSTGRES = sys.argv[2:] == ["--postgres"]
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.environ.get("OUT", os.path.join(ROOT, ".build", "server-check-postgres" if POSTGRES else "server-check"))
LEADER, BINH, CUONG = "Hoàng Văn Thụ", "Trần Thị Bình", "Lê Văn Cường"
UNIT = "UBND phường <script>alert(1)</script>"
PASSWORD = "mật-khẩu-đủ-dài-2026"
failures = []
API = {}  # the OpenAPI document, as the server serves it


def conforms(method, template, status, body, what):
    """Checks an answer's JSON against the schema the OpenAPI document gives that operation and status."""
    response = API["paths"][template][method.lower()]["responses"][str(status)]
    if "$ref" in response:
        response = API["components"]["responses"][response["$ref"].rsplit("/", 1)[-1]]
    media, spec = next(iter(response["content"].items()))
    schema = dict(spec["schema"], components=API["components"])
    errors = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in
              Draft202012Validator(schema).iter_errors(json.loads(body))] if media.endswith("json") else []
    check(not errors, f"{method} {template} {status} ({what}) is as the OpenAPI document describes it {errors[:2]}")


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)


def kycuong(args, cwd, stdin=None, expect=0):
    run = subprocess.run(
        [BINARY] + args, cwd=cwd, input=stdin, capture_output=True, text=True, timeout=300,
        env=dict(os.environ, NO_COLOR="1"))
    if expect is not None and run.returncode != expect:
        raise SystemExit(
            f"kycuong {' '.join(args)}: exit {run.returncode}, expected {expect}\n{run.stdout}\n{run.stderr}")
    return run


def session(store, inspector, script, cwd, expect=0):
    return kycuong(["audit", "--store", store, "--lang", "en", "--inspector", inspector], cwd, script, expect)


# 1. The team audit, offline ---------------------------------------------------------------------------------

def answers_for_every_item():
    """An answer for each item of the standard public-office-conduct checklist, by kind."""
    with open(os.path.join(ROOT, "Checklists", "public-office-conduct.json"), encoding="utf-8") as handle:
        checklist = json.load(handle)
    by_kind = {"text": "Bộ phận một cửa, 8 giờ 05, có mặt 12 người", "observation": "11/12", "check": "đạt",
               "yesNo": "có", "scale": "4"}
    return [(item["id"], by_kind[item["kind"]]) for section in checklist["sections"] for item in section["items"]]


def team_audit(work):
    stores = {name: os.path.join(work, name) for name in ("leader", "binh", "cuong")}
    start = session(
        stores["leader"], LEADER,
        f'start public-office-conduct --unit "{UNIT}" --address "Hà Nội" --leader "{LEADER}" '
        f'--members "{BINH}, {CUONG}" --visit scheduled --province "Hà Nội" --level commune --one-stop yes\n'
        + "\n" * 6, work)
    audit_id = re.search(r"Started audit (\S+):", start.stdout).group(1)
    for name, member in (("binh", BINH), ("cuong", CUONG)):
        kycuong(["audit", "invite", audit_id, "--member", member, "--store", stores["leader"], "-o",
                 f"{name}.json"], work)
        kycuong(["audit", "join", f"{name}.json", "--device", f"{name}-laptop", "--store", stores[name]], work)
    # Bình and Cường count the cards differently; Cường also checks the dress. The leader answers the rest.
    session(stores["binh"], BINH, f"resume {audit_id}\ngoto BADGE-01\nnote Ảnh chụp bàn tiếp nhận\n10/12\n", work)
    session(stores["cuong"], CUONG, f"resume {audit_id}\ngoto BADGE-01\n11/12\ngoto DRESS-01\n12/12\n", work)
    leader_script = f"resume {audit_id}\n" + "".join(
        f"goto {item}\n{answer}\n" for item, answer in answers_for_every_item()
        if item not in ("BADGE-01", "DRESS-01"))
    # Items that do not apply to this visit are refused (exit 1); every other answer is taken.
    session(stores["leader"], LEADER, leader_script, work, expect=None)
    binh_log, cuong_log = (os.path.join(stores[name], f"{audit_id}.jsonl") for name in ("binh", "cuong"))
    # Bình's log on the command line (no conflict yet), Cường's in the leader's REPL (the conflict).
    merge = kycuong(["audit", "merge", audit_id, binh_log, "--store", stores["leader"]], work)
    check("No conflict." in merge.stdout, "merging Bình's log alone finds no conflict")
    merge = session(stores["leader"], LEADER, f"resume {audit_id}\nmerge {cuong_log}\nfinish --yes\n", work,
                    expect=1)
    check("3 device log(s)" in merge.stdout and "1 conflict(s)" in merge.stdout,
          "the REPL's `merge` of Cường's log finds the one conflict (BADGE-01) among three devices")
    check(re.search(r"binh-laptop#\d+\s+Trần Thị Bình\s+\S+\s+10/12", merge.stdout) is not None
          and re.search(r"cuong-laptop#\d+\s+Lê Văn Cường\s+\S+\s+11/12", merge.stdout) is not None,
          "the conflict shows each device's answer with its recorder")
    check("note: Ảnh chụp bàn tiếp nhận" in merge.stdout, "…and Bình's note on the item")
    check(re.search(r"Cannot finish yet: 1 applicable item.*\n  BADGE-01 ", merge.stdout) is not None
          and "The devices answered BADGE-01 differently: `merge` shows them" in merge.stdout,
          "finish refuses while BADGE-01 is in conflict, and says what settles it")
    export = os.path.join(work, "team.json")
    resolved = session(
        stores["leader"], LEADER,
        f'resume {audit_id}\nresolve BADGE-01 10/12 --reason "Đếm lại cùng đại diện đơn vị"\nfinish --yes\n'
        f"export {export}\n", work)
    check("Resolved BADGE-01: 10/12 (settling binh-laptop#" in resolved.stdout,
          "the REPL's `resolve` settles both devices' answers")
    with open(export, encoding="utf-8") as handle:
        exported = json.load(handle)
    devices = [device["device"] for device in exported["integrity"]["devices"]]
    check(devices == ["binh-laptop", "cuong-laptop", "leader"], f"the export pins three devices' logs: {devices}")
    return audit_id, export


# 2. The server ----------------------------------------------------------------------------------------------

class Server:
    def __init__(self, work, database, *extra, trust=None):
        """`trust`: an ssl.SSLContext that trusts the server's certificate, when it serves HTTPS."""
        self.work, self.database, self.extra, self.trust = work, database, list(extra), trust
        self.process, self.port = None, None

    def start(self):
        self.process = subprocess.Popen(
            [BINARY, "serve", "--port", "0", "--database", self.database] + self.extra, cwd=self.work,
            stdout=subprocess.PIPE, stderr=open(os.path.join(self.work, "serve.err"), "a"), text=True)
        line = self.process.stdout.readline()
        scheme = "https" if self.trust else "http"
        match = re.search(scheme + r"://127\.0\.0\.1:(\d+)", line)
        if not match:
            raise SystemExit(f"the server did not start: {line!r}")
        self.port = int(match.group(1))
        return self

    @property
    def url(self):
        return f"{'https' if self.trust else 'http'}://127.0.0.1:{self.port}"

    def request(self, method, target, body=b"", headers=None):
        if self.trust:
            connection = http.client.HTTPSConnection("127.0.0.1", self.port, timeout=30, context=self.trust)
        else:
            connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        connection.request(method, target, body=body, headers=headers or {})
        response = connection.getresponse()
        data = response.read()
        headers = dict(response.getheaders())
        # Every cookie set, in order (a dict of the headers keeps only the last Set-Cookie).
        headers["Set-Cookie"] = response.msg.get_all("Set-Cookie") or []
        connection.close()
        return response.status, headers, data

    def stop(self, kill=False):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
            self.process.wait(timeout=30)
        return self.process.returncode


def read_private_key(path):
    with open(path, encoding="utf-8") as handle:
        file = json.load(handle)
    return Ed25519PrivateKey.from_private_bytes(base64.b64decode(file["key"]))


def key_id(public_path):
    with open(public_path, encoding="utf-8") as handle:
        raw = base64.b64decode(json.load(handle)["key"])
    return hashlib.sha256(raw).hexdigest()[:16]


def signed_headers(private_key, kid, method, target, body, created=None, nonce=None):
    """RFC 9421 over @method @path @query content-digest, written here from the RFC, not from kycuong."""
    path, _, query = target.partition("?")
    digest = "sha-256=:" + base64.b64encode(hashlib.sha256(body).digest()).decode() + ":"
    params = (f'("@method" "@path" "@query" "content-digest");created={created or int(time.time())};'
              f'keyid="{kid}";nonce="{nonce or secrets.token_urlsafe(16)}";alg="ed25519"')
    base = "\n".join([f'"@method": {method}', f'"@path": {path}', f'"@query": ?{query}',
                      f'"content-digest": {digest}', f'"@signature-params": {params}'])
    signature = base64.b64encode(private_key.sign(base.encode())).decode()
    return {"Content-Digest": digest, "Signature-Input": f"kycuong={params}", "Signature": f"kycuong=:{signature}:"}


def make_certificates(folder):
    """A throwaway CA, a server certificate it issues for 127.0.0.1 and localhost, and a key that is not it."""
    now = datetime.datetime.now(datetime.timezone.utc)

    def write(name, data):
        path = os.path.join(folder, name)
        with open(path, "wb") as handle:
            handle.write(data)
        return path

    def pem_key(key):
        return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                 serialization.NoEncryption())

    ca_key, server_key, stray_key = (ec.generate_private_key(ec.SECP256R1()) for _ in range(3))
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Sở Nội vụ — CA thử")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
          .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(minutes=5))
          .not_valid_after(now + datetime.timedelta(days=1))
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .sign(ca_key, hashes.SHA256()))
    leaf = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
            .issuer_name(ca_name).public_key(server_key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")]), critical=False)
            .sign(ca_key, hashes.SHA256()))
    return {
        "ca": write("ca.pem", ca.public_bytes(serialization.Encoding.PEM)),
        "cert": write("server.pem", leaf.public_bytes(serialization.Encoding.PEM)),
        "key": write("server.key", pem_key(server_key)),
        "stray": write("stray.key", pem_key(stray_key)),
    }


def tls_checks(work, database, keys, audit_id):
    print("-- TLS")
    files = make_certificates(work)

    def serve(*args):
        return subprocess.run([BINARY, "serve", "--port", "0", "--database", database] + list(args), cwd=work,
                              capture_output=True, text=True, timeout=60)

    refused = serve("--host", "0.0.0.0")
    check(refused.returncode != 0 and "--tls-cert" in refused.stderr,
          f"without a certificate the server refuses a non-loopback host ({refused.returncode})")
    refused = serve("--tls-cert", files["cert"])
    check(refused.returncode != 0 and "--tls-key" in refused.stderr, "--tls-cert without --tls-key is refused")
    refused = serve("--tls-cert", files["cert"], "--tls-key", files["stray"])
    check(refused.returncode != 0 and "stray.key" in refused.stderr and "is not the key" in refused.stderr,
          f"a key that is not the certificate's is refused at start: {refused.stderr.strip()[:160]}")
    refused = serve("--tls-cert", files["key"], "--tls-key", files["key"])
    check(refused.returncode != 0 and "server.key" in refused.stderr,
          f"a file that is not a certificate is refused at start: {refused.stderr.strip()[:160]}")
    trust = ssl.create_default_context(cafile=files["ca"])
    server = Server(work, database, "--tls-cert", files["cert"], "--tls-key", files["key"], trust=trust).start()
    try:
        status, headers, body = server.request("GET", "/api/v1/health")
        check(status == 200 and json.loads(body)["status"] == "ok", "over HTTPS the health check answers")
        check(headers.get("Strict-Transport-Security") == "max-age=31536000", "responses over TLS carry HSTS")
        leader_key, leader_id = read_private_key(keys["leader"]), key_id(keys["leader"] + ".pub")
        target = "/api/v1/audits"
        status, _, body = server.request("GET", target, headers=signed_headers(leader_key, leader_id, "GET", target, b""))
        check(status == 200 and audit_id in body.decode(), "a signed request over HTTPS lists the team's audit")
        status, headers, page = server.request("GET", "/login")
        csrf = re.search(rb'name="csrf" value="([^"]+)"', page).group(1).decode()
        form = urllib.parse.urlencode({"csrf": csrf, "name": "lan", "password": PASSWORD}).encode()
        status, headers, _ = server.request("POST", "/login", form, {
            "Content-Type": "application/x-www-form-urlencoded", "Cookie": headers["Set-Cookie"][0].split(";")[0]})
        cookie = next((c for c in headers["Set-Cookie"] if c.startswith("kycuong_session=")), "")
        check(status == 303 and "Secure" in cookie and "HttpOnly" in cookie,
              f"signed in over HTTPS, the session cookie is Secure ({status})")
        try:
            plain = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
            plain.request("GET", "/api/v1/health")
            answer = plain.getresponse().status
        except (OSError, http.client.HTTPException):
            answer = None
        check(answer is None, f"plain HTTP on the TLS port gets no HTTP answer ({answer})")
        # kycuong's own client (AsyncHTTPClient over swift-nio-ssl) trusts the system's store, where a department
        # installs its CA; here the store is replaced by the test CA in a private mount namespace, the machine's untouched.
        if subprocess.run(["unshare", "--mount", "true"], capture_output=True).returncode == 0:
            store = "/etc/ssl/certs/ca-certificates.crt"
            listing = subprocess.run(
                ["unshare", "--mount", "sh", "-c", f'mount --bind "$1" {store} && shift && exec "$@"', "sh",
                 files["ca"], BINARY, "sync", "audits", "--server", server.url, "--key", keys["leader"]],
                cwd=work, capture_output=True, text=True, timeout=120)
            check(listing.returncode == 0 and audit_id in listing.stdout,
                  f"kycuong sync lists the team's audits over HTTPS, trusting the CA in the system store "
                  f"({listing.returncode} {listing.stderr.strip()[:120]})")
        else:
            print("(unshare --mount is not permitted here: kycuong's own client over HTTPS not exercised)")
        untrusting = Server(work, database, trust=ssl.create_default_context())
        untrusting.port = server.port
        try:
            untrusting.request("GET", "/api/v1/health")
            verified = False
        except ssl.SSLCertVerificationError:
            verified = True
        check(verified, "a client that does not trust the department's CA refuses the certificate")
        check(server.stop() == 0, "the TLS server stops on SIGTERM with status 0")
    finally:
        server.stop(kill=True)


def team_logs_through_server(work, server, keys, database):
    """Section 8: returns the audit's id, whose two device logs the server then holds."""
    print("-- device logs through the server")
    stores = {name: os.path.join(work, name) for name in ("leader2", "binh2", "binh2-fork")}

    def sync(args, key, expect=0):
        return kycuong(["sync"] + args + ["--server", server.url, "--key", keys[key]], work, expect=expect)

    start = session(
        stores["leader2"], LEADER,
        f'start public-office-conduct --unit "UBND phường Tràng Tiền" --address "Hà Nội" --leader "{LEADER}" '
        f'--members "{BINH}" --visit surprise --province "Hà Nội" --level commune --one-stop yes\n' + "\n" * 6, work)
    audit_id = re.search(r"Started audit (\S+):", start.stdout).group(1)
    early = sync(["join", audit_id, "--member", BINH, "--store", stores["binh2"]], "member", expect=1)
    check("404 not-found" in early.stderr, "a member cannot join before the leader's log is on the server")
    kycuong(["audit", "invite", audit_id, "--member", BINH, "--store", stores["leader2"], "-o", "unused.json"], work)
    sent = sync(["push-log", audit_id, "--store", stores["leader2"]], "leader")
    check("stored on the server (Đoàn 1)" in sent.stdout, f"the leader sends its log: {sent.stdout.strip()}")
    again = sync(["push-log", audit_id, "--store", stores["leader2"]], "leader")
    check("already on the server" in again.stdout, "sending it again stores nothing")
    stranger = sync(["join", audit_id, "--member", CUONG, "--store", stores["binh2"]], "member", expect=1)
    check("does not invite" in stranger.stderr, "someone the leader did not invite cannot join from the server")
    joined = sync(["join", audit_id, "--member", BINH, "--device", "binh-tablet", "--store", stores["binh2"]], "member")
    check("Joined audit" in joined.stdout and "binh-tablet" in joined.stdout, "the member joins from the server")
    shutil.copytree(stores["binh2"], stores["binh2-fork"])
    session(stores["binh2"], BINH, f"resume {audit_id}\ngoto BADGE-01\n10/12\n", work)
    session(stores["binh2-fork"], BINH, f"resume {audit_id}\ngoto BADGE-01\n11/12\n", work)
    sent = sync(["push-log", audit_id, "--store", stores["binh2"]], "member")
    check("device binh-tablet's log (3 lines): stored" in sent.stdout, f"the member sends its log: {sent.stdout.strip()}")
    forked = sync(["push-log", audit_id, "--store", stores["binh2-fork"]], "member", expect=1)
    check("409 forked" in forked.stderr, "another copy of the device that recorded differently is refused (409)")
    other = sync(["push-log", audit_id, "--store", stores["binh2"]], "other", expect=1)
    check("403 other-team" in other.stderr, "another team's device cannot send into the audit")
    leaders = sync(["push-log", audit_id, "--store", stores["leader2"]], "member", expect=1)
    check("403 forbidden" in leaders.stderr, "a member's device cannot send the leader's log")
    with open(os.path.join(stores["binh2"], f"{audit_id}.jsonl"), "rb") as handle:
        binh_log = handle.read()
    member_key, member_id = read_private_key(keys["member"]), key_id(keys["member"] + ".pub")
    older = b"".join(binh_log.splitlines(keepends=True)[:2])
    target = f"/api/v1/audits/{audit_id}/logs/binh-tablet"
    status, _, body = server.request("PUT", target, older, signed_headers(member_key, member_id, "PUT", target, older))
    check(status == 200 and json.loads(body)["outcome"] == "behind",
          f"an older copy of the member's log changes nothing ({status} {body[:80]!r})")
    conforms("PUT", "/api/v1/audits/{id}/logs/{device}", 200, body, "an older copy")
    target = f"/api/v1/audits/{audit_id}/logs/leader"
    status, _, body = server.request("PUT", target, binh_log, signed_headers(member_key, member_id, "PUT", target, binh_log))
    check(status == 422 and json.loads(body)["title"] == "refused-device",
          f"a member's log sent as the leader's is refused ({status})")
    conforms("PUT", "/api/v1/audits/{id}/logs/{device}", 422, body, "the wrong device")
    target = f"/api/v1/audits/{audit_id}/logs/binh-tablet"
    status, headers, body = server.request("GET", target, headers=signed_headers(member_key, member_id, "GET", target, b""))
    digest = "sha-256=:" + base64.b64encode(hashlib.sha256(binh_log).digest()).decode() + ":"
    check(status == 200 and body == binh_log and headers.get("Content-Digest") == digest,
          f"the member's log comes back byte for byte, with its Content-Digest ({status})")
    pulled = sync(["pull-logs", audit_id, "--store", stores["leader2"]], "leader")
    check("binh-tablet" in pulled.stdout, f"the leader pulls and merges the member's log: {pulled.stdout.strip()[:200]}")
    pulled = sync(["pull-logs", audit_id, "--store", stores["leader2"]], "leader")
    check(pulled.returncode == 0, "pulling again merges nothing new")
    shown = kycuong(["audit", "merge", audit_id, "--store", stores["leader2"]], work).stdout
    check(re.search(r"binh-tablet\s+Trần Thị Bình\s+3 events", shown) is not None and "No conflict." in shown,
          f"the leader's merged audit holds the member's three events: {shown.strip()[:240]}")
    # The REPL sends by itself when a server is configured: with the server unreachable the answer is taken
    # all the same and waits on disk; the next session, with the server there, sends it (`sync` says so).
    unreachable = kycuong(["audit", "--store", stores["binh2"], "--lang", "en", "--inspector", BINH,
                           "--server", "http://127.0.0.1:9", "--key", keys["member"]], work,
                          f"resume {audit_id}\ngoto DRESS-01\n12/12\n")
    check("not yet on the server" in unreachable.stderr,
          f"offline, the REPL takes the answer and says it is not yet sent: {unreachable.stderr.strip()[:160]}")
    with open(os.path.join(stores["binh2"], f"{audit_id}.sent"), encoding="utf-8") as handle:
        check(handle.read().strip() == "3", "the store remembers that the server holds 3 of the log's lines")
    online = kycuong(["audit", "--store", stores["binh2"], "--lang", "en", "--inspector", BINH,
                      "--server", server.url, "--key", keys["member"]], work,
                     f"resume {audit_id}\ngoto CONTEXT-01\nBộ phận một cửa, 8 giờ 05\nsync\n")
    check("not yet on the server" not in online.stderr, f"online, the REPL sends: {online.stderr.strip()[:160]}")
    logs_target = f"/api/v1/audits/{audit_id}/logs"
    status, _, body = server.request("GET", logs_target, headers=signed_headers(
        member_key, member_id, "GET", logs_target, b""))
    held = {entry["device"]: entry["lineCount"] for entry in json.loads(body)}
    with open(os.path.join(stores["binh2"], f"{audit_id}.jsonl"), "rb") as handle:
        lines = handle.read().count(b"\n")
    check(held.get("binh-tablet") == lines == 5,
          f"the server holds all {lines} lines of the member's log, both sessions' answers ({held})")
    # The leader's REPL pulls as it sends: `sync` fetches the member's new lines and merges them.
    leader_sync = kycuong(["audit", "--store", stores["leader2"], "--lang", "en", "--inspector", LEADER,
                           "--server", server.url, "--key", keys["leader"]], work, f"resume {audit_id}\nsync\nsync\n")
    check("Merged the logs of binh-tablet: 2 new event(s)." in leader_sync.stdout
          and "binh-tablet: 0 new event(s)" in leader_sync.stdout,
          "the leader's `sync` in the REPL merges the member's two new events, once")
    shown = kycuong(["audit", "merge", audit_id, "--store", stores["leader2"]], work).stdout
    check(re.search(r"binh-tablet\s+Trần Thị Bình\s+5 events", shown) is not None,
          "the leader's store holds all five of the member's events")
    log = kycuong(["server", "log", "--database", database, "--last", "50"], work).stdout
    check("created device binh-tablet's log" in log and "forked" in log,
          "the request log holds the member's log and the refused fork")
    return audit_id


def published_checklists(work, server, keys, database):
    """Section 9: the department publishes checklist versions; a device takes the newest of each into its folder."""
    print("-- published checklists")

    def sync(args, key, expect=0):
        return kycuong(["sync"] + args + ["--server", server.url, "--key", keys[key]], work, expect=expect)

    def publish(files, expect=0):
        return kycuong(["server", "checklist", "publish", *files, "--by", "lan", "--database", database], work,
                       expect=expect)

    def write(path, document):
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(document, handle, ensure_ascii=False, indent=2)
        return path

    def read(path):
        with open(path, "rb") as handle:
            return handle.read()

    standard = os.path.join(ROOT, "Checklists", "public-office-conduct.json")
    with open(standard, encoding="utf-8") as handle:
        conduct = json.load(handle)
    major, minor, patch = map(int, conduct["version"].split("."))
    newer_version = f"{major}.{minor + 1}.{patch}"
    folder = os.path.join(work, "published")
    os.makedirs(folder)
    listed = sync(["checklists"], "member")
    check(listed.stdout.strip() == "", "before anything is published the server lists no checklist")
    # The audit pushed earlier used the standard version: other content under that version is refused.
    edited = write(os.path.join(folder, "edited.json"),
                   dict(conduct, description=dict(conduct["description"], vi="Phiên bản sửa tay")))
    refused = publish([edited], expect=1)
    check("audits in the archive used public-office-conduct" in refused.stderr,
          f"content other than an archived audit's, under its version, is refused: {refused.stderr.strip()[:160]}")
    invalid = write(os.path.join(folder, "invalid.json"), dict(conduct, version="2.x", sections=[]))
    refused = publish([invalid], expect=1)
    check("is not a valid checklist" in refused.stderr and "version" in refused.stderr,
          f"an invalid checklist is refused with its issues: {refused.stderr.strip()[:160]}")
    newer = write(os.path.join(folder, "newer.json"), dict(
        conduct, version=newer_version,
        description=dict(conduct["description"], vi=conduct["description"]["vi"] + " Bản cập nhật của Sở.")))
    published = publish([standard, newer])
    check(f"published public-office-conduct {conduct['version']}" in published.stdout
          and f"published public-office-conduct {newer_version}" in published.stdout,
          f"the admin publishes the standard version and a newer one: {published.stdout.strip()[:200]}")
    again = publish([newer])
    check("was published already, with this content, by lan" in again.stdout, "publishing them again changes nothing")
    replaced = publish([write(os.path.join(folder, "replaced.json"), dict(
        conduct, version=newer_version, description=dict(conduct["description"], vi="Khác")))], expect=1)
    check("is never replaced" in replaced.stderr, "other content under a published version is refused")
    draft = dict(conduct, version=f"{major}.{minor}.{patch + 1}")
    # The device's folder: a copy of the standard checklist (replaceable) and a local draft of the same id.
    device = os.path.join(work, "device-checklists")
    os.makedirs(device)
    shutil.copy(standard, device)
    write(os.path.join(device, "draft.json"), draft)
    kept = sync(["checklists", "--into", device], "member", expect=1)
    check("draft.json and public-office-conduct.json both hold public-office-conduct" in kept.stderr
          and read(os.path.join(device, "public-office-conduct.json")) == read(standard),
          f"two local files with the published id: nothing is replaced, both are named: {kept.stderr.strip()[:200]}")
    os.remove(os.path.join(device, "public-office-conduct.json"))
    kept = sync(["checklists", "--into", device], "member", expect=1)
    check("which the server never published: it is kept" in kept.stderr
          and json.loads(read(os.path.join(device, "draft.json")))["version"] == draft["version"],
          "a local version the server never published is kept, not replaced")
    os.remove(os.path.join(device, "draft.json"))
    shutil.copy(standard, device)
    pulled = sync(["checklists", "--into", device], "member")
    check(f"replaced {conduct['version']} with public-office-conduct {newer_version}" in pulled.stdout
          and read(os.path.join(device, "public-office-conduct.json")) == read(newer),
          f"the standard copy is replaced by the newest published version, byte for byte: {pulled.stdout.strip()}")
    pulled = sync(["checklists", "--into", device], "member")
    check("up to date" in pulled.stdout, "pulling again changes nothing")
    fresh = os.path.join(work, "fresh-device")
    sync(["checklists", "--into", fresh], "leader")
    validated = kycuong(["validate", fresh], work)
    check(f"public-office-conduct {newer_version}" in validated.stdout and len(os.listdir(fresh)) == 1,
          f"a fresh device's folder holds the newest version, valid: {validated.stdout.strip()}")
    store = os.path.join(work, "published-store")
    started = kycuong(
        ["audit", "--store", store, "--lang", "en", "--inspector", LEADER, "--checklists", fresh], work,
        f'start public-office-conduct --unit "UBND xã Sóc Sơn" --address "Hà Nội" --leader "{LEADER}" '
        '--visit surprise --province "Hà Nội" --level commune --one-stop yes\n' + "\n" * 8)
    audit_log = next(name for name in os.listdir(store) if name.endswith(".jsonl"))
    first = json.loads(read(os.path.join(store, audit_log)).splitlines()[0])
    check("Started audit" in started.stdout and f'"version":"{newer_version}"' in json.dumps(first, separators=(",", ":")),
          "an audit started from the folder records the published version in its log")
    revoked = sync(["checklists"], "revoked", expect=1)
    check("401 unknown-key" in revoked.stderr, "a revoked device cannot list the published checklists")
    member_key, member_id = read_private_key(keys["member"]), key_id(keys["member"] + ".pub")
    target = "/api/v1/checklists"
    status, _, body = server.request("GET", target, headers=signed_headers(member_key, member_id, "GET", target, b""))
    entries = json.loads(body)
    check(status == 200 and [(e["checklistID"], e["version"]) for e in entries][:1] == [
        ("public-office-conduct", newer_version)] and len(entries) == 2, f"GET {target} lists both versions ({status})")
    conforms("GET", "/api/v1/checklists", 200, body, "the published checklists")
    target = f"/api/v1/checklists/public-office-conduct/{newer_version}"
    status, headers, body = server.request("GET", target, headers=signed_headers(member_key, member_id, "GET", target, b""))
    digest = "sha-256=:" + base64.b64encode(hashlib.sha256(read(newer)).digest()).decode() + ":"
    check(status == 200 and body == read(newer) and headers.get("Content-Digest") == digest,
          f"the published file comes back byte for byte, with its Content-Digest ({status})")
    target = "/api/v1/checklists/public-office-conduct/9.9.9"
    status, _, body = server.request("GET", target, headers=signed_headers(member_key, member_id, "GET", target, b""))
    check(status == 404, f"a version never published is not found ({status})")
    conforms("GET", "/api/v1/checklists/{id}/{version}", 404, body, "never published")
    listing = kycuong(["server", "checklist", "list", "--database", database], work).stdout
    check(listing.startswith(f"public-office-conduct  {newer_version}") or newer_version in listing.splitlines()[0],
          f"the admin lists the published versions: {listing.strip()[:200]}")


def audit_count(work, database):
    listing = kycuong(["archive", "list", "--database", database, "--format", "json"], work)
    return len(json.loads(listing.stdout))


def main():
    work = tempfile.mkdtemp(prefix="kycuong-server-check.")
    server = None
    try:
        audit_id, export = team_audit(work)
        database = os.environ["KYCUONG_TEST_DATABASE_URL"] if POSTGRES else os.path.join(work, "archive.sqlite")
        backend = "PostgreSQL" if database.startswith("postgres") else "SQLite"
        print(f"-- the server on {backend}")
        keys = {}
        for name in ("leader", "member", "other", "revoked"):
            kycuong(["key", "generate", "--signer", name, "--out", f"{name}.key"], work)
            keys[name] = os.path.join(work, f"{name}.key")
        for name, team, role in (("leader", "Đoàn 1", "leader"), ("member", "Đoàn 1", "member"),
                                 ("other", "Đoàn 2", "leader"), ("revoked", "Đoàn 1", "leader")):
            kycuong(["server", "device", "add", keys[name] + ".pub", "--team", team, "--role", role,
                     "--database", database], work)
        kycuong(["server", "device", "revoke", key_id(keys["revoked"] + ".pub"), "--database", database], work)
        kycuong(["server", "person", "add", "lan", "--role", "admin", "--database", database], work,
                PASSWORD + "\n")
        kycuong(["server", "person", "add", "xem", "--role", "viewer", "--database", database], work,
                PASSWORD + "\n")
        server = Server(work, database, "--maximum-body-mib", "1").start()
        status, _, health = server.request("GET", "/api/v1/health")
        check(status == 200 and json.loads(health)["status"] == "ok", "GET /api/v1/health answers without a signature")
        status, _, document = server.request("GET", "/api/v1/openapi.json")
        check(status == 200 and "/api/v1/audits" in json.loads(document)["paths"], "the OpenAPI document is served")
        API.update(json.loads(document))
        conforms("GET", "/api/v1/health", 200, health, "health")

        def sync(args, key, expect=0):
            return kycuong(["sync"] + args + ["--server", server.url, "--key", keys[key]], work, expect=expect)

        pushed = sync(["push", export], "leader")
        check(f"archived as {audit_id} (Đoàn 1)" in pushed.stdout, "the leader's device pushes the team's export")
        again = sync(["push", export], "leader")
        check("already on the server" in again.stdout, "the same push again archives nothing new")
        check(audit_count(work, database) == 1, "one audit in the archive after two pushes")
        member = sync(["push", export], "member", expect=1)
        check("403 forbidden" in member.stderr, "a member's device may not push")
        other = sync(["push", export], "other", expect=1)
        check("403 other-team" in other.stderr, "another team's leader may not push into this audit")
        revoked = sync(["audits"], "revoked", expect=2)
        check("401 unknown-key" in revoked.stderr, "a revoked device is refused")
        listing = sync(["audits"], "other")
        check(audit_id not in listing.stdout, "another team's device does not see the audit")

        # 3. Hostile requests, signed by this script's own RFC 9421 signer.
        print("-- hostile requests")
        leader_key, leader_id = read_private_key(keys["leader"]), key_id(keys["leader"] + ".pub")
        target = "/api/v1/audits"
        headers = signed_headers(leader_key, leader_id, "GET", target, b"")
        status, _, body = server.request("GET", target, headers=headers)
        check(status == 200 and audit_id in body.decode(), "a request signed by an independent RFC 9421 signer is accepted")
        conforms("GET", "/api/v1/audits", 200, body, "the team's audits")
        status, _, body = server.request("GET", target, headers=headers)
        check(status == 401 and json.loads(body)["title"] == "replayed", f"the same request again is a replay ({status})")
        conforms("GET", "/api/v1/audits", 401, body, "a replay")
        with open(export, "rb") as handle:
            export_bytes = handle.read()
        headers = signed_headers(leader_key, leader_id, "POST", target, export_bytes)
        status, _, body = server.request("POST", target, export_bytes.replace(b'"unit"', b'"unit" ', 1), headers)
        check(status == 401 and json.loads(body)["title"] == "digest", f"a changed body is refused ({status})")
        headers = signed_headers(leader_key, leader_id, "GET", target, b"")
        forged = headers["Signature"][:12] + ("A" if headers["Signature"][12] != "A" else "B") + headers["Signature"][13:]
        status, _, body = server.request("GET", target, headers=dict(headers, Signature=forged))
        check(status == 401 and json.loads(body)["title"] == "signature", f"a forged signature is refused ({status})")
        headers = signed_headers(leader_key, leader_id, "GET", target, b"", created=int(time.time()) - 3600)
        status, _, body = server.request("GET", target, headers=headers)
        check(status == 401 and json.loads(body)["title"] == "stale", f"a signature an hour old is refused ({status})")
        stranger = Ed25519PrivateKey.generate()
        status, _, body = server.request("GET", target, headers=signed_headers(stranger, "0123456789abcdef", "GET", target, b""))
        check(status == 401 and json.loads(body)["title"] == "unknown-key", f"an unknown key is refused ({status})")
        status, _, body = server.request("GET", target)
        check(status == 401, f"an unsigned request is refused ({status})")
        big = b"{" + b" " * (2 << 20) + b"}"
        status, _, body = server.request("POST", target, big, signed_headers(leader_key, leader_id, "POST", target, big))
        check(status == 413, f"a body over the limit is refused ({status})")
        conforms("POST", "/api/v1/audits", 413, body, "too large")
        other_key, other_id = read_private_key(keys["other"]), key_id(keys["other"] + ".pub")
        one = f"/api/v1/audits/{audit_id}"
        status, _, body = server.request("GET", one, headers=signed_headers(other_key, other_id, "GET", one, b""))
        check(status == 404, f"another team's audit is not found for its device ({status})")
        conforms("GET", "/api/v1/audits/{id}", 404, body, "another team's")
        status, _, body = server.request("GET", one, headers=signed_headers(leader_key, leader_id, "GET", one, b""))
        check(status == 200, f"the team's own audit is found ({status})")
        conforms("GET", "/api/v1/audits/{id}", 200, body, "the team's audit")
        for traversal in ("/api/v1/audits/..%2F..%2Fetc%2Fpasswd", "/api/v1/../../etc/passwd"):
            status, _, body = server.request(
                "GET", traversal, headers=signed_headers(leader_key, leader_id, "GET", traversal, b""))
            check(status == 404 and b"root:" not in body, f"path traversal {traversal} is not found ({status})")
        junk = b'{"format": "kycuong.export/1", "not": "an audit"}'
        status, _, body = server.request("POST", target, junk, signed_headers(leader_key, leader_id, "POST", target, junk))
        check(status == 422, f"a document that is not an audit is refused ({status})")
        conforms("POST", "/api/v1/audits", 422, body, "not an audit")
        check(audit_count(work, database) == 1, "nothing was stored by the hostile requests")
        log = kycuong(["server", "log", "--database", database, "--last", "200"], work).stdout
        for rule in ("replayed", "digest", "signature", "stale", "unknown-key", "too-large", "forbidden", "other-team"):
            check(f" {rule}: " in log or f"{rule}:" in log, f"the request log holds the refusal '{rule}'")

        # 8. Device logs through the server while a team audit goes on.
        logged_audit = team_logs_through_server(work, server, keys, database)

        # 9. Checklist versions the department publishes, pulled by devices.
        published_checklists(work, server, keys, database)

        # 4. kill -9 after an acknowledged push; restarted, the audit is there.
        server.stop(kill=True)
        server = Server(work, database).start()
        status, _, body = server.request("GET", one, headers=signed_headers(leader_key, leader_id, "GET", one, b""))
        check(status == 200 and json.loads(body)["auditID"] == audit_id, "after kill -9 and a restart the push is there")
        logs = f"/api/v1/audits/{logged_audit}/logs"
        status, _, body = server.request("GET", logs, headers=signed_headers(leader_key, leader_id, "GET", logs, b""))
        check(status == 200 and sorted(entry["device"] for entry in json.loads(body)) == ["binh-tablet", "leader"],
              f"and so are the device logs ({status})")
        conforms("GET", "/api/v1/audits/{id}/logs", 200, body, "the device logs")
        status, _, body = server.request("GET", logs, headers=signed_headers(other_key, other_id, "GET", logs, b""))
        check(status == 404, f"another team's device does not see them ({status})")
        conforms("GET", "/api/v1/audits/{id}/logs", 404, body, "another team's")

        # 5. The dashboard.
        print("-- the dashboard")
        status, headers, _ = server.request("GET", "/")
        check(status == 303 and headers.get("Location") == "/login", "a visitor who is not signed in goes to /login")

        def sign_in(name, password):
            status, headers, page = server.request("GET", "/login")
            cookie = headers["Set-Cookie"][0].split(";")[0]
            csrf = re.search(rb'name="csrf" value="([^"]+)"', page).group(1).decode()
            form = urllib.parse.urlencode({"csrf": csrf, "name": name, "password": password}).encode()
            return server.request("POST", "/login", form, {
                "Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie})

        status, _, _ = sign_in("lan", "not the password")
        check(status == 401, f"a wrong password is refused ({status})")
        status, headers, _ = sign_in("lan", PASSWORD)
        check(status == 303, f"the admin signs in ({status})")
        session_cookie = next(c for c in headers["Set-Cookie"] if c.startswith("kycuong_session="))
        admin = {"Cookie": session_cookie.split(";")[0]}
        check("HttpOnly" in session_cookie and "SameSite=Strict" in session_cookie,
              "the session cookie is HttpOnly and SameSite=Strict")
        pages = {}
        for name, path in (("summary", "/"), ("queue", "/reviews"), ("audit", f"/audits/{audit_id}"),
                           ("record", f"/audits/{audit_id}/record"), ("actions", "/actions")):
            status, _, page = server.request("GET", path, headers=admin)
            check(status == 200, f"GET {path} ({status})")
            pages[name] = page.decode()
        check(audit_id in pages["queue"], "the pushed audit waits in the review queue")
        check("&lt;script&gt;alert(1)&lt;/script&gt;" in pages["audit"] and "<script>" not in pages["audit"],
              "a unit named <script>… renders as text on the audit page")
        check("<script>" not in pages["summary"] and "<script>" not in pages["record"],
              "and on the summary and the record")
        csrf = re.search(r'name="csrf" value="([^"]+)"', pages["audit"]).group(1)
        review = f"/audits/{urllib.parse.quote(audit_id)}/review"
        form = {"Content-Type": "application/x-www-form-urlencoded"}
        status, _, _ = server.request("POST", review, b"state=approved&comment=", dict(admin, **form))
        check(status == 403, f"a review without the CSRF token is refused ({status})")
        status, headers, _ = sign_in("xem", PASSWORD)
        viewer = {"Cookie": next(c for c in headers["Set-Cookie"] if c.startswith("kycuong_session=")).split(";")[0]}
        _, _, viewer_page = server.request("GET", f"/audits/{audit_id}", headers=viewer)
        viewer_csrf = re.search(rb'name="csrf" value="([^"]+)"', viewer_page).group(1).decode()
        status, _, _ = server.request(
            "POST", review, f"csrf={viewer_csrf}&state=approved&comment=".encode(), dict(viewer, **form))
        check(status == 403, f"a viewer cannot review ({status})")
        status, _, _ = server.request(
            "POST", review, f"csrf={csrf}&state=rejected&comment=".encode(), dict(admin, **form))
        check(status == 400, f"a rejection without a comment is refused ({status})")
        # Returned with issues: out of the queue, and the team's device reads what to fix. (A corrected version
        # of a finished team audit cannot be pushed yet: the archive proves a later version by its chain, which
        # a team's export does not carry.)
        issue = urllib.parse.quote("Thiếu ảnh chụp BADGE-01")
        status, _, _ = server.request(
            "POST", review, f"csrf={csrf}&state=has-issues&comment={issue}".encode(), dict(admin, **form))
        check(status == 303, f"the admin returns the audit with issues ({status})")
        shown = sync(["audits", "--audit", audit_id], "leader")
        check(" has-issues " in shown.stdout and "Thiếu ảnh chụp BADGE-01" in shown.stdout,
              "the leader's device reads what to fix")
        status, _, page = server.request("GET", "/reviews", headers=admin)
        check(audit_id not in page.decode(), "an audit returned with issues leaves the review queue")
        _, _, page = server.request("GET", f"/audits/{audit_id}", headers=admin)
        csrf = re.search(r'name="csrf" value="([^"]+)"', page.decode()).group(1)
        comment = urllib.parse.quote("Hồ sơ đầy đủ, đồng ý")
        status, headers, _ = server.request(
            "POST", review, f"csrf={csrf}&state=approved&comment={comment}".encode(), dict(admin, **form))
        check(status == 303, f"the admin approves the audit ({status})")
        status, _, page = server.request("GET", f"/audits/{audit_id}", headers=admin)
        pages["approved"] = page.decode()
        check("Hồ sơ đầy đủ, đồng ý" in pages["approved"] and "state-approved" in pages["approved"],
              "the audit page shows the approval and its comment")
        shown = sync(["audits", "--audit", audit_id], "leader")
        check(" approved " in shown.stdout and "lan" in shown.stdout, "the leader's device reads the approval")
        status, _, page = server.request("GET", "/reviews", headers=admin)
        check(audit_id not in page.decode(), "an approved audit leaves the review queue")
        check(server.stop() == 0, "the server stops on SIGTERM with status 0")

        # 6. Screenshots.
        os.makedirs(OUT, exist_ok=True)
        for name, page in pages.items():
            with open(os.path.join(OUT, f"{name}.html"), "w", encoding="utf-8") as handle:
                handle.write(page)
        chromium = shutil.which("chromium")
        if chromium:
            for name in pages:
                subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                                "--window-size=1100,1400", f"--screenshot={OUT}/{name}.png",
                                f"file://{OUT}/{name}.html"], capture_output=True, timeout=120)
                check(os.path.getsize(f"{OUT}/{name}.png") > 10_000, f"screenshot {OUT}/{name}.png")
        else:
            print(f"(no chromium: pages saved in {OUT}, not screenshotted)")

        # 7. TLS.
        tls_checks(work, database, keys, audit_id)
    finally:
        if server:
            server.stop(kill=True)
        if not os.environ.get("KEEP"):
            shutil.rmtree(work, ignore_errors=True)
        else:
            print("kept", work)
    if failures:
        print(f"test_server: {len(failures)} check(s) failed", file=sys.stderr)
        sys.exit(1)
    print("test_server: all checks passed")


if __name__ == "__main__":
    main()
