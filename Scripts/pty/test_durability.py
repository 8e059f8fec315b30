#!/usr/bin/env python3
"""Durability of kycuong's audit log: SIGKILL in the middle of a scripted audit loses no acknowledged answer.

Usage: Scripts/pty/test_durability.py PATH/TO/kycuong [--runs N] [--seed S]

Each run types a whole audit of public-office-conduct (an answer for every applicable item, with notes)
into kycuong, alternately in a pseudo-terminal and through a pipe, and kills it with SIGKILL:
- `ack`: after k answers or notes were acknowledged (their reply, and in a pty the next prompt, was read);
- `mid-write`: right after sending line k+1, without waiting for its reply (it may or may not be saved).
A new kycuong then `resume`s the audit and exports it. The check: every acknowledged answer and note is in
the export with the right outcome, nothing is there twice (one event per step, sequence numbers 1…n, no
answer history), every log line parses as JSON, and an unacknowledged last step, if present, is right.
The resumed process then answers what is left, finishes and exports: completeness 100%.

A few extra runs cut the last line of the log in half after the kill (a torn write, as a failing disk could
leave): resuming must move the cut-off bytes to `<id>.jsonl.damaged` and keep every earlier event.

Then the non-TTY check: Scripts/pty/fixtures/full-audit.txt piped in, the export compared with the score
computed here, independently, from the answers and the pinned public-office-conduct.json of fixtures/checklists.
"""

import argparse
import json
import os
import random
import re
import select
import signal
import subprocess
import sys
import time

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from ptyharness import CheckFailed, Environment, PtySession, check  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(HERE))
# The pinned copy the REPL runs with in these checks (see ptyharness.Environment).
CHECKLIST_PATH = os.path.join(ROOT, "Scripts", "pty", "fixtures", "checklists", "public-office-conduct.json")
FIXTURE = os.path.join(HERE, "fixtures", "full-audit.txt")
START = (
    'start public-office-conduct --unit "UBND phường Cửa Đông" --leader "Hoàng Văn Thụ" '
    '--members "Đỗ Thị Lan, Bùi Quang Minh" --visit surprise'
)
TIMEOUT = 15.0

WORDS = {
    "pass": ["đạt", "dat", "y", "có", "pass", "ok"],
    "fail": ["không đạt", "khong dat", "n", "fail"],
    "partial": ["một phần", "mot phan", "p", "partial"],
    "notApplicable": ["na", "kad", "không áp dụng", "khong ap dung"],
}
TEXTS = [
    "Bộ phận một cửa, 8 giờ 05, có mặt 12 người, vắng 1 (nghỉ phép)",
    "Ông Trịnh Văn Quyết, Phó Chủ tịch, giải trình: đã nhắc nhở cán bộ",
    "Đơn vị không giải trình",
    "Phòng tiếp dân tầng 1; người dân chờ đông",
]
NOTES = [
    "Ảnh chụp bàn tiếp nhận lúc 8 giờ 10",
    "Bà Lưu Thị Ngọc không đeo thẻ, lý do: quên ở nhà",
    "Đã hỏi 3 người dân sau khi họ rời bàn; đều hài lòng",
    "Biển tên phòng ghi chức danh cũ",
]


# The checklist --------------------------------------------------------------------------------------------------


def load_checklist():
    with open(CHECKLIST_PATH, encoding="utf-8") as handle:
        return json.load(handle)


def items_in_order(checklist):
    return [item for section in checklist["sections"] for item in section["items"]]


def applies(item, outcomes):
    condition = item.get("applicableWhen")
    if not condition:
        return True
    return outcomes.get(condition["item"]) in condition["outcomes"]


def outcome_kind(outcome):
    """`pass`, `fail`, … for a check outcome, else None."""
    return outcome if isinstance(outcome, str) else None


# Steps: what is typed, and what it should record ---------------------------------------------------------------


def random_answer(item, rng):
    """(line to type, expected outcome as in the export) for `item`."""
    kind = item["kind"]
    if kind == "text":
        text = rng.choice(TEXTS)
        return text, {"type": "text", "text": text}
    if rng.random() < 0.08:
        word = rng.choice(WORDS["notApplicable"])
        return word, {"type": "notApplicable"}
    if kind == "check":
        outcome = rng.choice(["pass", "pass", "fail", "partial"])
        if item["id"] == "DRESS-02":
            outcome = rng.choice(["pass", "fail"])
        return rng.choice(WORDS[outcome]), {"type": outcome}
    if kind == "observation":
        observed = rng.randint(1, 15)
        compliant = rng.randint(0, observed)
        return f"{compliant}/{observed}", {"type": "observation", "compliant": compliant, "observed": observed}
    if kind == "scale":
        value = rng.randint(0, item["max"])
        return str(value), {"type": "scale", "value": value}
    raise ValueError(kind)


def make_steps(checklist, rng, notes=True):
    """Every applicable item answered in checklist order (the order the REPL walks), with notes before some
    answers, each naming its item (`note ITEM text`: without one, a note typed right after an answer goes on
    the item just answered)."""
    steps = []
    outcomes = {}
    for item in items_in_order(checklist):
        if not applies(item, outcomes):
            continue
        if notes and rng.random() < 0.25:
            text = rng.choice(NOTES)
            steps.append({"kind": "note", "item": item["id"], "line": f"note {item['id']} {text}", "text": text})
        line, outcome = random_answer(item, rng)
        outcomes[item["id"]] = outcome["type"]
        steps.append({"kind": "answer", "item": item["id"], "line": line, "outcome": outcome})
    return steps


def reply_pattern(step):
    if step["kind"] == "answer":
        return f"✓ {step['item']}: "
    return f"Đã ghi ghi chú cho {step['item']}."


# Driving kycuong ------------------------------------------------------------------------------------------------


class PipeProgram:
    """kycuong with a pipe for standard input and output (no terminal: no prompt)."""

    def __init__(self, binary, environment):
        self.process = subprocess.Popen(
            [binary], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=environment.env
        )
        self.buffer = b""
        self.position = 0

    @property
    def pid(self):
        return self.process.pid

    def line(self, text):
        self.process.stdin.write(text.encode("utf-8") + b"\n")
        self.process.stdin.flush()

    def expect(self, text, timeout=TIMEOUT):
        wanted = text.encode("utf-8")
        deadline = time.monotonic() + timeout
        while True:
            index = self.buffer.find(wanted, self.position)
            if index >= 0:
                self.position = index + len(wanted)
                return
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise CheckFailed(f"timed out waiting for {text!r}; output ends {self.buffer[-300:]!r}")
            ready, _, _ = select.select([self.process.stdout], [], [], remaining)
            if ready:
                chunk = os.read(self.process.stdout.fileno(), 65536)
                if not chunk:
                    raise CheckFailed(f"kycuong ended while waiting for {text!r}: {self.buffer[-300:]!r}")
                self.buffer += chunk

    def acknowledge(self, step):
        self.expect(reply_pattern(step))
        # The reply ends with the next item (or the all-answered note): wait for its end too.

    def kill(self):
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=TIMEOUT)
        for stream in (self.process.stdin, self.process.stdout):
            try:
                stream.close()
            except OSError:
                pass


class TerminalProgram:
    """kycuong in a pseudo-terminal: acknowledged once the reply and the next prompt are read."""

    PROMPT = r"\[(\d+/\d+ [A-Z0-9-]+|\d+/\d+ ✓)\] › "

    def __init__(self, binary, environment):
        self.session = PtySession([binary], environment.env, timeout=TIMEOUT)
        self.session.expect("kycuong › ")

    @property
    def pid(self):
        return self.session.pid

    def line(self, text):
        self.session.line(text)

    def expect(self, text, timeout=TIMEOUT):
        self.session.expect(text, timeout)

    def acknowledge(self, step):
        self.session.expect(reply_pattern(step))
        self.session.expect_regex(self.PROMPT)

    def kill(self):
        os.kill(self.session.pid, signal.SIGKILL)
        deadline = time.monotonic() + TIMEOUT
        while self.session.is_alive() and time.monotonic() < deadline:
            time.sleep(0.01)
        self.session.close()


def run_piped(binary, environment, text, cwd=None):
    result = subprocess.run(
        [binary], input=text.encode("utf-8"), capture_output=True, env=environment.env, timeout=60, cwd=cwd
    )
    return result.returncode, result.stdout.decode("utf-8", errors="replace")


# Checking a log and an export -----------------------------------------------------------------------------------


def read_log(path):
    """The events of a log; a last line without its newline is returned apart (a torn write)."""
    with open(path, "rb") as handle:
        data = handle.read()
    lines = data.split(b"\n")
    torn = lines.pop() if lines and lines[-1] else None
    if lines and lines[-1] == b"":
        lines.pop()
    events = [json.loads(line) for line in lines]  # every complete line parses
    return events, torn


def check_log(events):
    sequence = [event["seq"] for event in events]
    check(sequence == list(range(1, len(events) + 1)), f"event sequence numbers are {sequence}")
    answered = [event["item"] for event in events if event["type"] == "answered"]
    duplicates = {item for item in answered if answered.count(item) > 1}
    check(not duplicates, f"answers recorded twice: {sorted(duplicates)}")


def export_state(document):
    items = {item["id"]: item for item in document["items"]}
    outcomes = {i: item["outcome"] for i, item in items.items() if item.get("outcome") is not None}
    notes = {i: [note["text"] for note in item.get("notes", [])] for i, item in items.items()}
    histories = {i: item.get("history", []) for i, item in items.items()}
    return outcomes, notes, histories


def check_recovered(document, steps, acknowledged, pending):
    """Every acknowledged step is in the export, once; the pending one (sent, not acknowledged) may be."""
    outcomes, notes, histories = export_state(document)
    expected_outcomes = {s["item"]: s["outcome"] for s in steps[:acknowledged] if s["kind"] == "answer"}
    for item, outcome in expected_outcomes.items():
        check(outcomes.get(item) == outcome, f"{item}: recovered {outcomes.get(item)!r}, acknowledged {outcome!r}")
    extra = set(outcomes) - set(expected_outcomes)
    allowed = {pending["item"]} if pending is not None and pending["kind"] == "answer" else set()
    check(extra <= allowed, f"answers that were never sent: {sorted(extra - allowed)}")
    if pending is not None and pending["kind"] == "answer" and pending["item"] in outcomes:
        check(outcomes[pending["item"]] == pending["outcome"], f"{pending['item']}: the unacknowledged answer is wrong")
    expected_notes = {}
    for step in steps[:acknowledged]:
        if step["kind"] == "note":
            expected_notes.setdefault(step["item"], []).append(step["text"])
    for item, texts in notes.items():
        wanted = expected_notes.get(item, [])
        if pending is not None and pending["kind"] == "note" and pending["item"] == item and texts == wanted + [
            pending["text"]
        ]:
            continue
        check(texts == wanted, f"{item}: notes {texts!r}, expected {wanted!r}")
    changed = {item for item, history in histories.items() if history}
    check(not changed, f"answers changed (a replayed duplicate?): {sorted(changed)}")
    answers = len(expected_outcomes)
    recovered = sum(1 for item in expected_outcomes if outcomes.get(item) == expected_outcomes[item])
    pending_saved = pending is not None and (
        (pending["kind"] == "answer" and pending["item"] in outcomes)
        or (pending["kind"] == "note" and pending["text"] in notes.get(pending["item"], []))
    )
    return answers, recovered, pending_saved


def audit_id_in(environment):
    logs = [name for name in os.listdir(environment.audits) if name.endswith(".jsonl")]
    check(len(logs) == 1, f"expected one audit log, found {logs}")
    return logs[0][: -len(".jsonl")]


# One run --------------------------------------------------------------------------------------------------------


def one_run(binary, checklist, rng, number, use_pty, mode, torn=False):
    environment = Environment(lang="C")
    try:
        steps = make_steps(checklist, rng)
        if mode == "ack":
            k = rng.randint(1 if torn else 0, len(steps))
        else:
            k = rng.randint(0, len(steps) - 1)
        program = (TerminalProgram if use_pty else PipeProgram)(binary, environment)
        program.line(START)
        program.expect("Đã bắt đầu cuộc kiểm tra ")
        if use_pty:
            program.session.expect_regex(TerminalProgram.PROMPT)
        for step in steps[:k]:
            program.line(step["line"])
            program.acknowledge(step)
        pending = None
        if mode == "mid-write":
            pending = steps[k]
            program.line(pending["line"])
            # Kill at varied moments of the write: at once, or a little later (while it fsyncs).
            delay = rng.choice([0, 0, 0.0002, 0.001, 0.003])
            if delay:
                time.sleep(delay)
        program.kill()

        audit_id = audit_id_in(environment)
        log = os.path.join(environment.audits, audit_id + ".jsonl")
        events, torn_tail = read_log(log)
        if torn_tail is not None:
            raise CheckFailed(f"SIGKILL left a cut-off line: {torn_tail[:80]!r}")
        check_log(events)
        cut_event = None
        if torn:
            # Simulate a torn write of the last event: keep only its first half.
            with open(log, "rb") as handle:
                data = handle.read()
            start = data.rstrip(b"\n").rfind(b"\n") + 1
            if start > 0:
                cut_event = json.loads(data[start:])
                check(cut_event["type"] != "started", "the cut event is the audit's start")
                with open(log, "wb") as handle:
                    handle.write(data[: start + (len(data) - start) // 2])

        export = os.path.join(environment.directory, "recovered.json")
        status, out = run_piped(binary, environment, f"resume {audit_id}\nexport {export}\n")
        check(status == 0, f"resume/export failed ({status}): {out[-500:]}")
        check(f"Đã xuất ra {export}" in out, f"no export: {out[-300:]}")
        if cut_event is not None:
            damaged = os.path.join(environment.audits, audit_id + ".jsonl.damaged")
            check(os.path.exists(damaged), "the cut-off line was not kept in .jsonl.damaged")
            check(".jsonl.damaged" in out or "damaged" in out, f"resume did not report the repair: {out[:600]}")
            events_after, torn_after = read_log(log)
            check(torn_after is None, "the log still ends in a cut-off line after resume")
            check(len(events_after) == len(events) - 1, "resume lost more than the cut-off line")
        with open(export, encoding="utf-8") as handle:
            document = json.load(handle)
        acknowledged = k
        if cut_event is not None:
            # Torn runs kill after an acknowledged step (mode `ack`, k ≥ 1): the cut event is the last
            # acknowledged step, lost by construction; everything before it must be there.
            acknowledged = k - 1
        answers, recovered, pending_saved = check_recovered(document, steps, acknowledged, pending)
        check(document["audit"]["eventCount"] == len(read_log(log)[0]), "eventCount differs from the log")

        # The resumed audit goes on: answer what is left, finish, export.
        outcomes, _, _ = export_state(document)
        rest = [s for s in steps if s["kind"] == "answer" and s["item"] not in outcomes]
        final = os.path.join(environment.directory, "final.json")
        script = [f"resume {audit_id}"]
        for step in rest:
            script += [f"goto {step['item']}", step["line"]]
        script += ["finish --yes", f"export {final}", "quit"]
        status, out = run_piped(binary, environment, "\n".join(script) + "\n")
        check(status == 0, f"continuing after resume failed ({status}): {out[-800:]}")
        with open(final, encoding="utf-8") as handle:
            finished = json.load(handle)
        completeness = finished["scores"]["completeness"]
        check(
            completeness["answered"] == completeness["applicable"] and completeness["skipped"] == 0,
            f"not complete after continuing: {completeness}",
        )
        check(finished["scores"]["provisional"] is False, "the audit is not finished")
        final_outcomes, _, histories = export_state(finished)
        for step in steps:
            if step["kind"] == "answer":
                check(final_outcomes.get(step["item"]) == step["outcome"], f"{step['item']} wrong after continuing")
        check(not any(histories.values()), "an answer was recorded twice")
        events, _ = read_log(log)
        check_log(events)
        return {"answers": answers, "recovered": recovered, "pending": pending is not None,
                "pending_saved": pending_saved, "k": k}
    finally:
        environment.cleanup()


# The piped full audit ---------------------------------------------------------------------------------------------


def parse_fixture(checklist):
    """The fixture's answers: after each `goto ID` (or `den ID`), the next line answers ID."""
    by_id = {item["id"]: item for item in items_in_order(checklist)}
    answers = {}
    notes = {}
    current = None
    with open(FIXTURE, encoding="utf-8") as handle:
        lines = [line.rstrip("\n") for line in handle]
    for line in lines:
        word, _, rest = line.partition(" ")
        if word in ("goto", "den", "đến"):
            current = rest.strip()
        elif word in ("note", "ghichu"):
            notes.setdefault(current, []).append(rest.strip())
        elif current is not None and word not in ("start", "finish", "export", "quit", "score"):
            answers[current] = parse_answer(line.strip(), by_id[current])
            current = None
    return answers, notes


def fold(text):
    import unicodedata

    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn").lower()


def parse_answer(text, item):
    kind = item["kind"]
    if kind == "text":
        return {"type": "text", "text": text}
    folded = fold(text)
    for outcome, words in WORDS.items():
        if folded in {fold(w) for w in words}:
            if outcome == "notApplicable" or kind == "check":
                return {"type": outcome}
    if kind == "observation":
        m, n = text.split("/")
        return {"type": "observation", "compliant": int(m), "observed": int(n)}
    if kind == "scale":
        return {"type": "scale", "value": int(text)}
    raise ValueError(f"{item['id']}: cannot read {text!r}")


def expected_score(checklist, answers):
    """The weighted score, computed here from the checklist JSON: section Sⱼ = Σwᵢsᵢ/Σwᵢ over scored
    items; overall 100 × ΣWⱼSⱼ/ΣWⱼ over sections with a score. Text and N/A are not scored; observation
    M/N (N=0 unscored); scale v/max; partial the checklist's partial credit."""
    credit = checklist["scoring"]["partialCredit"]
    kinds = {item["id"]: item for item in items_in_order(checklist)}
    checks = {i: a["type"] for i, a in answers.items() if kinds[i]["kind"] == "check"}
    weighted_sum = weight_sum = 0.0
    for section in checklist["sections"]:
        earned = possible = 0.0
        for item in section["items"]:
            if not applies(item, checks):
                continue
            answer = answers.get(item["id"])
            if answer is None:
                continue
            kind = answer["type"]
            if kind == "pass":
                score = 1.0
            elif kind == "fail":
                score = 0.0
            elif kind == "partial":
                score = credit
            elif kind == "observation":
                score = answer["compliant"] / answer["observed"] if answer["observed"] else None
            elif kind == "scale":
                score = answer["value"] / item["max"]
            else:
                score = None
            if score is None:
                continue
            earned += item["weight"] * score
            possible += item["weight"]
        if possible > 0:
            weighted_sum += section["weight"] * earned / possible
            weight_sum += section["weight"]
    return 100 * weighted_sum / weight_sum if weight_sum > 0 else None


def piped_full_audit(binary, checklist):
    environment = Environment(lang="C")
    try:
        with open(FIXTURE, encoding="utf-8") as handle:
            script = handle.read()
        status, out = run_piped(binary, environment, script, cwd=environment.directory)
        check(status == 0, f"the piped audit exited {status}:\n{out[-1500:]}")
        check("\x1b" not in out and "›" not in out, "prompts or escape codes in piped output")
        export_line = [line for line in script.splitlines() if line.startswith("export ")][-1]
        export = os.path.join(environment.directory, export_line.split(" ", 1)[1].strip())
        with open(export, encoding="utf-8") as handle:
            document = json.load(handle)
        answers, notes = parse_fixture(checklist)
        applicable = [
            item["id"]
            for item in items_in_order(checklist)
            if applies(item, {i: a["type"] for i, a in answers.items()})
        ]
        check(sorted(answers) == sorted(applicable), f"the fixture does not answer every applicable item: "
              f"{sorted(set(applicable) - set(answers))}")
        outcomes, exported_notes, _ = export_state(document)
        for item, answer in answers.items():
            check(outcomes.get(item) == answer, f"{item}: exported {outcomes.get(item)!r}, expected {answer!r}")
        for item, texts in notes.items():
            check(exported_notes.get(item) == texts, f"{item}: notes {exported_notes.get(item)!r}")
        scores = document["scores"]
        check(scores["provisional"] is False, "the export is not of a finished audit")
        completeness = scores["completeness"]
        check(
            completeness["answered"] == completeness["applicable"] == len(applicable)
            and completeness["skipped"] == 0,
            f"completeness {completeness}",
        )
        expected = expected_score(checklist, answers)
        check(abs(scores["overall"] - expected) < 1e-9, f"overall {scores['overall']}, computed {expected}")
        return scores["overall"], len(answers)
    finally:
        environment.cleanup()


# Main -----------------------------------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--torn-runs", type=int, default=4)
    parser.add_argument("--seed", type=int, default=None)
    arguments = parser.parse_args()
    binary = os.path.abspath(arguments.binary)
    seed = arguments.seed if arguments.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    checklist = load_checklist()
    print(f"seed {seed} (rerun with --seed {seed})")
    failures = 0
    totals = {"runs": 0, "kills": 0, "answers": 0, "recovered": 0, "pending": 0, "pending_saved": 0}
    plan = [("ack" if i % 2 == 0 else "mid-write", i % 4 < 2, False) for i in range(arguments.runs)]
    plan += [("ack", False, True)] * arguments.torn_runs
    for number, (mode, use_pty, torn) in enumerate(plan, 1):
        label = f"run {number:2d} {'pty ' if use_pty else 'pipe'} {mode:9s}{' torn' if torn else ''}"
        try:
            result = one_run(binary, checklist, rng, number, use_pty, mode, torn=torn)
        except CheckFailed as error:
            failures += 1
            print(f"FAIL {label}: {error}")
            continue
        except Exception as error:  # noqa: BLE001
            failures += 1
            print(f"FAIL {label}: unexpected {type(error).__name__}: {error}")
            continue
        if not torn:
            totals["runs"] += 1
            totals["kills"] += 1
            totals["answers"] += result["answers"]
            totals["recovered"] += result["recovered"]
            totals["pending"] += result["pending"]
            totals["pending_saved"] += result["pending_saved"]
        print(
            f"PASS {label}: killed after {result['k']} acknowledged steps; answers acknowledged "
            f"{result['answers']}, recovered {result['recovered']}"
            + (f"; unacknowledged line {'saved' if result['pending_saved'] else 'not saved'}" if result["pending"] else "")
        )
        sys.stdout.flush()
    try:
        overall, count = piped_full_audit(binary, checklist)
        print(f"PASS piped full audit (fixtures/full-audit.txt): {count} answers, finished, 100%, overall {overall:.4f}")
    except CheckFailed as error:
        failures += 1
        print(f"FAIL piped full audit: {error}")
    lost = totals["answers"] - totals["recovered"]
    print(
        f"durability: {totals['runs']} runs, {totals['kills']} SIGKILLs, {totals['answers']} answers acknowledged, "
        f"{totals['recovered']} recovered, {lost} lost; {totals['pending']} kills mid-write, of which "
        f"{totals['pending_saved']} had the unacknowledged line saved; {arguments.torn_runs} torn-tail runs"
    )
    sys.exit(1 if failures or lost else 0)


if __name__ == "__main__":
    main()
