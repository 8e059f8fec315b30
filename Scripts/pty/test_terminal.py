#!/usr/bin/env python3
"""End-to-end checks of kycuong's REPL in a real pseudo-terminal.

Usage: Scripts/pty/test_terminal.py PATH/TO/kycuong [CHECK-NAME ...]

Runs under LANG=C with LC_ALL unset and a temporary HOME, XDG_STATE_HOME (history) and XDG_DATA_HOME
(saved audits). Exits non-zero when a check fails. Add a check by writing a function and listing it in
CHECKS. Every wait is on output (a prompt, a reply), never a fixed sleep.
"""

import json
import os
import re
import signal
import subprocess
import sys
import unicodedata

sys.dont_write_bytecode = True  # keep Scripts/pty free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from ptyharness import (  # noqa: E402
    FIXTURE_CHECKLISTS_2,
    CheckFailed,
    Environment,
    PtySession,
    ShellSession,
    check,
    strip_ansi,
    run_checks,
)

PROMPT = "kycuong › "  # no audit open
WELCOME = "KyCuong — kiểm tra kỷ cương hành chính."
BINARY = ""

CHECKLIST = "public-office-conduct"
UNIT = "UBND phường Hàng Bạc"
LEADER = "Nguyễn Văn An"
MEMBERS = "Trần Thị Bình, Lê Văn Cường"
START = f'start {CHECKLIST} --unit "{UNIT}" --leader "{LEADER}" --members "{MEMBERS}" --visit surprise'
# Applicable items of public-office-conduct while DRESS-02 is unanswered (DRESS-03 applies only on pass).
APPLICABLE = 27


def item_prompt(item, position=None, count=APPLICABLE):
    """The prompt inside an audit, e.g. `[3/27 BADGE-01] › `; `position` None matches any position."""
    number = r"\d+" if position is None else str(position)
    return rf"\[{number}/{count} {re.escape(item)}\] › "


def start(environment, **kwargs):
    """kycuong in a pty, once the welcome text and then its first prompt are on the screen."""
    session = PtySession([BINARY], environment.env, **kwargs)
    session.expect(WELCOME)
    session.expect(PROMPT)
    return session


def open_audit(session):
    """Starts an audit of public-office-conduct; returns its id once the first item's prompt shows."""
    session.line(START)
    match = session.expect_regex(r"Đã bắt đầu cuộc kiểm tra (\S+):")
    audit_id = match.group(1)
    session.expect_regex(item_prompt("CONTEXT-01", 1))
    return audit_id


def goto(session, item):
    session.line(f"goto {item}")
    session.expect_regex(item_prompt(item))


def with_program(body, lang="C", audit=False):
    """Runs `body(session, environment)` against a fresh kycuong (with an audit open when `audit`)."""

    def run():
        environment = Environment(lang=lang)
        session = start(environment)
        try:
            if audit:
                open_audit(session)
            body(session, environment)
        finally:
            session.close()
            environment.cleanup()

    return run


# Vietnamese text ---------------------------------------------------------------------------------------------

NOTE = "Cán bộ Nguyễn Thị Hương đeo thẻ đúng quy định; ảnh rõ, số thẻ 0123"


def vietnamese_text(session, _):
    # Search with diacritics: the checklist's Vietnamese text comes back intact.
    session.line("find đeo thẻ")
    session.expect("mục khớp `đeo thẻ`:")
    session.expect(f"{CHECKLIST} BADGE-01")
    session.expect("Cán bộ, công chức, viên chức có mặt đeo")
    session.expect(PROMPT)
    # Typed Vietnamese goes into the audit and comes back byte for byte.
    open_audit(session)
    goto(session, "BADGE-01")
    session.line("note " + NOTE)
    session.expect("Đã ghi ghi chú cho BADGE-01.")
    session.expect_regex(item_prompt("BADGE-01"))
    session.line("show")
    session.expect_regex(r"Ghi chú #\d+: ")
    session.expect(NOTE)
    session.expect_regex(item_prompt("BADGE-01"))


def vietnamese_text_under(lang):
    return with_program(vietnamese_text, lang=lang)


# Tab completion ----------------------------------------------------------------------------------------------


def completion_common_prefix(session, _):
    session.send("goto BAD")
    session.key("tab")
    # BADGE-01, BADGE-02 and BADGE-03 share "BADGE-0": Tab inserts it.
    session.expect_cursor_line("[1/27 CONTEXT-01] › goto BADGE-0")
    session.key("tab")
    # Nothing more to insert: the candidates are listed and the line is redrawn below them.
    session.expect_screen("BADGE-01  BADGE-02  BADGE-03")
    session.expect_cursor_line("[1/27 CONTEXT-01] › goto BADGE-0")
    session.send("2")
    session.key("enter")
    session.expect_regex(item_prompt("BADGE-02", 4))


def completion_single(session, _):
    session.send("sta")
    session.key("tab")
    session.expect_cursor_line(PROMPT + "start ")
    session.send("pub")
    session.key("tab")
    session.expect_cursor_line(PROMPT + f"start {CHECKLIST} ")
    session.send("--u")
    session.key("tab")
    session.expect_cursor_line(PROMPT + f"start {CHECKLIST} --unit ")
    session.key("ctrl-u")
    session.line(START)
    session.expect_regex(item_prompt("CONTEXT-01", 1))


def completion_answer_words(session, _):
    goto(session, "CONDUCT-01")
    prompt = "[9/27 CONDUCT-01] › "
    session.send("kh")
    session.key("tab")
    # The two-word answers (and the one command) that start with "kh" are listed.
    session.expect_screen("không đạt")
    session.expect_screen("không áp dụng")
    session.expect_cursor_line(prompt + "kh")
    session.send("ông đ")
    session.key("tab")
    session.expect_cursor_line(prompt + "không đạt ")
    session.key("enter")
    session.expect("✓ CONDUCT-01: không đạt")
    session.expect_regex(item_prompt("CONDUCT-02"))


def completion_none_beeps(session, _):
    session.send("zzz")
    session.mark()
    session.key("tab")
    session.expect("\a")
    session.key("enter")
    session.expect("Không có lệnh `zzz`.")
    session.expect(PROMPT)


# Ctrl-C --------------------------------------------------------------------------------------------------------


def ctrl_c_cancels_line(session, _):
    session.send("quit")
    session.expect_cursor_line(PROMPT + "quit")
    session.key("ctrl-c")
    session.expect("^C")
    session.expect(PROMPT)
    check(session.is_alive(), "kycuong died on Ctrl-C (or ran the cancelled `quit`)")
    session.key("ctrl-c")  # on an empty line too
    session.expect("^C")
    session.expect(PROMPT)
    session.line("help quit")
    session.expect("thoát (mọi thứ đã được lưu)")
    session.expect(PROMPT)
    check("Tạm biệt" not in session.output, "the cancelled `quit` was run")
    check(session.is_alive(), "kycuong ended")


def ctrl_c_cancels_start(session, environment):
    session.line("start")
    session.expect("Bảng kiểm nào? (số hoặc mã)")
    session.expect("Bảng kiểm › ")
    session.line(CHECKLIST)
    session.expect("Đơn vị › ")
    session.send("UBND xã Đông Anh")
    session.key("ctrl-c")
    session.expect("Đã hủy; chưa tạo cuộc kiểm tra nào.")
    session.expect(PROMPT)
    check(session.is_alive(), "kycuong died on Ctrl-C during start")
    logs = os.listdir(environment.audits) if os.path.isdir(environment.audits) else []
    check(not [f for f in logs if f.endswith(".jsonl")], f"an audit was created: {logs}")
    session.line("show")
    session.expect("Chưa mở cuộc kiểm tra nào")


def ctrl_c_in_history_search(session, _):
    session.line("find tìm dòng này")
    session.expect("Không tìm thấy `tìm dòng này`.")
    session.expect(PROMPT)
    session.key("ctrl-r")
    session.send("tìm")
    session.expect_screen("find tìm dòng này")
    session.key("ctrl-c")
    session.expect("^C")
    session.expect(PROMPT)
    session.line("find đeo thẻ")
    session.expect("mục khớp `đeo thẻ`")


# Editing -------------------------------------------------------------------------------------------------------


def arrow_key_editing(session, _):
    session.send("gotx BADGE-02")
    session.key(*["left"] * len(" BADGE-02"))
    session.key("backspace")
    session.send("o")
    session.expect_cursor_line("[1/27 CONTEXT-01] › goto BADGE-02")
    session.key("enter")
    session.expect_regex(item_prompt("BADGE-02", 4))
    check("Không có lệnh `gotx`" not in session.output, "the uncorrected line was run")


def arrow_key_editing_vietnamese(session, _):
    goto(session, "CONDUCT-01")
    session.send("khôg đạt")
    # Left over "t", "ạ", "đ", " ", "g": one key per character, not per byte.
    session.key(*["left"] * 5)
    session.send("n")
    session.expect_cursor_line("[9/27 CONDUCT-01] › không đạt")
    session.key("enter")
    session.expect("✓ CONDUCT-01: không đạt")


# History -------------------------------------------------------------------------------------------------------


def history_recall(session, _):
    session.line("help quit")
    session.expect("thoát (mọi thứ đã được lưu)")
    session.expect(PROMPT)
    session.line("find đeo thẻ")
    session.expect("mục khớp `đeo thẻ`")
    session.expect(PROMPT)
    session.key("up", "up")
    session.expect_cursor_line(PROMPT + "help quit")
    session.key("down")
    session.expect_cursor_line(PROMPT + "find đeo thẻ")
    session.key("enter")
    session.expect("mục khớp `đeo thẻ`")


def history_persists():
    environment = Environment()
    try:
        first = start(environment)
        first.line("find nhớ dòng này")
        first.expect("Không tìm thấy `nhớ dòng này`.")
        first.line("   ")  # blank lines are not remembered
        first.expect(PROMPT)
        first.line("quit")
        first.expect("Tạm biệt.")
        check(first.wait_exit() == 0, "quit did not exit with status 0")
        history_file = os.path.join(environment.state, "kycuong", "history")
        check(os.path.exists(history_file), f"no history file at {history_file}")
        mode = os.stat(history_file).st_mode & 0o777
        check(mode & 0o077 == 0, f"history file is readable by others (mode {oct(mode)})")
        second = start(environment)
        second.key("up")
        second.expect_cursor_line(PROMPT + "quit")
        second.key("up")
        second.expect_cursor_line(PROMPT + "find nhớ dòng này")
        second.key("ctrl-u", "ctrl-d")
        check(second.wait_exit() == 0, "Ctrl-D did not exit with status 0")
        check(not os.path.exists(os.path.join(environment.home, ".local")), "history written under HOME")
    finally:
        environment.cleanup()


def history_default_location():
    environment = Environment()
    environment.env.pop("XDG_STATE_HOME")
    try:
        session = start(environment)
        session.line("help")
        session.expect("Lệnh thường dùng")
        session.expect(PROMPT)
        session.key("ctrl-d")
        check(session.wait_exit() == 0, "Ctrl-D did not exit with status 0")
        history_file = os.path.join(environment.home, ".local", "state", "kycuong", "history")
        check(os.path.exists(history_file), f"no history file at {history_file}")
    finally:
        environment.cleanup()


# Leaving -------------------------------------------------------------------------------------------------------


def ctrl_d_exits(session, _):
    audit_id = open_audit(session)
    session.line("Phòng một cửa, 8 giờ 05, 6 người có mặt")
    session.expect("✓ CONTEXT-01:")
    session.expect_regex(item_prompt("CONTEXT-02", 2))
    session.key("ctrl-d")
    session.expect(f"Đã lưu cuộc kiểm tra {audit_id}. Để tiếp tục: `resume {audit_id}`. Tạm biệt.")
    status = session.wait_exit()
    check(status == 0, f"Ctrl-D exited with status {status}")
    # libedit prints no newline after Ctrl-D: the goodbye must start on its own line.
    check("\nĐã lưu cuộc kiểm tra" in session.output.replace("\r", ""), "goodbye printed on the prompt's line")


def ctrl_d_on_non_empty_line_does_not_exit(session, _):
    session.send("helpx")
    session.key("left", "ctrl-d")  # deletes "x" under the cursor instead of ending the input
    session.expect_cursor_line(PROMPT + "help")
    session.key("enter")
    session.expect("Lệnh thường dùng")
    check(session.is_alive(), "Ctrl-D on a non-empty line ended kycuong")


def in_shell(body):
    """Runs `body(shell)` with an interactive bash in the pty (for job control and `stty`)."""

    def run():
        environment = Environment()
        shell = ShellSession(environment.env)
        try:
            body(shell)
        finally:
            shell.close()
            environment.cleanup()

    return run


def ctrl_d_restores_terminal(shell):
    shell.run(BINARY)
    shell.expect(PROMPT)
    shell.line(START)
    shell.expect_regex(item_prompt("CONTEXT-01", 1))
    shell.key("ctrl-d")
    shell.expect("Đã lưu cuộc kiểm tra")
    shell.expect_prompt()
    status = shell.last_status()
    check(status == 0, f"Ctrl-D exited with status {status}")
    shell.assert_terminal_sane()


def sigterm_restores_terminal(shell):
    shell.run(BINARY)
    shell.expect(PROMPT)
    shell.send("find đang gõ")
    shell.expect_cursor_line(PROMPT + "find đang gõ")
    shell.signal(signal.SIGTERM, pid=shell.foreground_child())
    shell.expect_prompt()
    status = shell.last_status()
    check(status == 143, f"SIGTERM exited with status {status}, expected 143")
    shell.assert_terminal_sane()


def ctrl_z_suspends_and_fg_resumes(shell):
    shell.run(BINARY)
    shell.expect(PROMPT)
    shell.send("find đeo")
    shell.expect_cursor_line(PROMPT + "find đeo")
    shell.key("ctrl-z")
    shell.expect("Stopped")
    shell.expect_prompt()
    # While kycuong is stopped the shell must have a normal terminal.
    shell.assert_terminal_sane()
    shell.run("fg")
    # The line being edited is redrawn and editing goes on.
    shell.expect_cursor_line(PROMPT + "find đeo")
    # A second suspension of the same line works too (libedit's own handlers are one-shot).
    shell.key("ctrl-z")
    shell.expect("Stopped")
    shell.expect_prompt()
    shell.assert_terminal_sane()
    shell.run("fg")
    shell.expect_cursor_line(PROMPT + "find đeo")
    shell.send(" thẻ")
    shell.key("enter")
    shell.expect("mục khớp `đeo thẻ`")
    shell.line("quit")
    shell.expect("Tạm biệt.")
    shell.expect_prompt()
    check(shell.last_status() == 0, "quit after fg did not exit with status 0")
    shell.assert_terminal_sane()


def resize_rewraps(session, _):
    goto(session, "BADGE-01")
    text = "một dòng ghi chú dài " * 4
    session.send("note " + text)
    session.expect_screen(text.split()[-1])
    session.child.setwinsize(24, 40)
    session.send("!")
    session.key("enter")
    session.expect("Đã ghi ghi chú cho BADGE-01.")
    session.line("show")
    # The note is shown whole, wrapped to the new width.
    session.expect_regex(r"Ghi chú #\d+: một dòng ghi chú")
    session.expect("dài !")
    check(session.is_alive(), "kycuong died on a resize")


# On site (issue 12) ------------------------------------------------------------------------------------------


def audit_log(environment, audit_id):
    """The events of an audit's log, parsed."""
    with open(os.path.join(environment.audits, audit_id + ".jsonl"), encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def note_after_answer(session, environment):
    audit_id = open_audit(session)
    goto(session, "BADGE-01")
    session.line("10/12")
    session.expect("✓ BADGE-01: 10/12")
    session.expect_regex(item_prompt("BADGE-02", 4))
    # The note typed right after the answer goes to BADGE-01, the item just answered, and says so.
    session.line("note 2 người mặc áo phông")
    session.expect("Đã ghi ghi chú cho BADGE-01.")
    # From another item, an item id first (completed with Tab) names the item.
    goto(session, "CONDUCT-01")
    session.send("note BADGE-0")
    session.key("tab")
    session.expect_screen("BADGE-01  BADGE-02  BADGE-03")
    session.send("2 thẻ hết hạn")  # the 2 of BADGE-02, then the note
    session.key("enter")
    session.expect("Đã ghi ghi chú cho BADGE-02.")
    session.line("note --item BADGE-02 abc")
    session.expect("Lệnh note không có tùy chọn --item.")
    notes = [(e.get("item"), e["text"]) for e in audit_log(environment, audit_id) if e["type"] == "noted"]
    check(notes == [("BADGE-01", "2 người mặc áo phông"), ("BADGE-02", "thẻ hết hạn")], f"notes: {notes}")


def retract_in_pty(session, environment):
    audit_id = open_audit(session)
    goto(session, "BADGE-01")
    session.line("note ghi nhầm mục")
    session.expect("Đã ghi ghi chú cho BADGE-01.")
    session.line("retract")
    match = session.expect_regex(r"#(\d+)  ghi chú BADGE-01: “ghi nhầm mục”")
    session.line(f"retract #{match.group(1)} ghi nhầm, thuộc BADGE-02")
    session.expect("Đã rút lại: ghi chú BADGE-01: “ghi nhầm mục” (vẫn giữ trong lịch sử).")
    session.line("10/12")
    session.expect("✓ BADGE-01: 10/12")
    session.line("undo")
    session.expect("Đã hoàn tác: trả lời BADGE-01: 10/12")
    session.expect_regex(item_prompt("BADGE-01", 3))
    types = [e["type"] for e in audit_log(environment, audit_id)]
    check(types[-4:] == ["noted", "retracted", "answered", "retracted"], f"events: {types}")


def answer_every_item(session, count):
    """Answers the open items of the 1.0.0 fixture until none is left, a word each item takes."""
    for _ in range(count):
        prompt = session.expect_regex(r"\[(\d+)/(\d+) ([A-Z0-9-]+)\] › |\[(\d+)/(\d+) ✓\] › ")
        item = prompt.group(3)
        if item is None:
            return
        kind = FIXTURE_KINDS.get(item, "check")
        session.line({"text": "Ghi nhận", "observation": "3/4", "scale": "2"}.get(kind, "đạt"))
    session.expect_regex(r"\[\d+/\d+ ✓\] › ")


def fixture_kinds():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "checklists", "public-office-conduct.json")
    with open(path, encoding="utf-8") as handle:
        checklist = json.load(handle)
    return {i["id"]: (i["kind"] if isinstance(i["kind"], str) else i["kind"].get("type", "scale"))
            for section in checklist["sections"] for i in section["items"]}


FIXTURE_KINDS = fixture_kinds()


def finish_confirm_reopen(session, environment):
    audit_id = open_audit(session)
    session.line("skip sẽ gọi thử sau")
    session.expect("Đã bỏ qua CONTEXT-01")
    answer_every_item(session, 40)
    session.line("finish")
    session.expect("Bỏ qua (1):")
    session.expect("CONTEXT-01: sẽ gọi thử sau")
    session.expect("(c/k) › ")
    session.line("k")
    session.expect("Đã hủy; không ghi gì.")
    session.line("finish")
    session.expect("(c/k) › ")
    session.line("c")
    session.expect(f"Đã kết thúc cuộc kiểm tra {audit_id}.")
    session.expect(f"[{audit_id} ✓] › ")
    session.line("note muộn")
    session.expect("Cuộc kiểm tra đã kết thúc")
    session.line("reopen đã gọi được cho lãnh đạo")
    session.expect(f"Đã mở lại cuộc kiểm tra {audit_id}")
    session.line("goto CONTEXT-01")
    session.line("Bộ phận một cửa, 8 giờ 05")
    session.line("finish --yes")
    session.expect(f"Đã kết thúc cuộc kiểm tra {audit_id}.")
    session.line("sign")
    session.expect("Đã ghi: biên bản đã ký")
    session.line("reopen thêm nữa")
    session.expect("Biên bản đã ký")
    types = [e["type"] for e in audit_log(environment, audit_id)]
    check(types.count("finished") == 2 and "reopened" in types and types[-1] == "signed", f"events: {types}")


def display_width(text):
    """Columns `text` takes on a terminal: combining marks none, wide characters two."""
    width = 0
    for character in text:
        if unicodedata.combining(character) or unicodedata.category(character) in ("Cc", "Cf", "Mn", "Me"):
            continue
        width += 2 if unicodedata.east_asian_width(character) in ("W", "F") else 1
    return width


def sixty_columns(session, _):
    open_audit(session)
    session.child.setwinsize(40, 60)
    session.screen = type(session.screen)(40, 60)
    session.mark()
    start = len(session.output)
    for line in ["show", "goto BADGE-01", "10/12", "list", "score", "help", "find the cong chuc", "compact on",
                 "next", "?"]:
        session.line(line)
        session.expect_regex(r"\] › ")
    session.drain()
    plain = strip_ansi(session.output[start:])
    too_long = [line for line in re.split(r"[\r\n]+", plain) if display_width(line) > 60]
    check(not too_long, f"{len(too_long)} lines wider than 60 columns: {too_long[:3]}")
    screen = session.screen.text().splitlines()
    check(all(display_width(line) <= 60 for line in screen), "a line of the screen capture is wider than 60")


def resume_after_kill(session, environment):
    audit_id = open_audit(session)
    goto(session, "CONDUCT-03")
    session.line("3")
    session.expect("✓ CONDUCT-03: 3")
    session.expect_regex(item_prompt("CONDUCT-04"))
    session.signal(signal.SIGKILL)
    session.wait_exit()
    second = start(environment)
    second.line(f"resume {audit_id}")
    # Back where the inspector was: CONDUCT-04 to answer, CONDUCT-03 for notes.
    second.expect_regex(item_prompt("CONDUCT-04"))
    second.line("note ảnh bàn số 2")
    second.expect("Đã ghi ghi chú cho CONDUCT-03.")
    second.close()


def revised_checklist(session, environment):
    """The revised standard checklist (pinned 2.0.0): the context asked at start, an item checked only on
    surprise visits skipped with its reason on a scheduled one, and a yes/no gate read có/không."""
    session.line(f'start {CHECKLIST} --unit "{UNIT}" --leader "{LEADER}" --members "" --visit scheduled')
    session.expect("Tỉnh/thành phố? (ví dụ: Hà Nội)")
    session.line("Hà Nội")
    session.expect("Cấp của đơn vị")
    session.line("2")
    session.expect("Đơn vị là Bộ phận Một cửa? (c/k)")
    session.line("c")
    session.expect("Kiểm tra định kỳ: 1 mục không kiểm tra")
    session.expect("HOURS-02")
    session.expect_regex(item_prompt("CONTEXT-01", 1, count=r"\d+"))
    session.line("goto DRESS-02")
    session.expect("có (c, y) hoặc không (k, n).")
    session.line("không")
    session.expect("✓ DRESS-02: không")
    session.line("goto DRESS-03")
    session.expect("DRESS-03 không áp dụng: chỉ áp dụng khi DRESS-02 là có.")


def with_revised(body):
    def run():
        environment = Environment(checklists=FIXTURE_CHECKLISTS_2)
        session = start(environment)
        try:
            body(session, environment)
        finally:
            session.close()
            environment.cleanup()

    return run


# The end-to-end scenario -------------------------------------------------------------------------------

E2E_UNIT = "UBND phường Điện Biên"
E2E_LEADER = "Phạm Thị Hồng Nhung"
E2E_NOTE = "Bà Đặng Thị Ánh ở bàn số 2 không đeo thẻ; lý do: quên ở nhà"


def score_json(binary, export_path, environment):
    result = subprocess.run(
        [binary, "score", export_path, "--json"], capture_output=True, env=environment.env, timeout=30
    )
    check(result.returncode == 0, f"kycuong score failed: {result.stderr.decode(errors='replace')}")
    return json.loads(result.stdout)


def find_overall(value):
    """`scores.overall` wherever `kycuong score --json` puts it."""
    if isinstance(value, dict):
        if "overall" in value and not isinstance(value["overall"], (dict, list)):
            return value["overall"]
        for key in ("scores", "score", "report"):
            if key in value:
                return find_overall(value[key])
    raise CheckFailed(f"no overall score in {json.dumps(value)[:300]}")


def e2e_scenario():
    """Types a short audit in Vietnamese under LANG=C: Tab completes an item id, Ctrl-C cancels a line, the
    arrow keys fix a typo, Ctrl-D leaves; a second kycuong resumes it and exports; the JSON is checked."""
    environment = Environment(lang="C")
    export_path = os.path.join(environment.directory, "xuất-kết-quả.json")
    try:
        first = start(environment)
        first.line(
            f'start {CHECKLIST} --unit "{E2E_UNIT}" --leader "{E2E_LEADER}" --members "Vũ Văn Đức" --visit surprise'
        )
        audit_id = first.expect_regex(r"Đã bắt đầu cuộc kiểm tra (\S+):").group(1)
        first.expect_regex(item_prompt("CONTEXT-01", 1))
        first.line("Bộ phận một cửa, 8 giờ 05, có mặt 12 người")
        first.expect_regex(item_prompt("CONTEXT-02", 2))
        first.line("skip chưa làm việc với lãnh đạo đơn vị")
        first.expect("Đã bỏ qua CONTEXT-02")
        first.expect_regex(item_prompt("BADGE-01", 3))
        first.line("10/12")
        first.expect("✓ BADGE-01: 10/12")
        first.expect_regex(item_prompt("BADGE-02", 4))
        # A note on BADGE-01, after going back to it with Tab completion.
        first.send("goto BADGE-0")
        first.key("tab")
        first.expect_screen("BADGE-01  BADGE-02  BADGE-03")
        first.send("1")
        first.key("enter")
        first.expect_regex(item_prompt("BADGE-01", 3))
        first.line("note " + E2E_NOTE)
        first.expect("Đã ghi ghi chú cho BADGE-01.")
        first.send("goto CON")
        first.key("tab")
        first.expect_cursor_line("[3/27 BADGE-01] › goto CON")  # CONTEXT-…, CONDUCT-…: nothing shared
        first.send("DUCT-0")
        first.key("tab")  # CONDUCT-01 … 09: lists
        first.expect_screen("CONDUCT-09")
        first.send("1")
        first.key("enter")
        first.expect_regex(item_prompt("CONDUCT-01", 9))
        first.line("đạt")
        first.expect("✓ CONDUCT-01: đạt")
        first.expect_regex(item_prompt("CONDUCT-02", 10))
        first.line("mot phan")  # without diacritics
        first.expect("✓ CONDUCT-02: một phần")
        first.expect_regex(item_prompt("CONDUCT-03", 11))
        # A half-typed line cancelled with Ctrl-C is not recorded.
        first.send("khong da")
        first.key("ctrl-c")
        first.expect("^C")
        first.expect_regex(item_prompt("CONDUCT-03", 11))
        first.line("3")
        first.expect("✓ CONDUCT-03: 3")
        first.expect_regex(item_prompt("CONDUCT-04", 12))
        # A typo fixed with the arrow keys: "khôg đạt" → "không đạt".
        first.send("khôg đạt")
        first.key(*["left"] * 5)
        first.send("n")
        first.key("end")
        first.expect_cursor_line("[12/27 CONDUCT-04] › không đạt")
        first.key("enter")
        first.expect("✓ CONDUCT-04: không đạt")
        first.expect_regex(item_prompt("CONDUCT-05", 13))
        first.line("khong dat")
        first.expect("✓ CONDUCT-05: không đạt")
        first.expect_regex(item_prompt("CONDUCT-06", 14))
        first.key("ctrl-d")
        first.expect(f"Đã lưu cuộc kiểm tra {audit_id}.")
        check(first.wait_exit() == 0, "Ctrl-D did not exit with status 0")

        second = start(environment)
        check("1 cuộc kiểm tra chưa kết thúc:" in second.output, "the unfinished audit was not offered")
        check(f"resume {audit_id}" in second.output, "no resume hint for the unfinished audit")
        second.send("resume ")
        second.key("tab")
        second.expect_cursor_line(PROMPT + f"resume {audit_id} ")
        second.key("enter")
        # Resuming lands where the inspector was: CONDUCT-06, after the answer to CONDUCT-05.
        second.expect_regex(item_prompt("CONDUCT-06", 14))
        second.line(f"export {export_path}")
        second.expect(f"Đã xuất ra {export_path}")
        second.expect_regex(item_prompt("CONDUCT-06", 14))
        second.line("quit")
        check(second.wait_exit() == 0, "quit did not exit with status 0")

        with open(export_path, "rb") as handle:
            raw = handle.read()
        document = json.loads(raw)
        check(E2E_NOTE.encode("utf-8") in raw or E2E_NOTE in json.dumps(document, ensure_ascii=False),
              "the note is not in the export")
        outcomes = export_outcomes(document)
        expected = {
            "CONTEXT-01": {"text": "Bộ phận một cửa, 8 giờ 05, có mặt 12 người"},
            "BADGE-01": {"compliant": 10, "observed": 12},
            "CONDUCT-01": "pass",
            "CONDUCT-02": "partial",
            "CONDUCT-03": 3,
            "CONDUCT-04": "fail",
            "CONDUCT-05": "fail",
        }
        for item, outcome in expected.items():
            check(outcomes.get(item) == outcome, f"{item}: export has {outcomes.get(item)!r}, expected {outcome!r}")
        check("CONDUCT-06" not in outcomes, "the cancelled line was recorded")
        notes = export_notes(document)
        check(notes.get("BADGE-01") == [E2E_NOTE], f"BADGE-01 notes are {notes.get('BADGE-01')!r}")
        header = json.dumps(document, ensure_ascii=False)
        check(E2E_UNIT in header and E2E_LEADER in header, "unit or leader name altered")
        overall = find_overall(document)
        scored = find_overall(score_json(BINARY, export_path, environment))
        check(overall is not None and abs(overall - scored) < 1e-9, f"scores.overall {overall} != kycuong score {scored}")
    finally:
        environment.cleanup()


# The export's shape ---------------------------------------------------------------------------------------------


def export_items(document):
    """The export's per-item records: a list of dicts with an `id`."""
    items = document.get("items")
    if isinstance(items, dict):
        return [dict(value, id=key) for key, value in items.items()]
    return items or []


def normalise_outcome(outcome):
    if isinstance(outcome, dict):
        kind = outcome.get("kind") or outcome.get("type")
        if kind in ("pass", "fail", "partial", "notApplicable"):
            return kind
        if kind == "observation" or "observed" in outcome:
            return {"compliant": outcome["compliant"], "observed": outcome["observed"]}
        if kind == "scale" or "value" in outcome and isinstance(outcome["value"], int):
            return outcome["value"]
        if kind == "text" or "text" in outcome:
            return {"text": outcome["text"]}
    return outcome


def export_outcomes(document):
    """Item id → normalised outcome for every answered item."""
    result = {}
    for item in export_items(document):
        outcome = item.get("outcome")
        if outcome is None and isinstance(item.get("state"), dict):
            outcome = item["state"].get("outcome")
        if outcome is not None:
            result[item["id"]] = normalise_outcome(outcome)
    return result


def export_notes(document):
    """Item id → note texts."""
    result = {}
    for item in export_items(document):
        notes = item.get("notes") or []
        if notes:
            result[item["id"]] = [n["text"] if isinstance(n, dict) else n for n in notes]
    return result


# Piped input ---------------------------------------------------------------------------------------------------


def run_piped(text, extra_env=None):
    environment = Environment(extra=extra_env)
    try:
        return subprocess.run(
            [BINARY], input=text.encode("utf-8"), capture_output=True, env=environment.env, timeout=30
        )
    finally:
        environment.cleanup()


def piped_input():
    result = run_piped(START + "\r\nPhòng một cửa, có mặt 6 người\nnote Ghi chú cuối không xuống dòng")
    out = result.stdout.decode("utf-8")
    check(result.returncode == 0, f"exit status {result.returncode}\n{out}")
    check("\x1b" not in out, f"escape codes in piped output: {out!r}")
    check("›" not in out, f"a prompt was printed: {out!r}")
    check(WELCOME not in out, "the welcome text was printed to a pipe")
    check(out.startswith("Đã bắt đầu cuộc kiểm tra "), f"unexpected start of output: {out[:200]!r}")
    check("✓ CONTEXT-01: “Phòng một cửa, có mặt 6 người”" in out, f"the answer was not recorded: {out!r}")
    # The note follows the answer to CONTEXT-01, so it is on CONTEXT-01, the item just answered.
    check("Đã ghi ghi chú cho CONTEXT-01." in out, "the last line (no newline) was not read")
    check(out.rstrip("\n").endswith("Tạm biệt."), f"no goodbye at the end of input: {out[-200:]!r}")


def piped_failure_status():
    result = run_piped("zzz\nhelp quit\n")
    out = result.stdout.decode("utf-8")
    check("Không có lệnh `zzz`." in out, f"no refusal: {out!r}")
    check("thoát" in out, "the line after the refused one was not run")
    check(result.returncode == 1, f"a refused command gave exit status {result.returncode}, expected 1")


def server_unreachable():
    """With a department server configured but unreachable (no network on site), answering never waits: the
    prompt counts the events not yet sent (↑N), `sync` says so, and leaving says what waits."""
    environment = Environment()
    key = os.path.join(environment.directory, "laptop.key")
    subprocess.run([BINARY, "key", "generate", "--signer", LEADER, "--out", key], check=True,
                   capture_output=True, env=environment.env)
    environment.env.update({"KYCUONG_SERVER": "http://127.0.0.1:9", "KYCUONG_KEY": key})
    session = start(environment)
    try:
        session.line(START)
        audit_id = session.expect_regex(r"Đã bắt đầu cuộc kiểm tra (\S+):").group(1)
        session.expect_regex(r"\[1/27 CONTEXT-01 ↑1\] › ")
        session.line("goto BADGE-01")
        session.expect_regex(r"\[\d+/27 BADGE-01 ↑1\] › ")
        session.line("10/12")
        session.expect_regex(r"\[\d+/27 BADGE-02 ↑2\] › ")
        session.line("sync")
        session.expect("Còn 2 sự kiện chưa gửi lên http://127.0.0.1:9")
        session.expect_regex(r"\[\d+/27 BADGE-02 ↑2\] › ")
        session.line("quit")
        session.expect(f"2 event(s) of {audit_id} are not yet on the server")
        status = session.wait_exit()
        check(status == 0, f"quit with unsent events exited {status}")
        with open(os.path.join(environment.audits, f"{audit_id}.jsonl"), encoding="utf-8") as handle:
            check('"compliant":10' in handle.read().replace(" ", ""), "the answer is in the log on disk")
    finally:
        session.close()
        environment.cleanup()


def team_merge_and_resolve():
    """The leader of a team audit merges a member's log handed over as a file and settles the conflict, in
    Vietnamese: `hợp nhất FILE` lists both answers with their recorders, `finish` says what settles the item,
    Tab after `resolve ` completes the item in conflict, and the decision is the log's last event."""
    environment = Environment()
    member_store = os.path.join(environment.directory, "binh")
    invitation = os.path.join(environment.directory, "binh.json")
    session = start(environment)
    try:
        audit_id = open_audit(session)
        goto(session, "BADGE-01")
        session.line("10/12")
        session.expect("✓ BADGE-01: 10/12")
        session.line("quit")
        check(session.wait_exit() == 0, "the leader's first session ends")
        session.close()
        # Bình joins from the invitation on her laptop and counts 11 of 12.
        for arguments in (
            ["audit", "invite", audit_id, "--member", "Trần Thị Bình", "--store", environment.audits,
             "-o", invitation],
            ["audit", "join", invitation, "--device", "binh-laptop", "--store", member_store],
        ):
            subprocess.run([BINARY] + arguments, check=True, capture_output=True, env=environment.env)
        subprocess.run(
            [BINARY, "audit", "--store", member_store, "--inspector", "Trần Thị Bình"], check=True,
            capture_output=True, env=environment.env,
            input=f"resume {audit_id}\ngoto BADGE-01\n11/12\n".encode("utf-8"))
        session = start(environment)
        session.line(f"resume {audit_id}")
        session.expect_regex(r"\[\d+/\d+ [A-Z]+-\d+\] › ")
        session.line(f"hợp nhất {os.path.join(member_store, audit_id + '.jsonl')}")
        session.expect("1 xung đột")
        session.expect_regex(r"binh-laptop#\d+\s+Trần Thị Bình\s+\S+\s+11/12")
        # The item itself shows the conflict and each device's answer.
        session.line("goto BADGE-01")
        session.expect_regex(r"Xung đột: các thiết bị trả lời khác nhau;\s+`resolve` để quyết định")
        session.expect("binh-laptop (Trần Thị Bình): 11/12")
        session.expect_regex(item_prompt("BADGE-01"))
        if os.environ.get("KYCUONG_PTY_SHOW"):
            print(session.screen.text())
        session.line("finish --yes")
        session.expect_regex(r"Các\s+thiết\s+bị\s+trả\s+lời\s+khác\s+nhau\s+ở\s+BADGE-01")
        session.send("resolve ")
        session.key("tab")
        session.expect_screen("› resolve BADGE-01")
        session.send('10/12 --reason "Đếm lại cùng đại diện đơn vị"')
        session.key("enter")
        settled = r"(leader#\d+,\s+binh-laptop#\d+|binh-laptop#\d+,\s+leader#\d+)"
        session.expect_regex(r"✓ Đã quyết định BADGE-01: 10/12\s+\(thay\s+cho\s+" + settled + r"\)")
        session.expect_regex(r"Không\s+còn\s+xung\s+đột\.")
        session.line("quit")
        status = session.wait_exit()
        check(status == 1, f"the leader's second session ends, 1 as `finish` was refused once: {status}")
        last = audit_log(environment, audit_id)[-1]
        check(last["type"] == "resolved" and last.get("reason") == "Đếm lại cùng đại diện đơn vị",
              f"the decision is the leader's last event: {last}")
    finally:
        session.close()
        environment.cleanup()


def piped_quit():
    result = run_piped("quit\nfind đeo thẻ\n")
    out = result.stdout.decode("utf-8")
    check(result.returncode == 0, f"quit gave exit status {result.returncode}")
    check("mục khớp" not in out, f"quit did not stop reading: {out!r}")


CHECKS = [
    ("Vietnamese intact under LANG=C", with_program(vietnamese_text)),
    ("Vietnamese intact under LANG=POSIX", vietnamese_text_under("POSIX")),
    ("Vietnamese intact under LANG=C.UTF-8", vietnamese_text_under("C.UTF-8")),
    ("Vietnamese intact under LANG=vi_VN.UTF-8", vietnamese_text_under("vi_VN.UTF-8")),
    ("Tab: item id common prefix, then candidates", with_program(completion_common_prefix, audit=True)),
    ("Tab: command, checklist id, option", with_program(completion_single)),
    ("Tab: Vietnamese answer words", with_program(completion_answer_words, audit=True)),
    ("Tab: no candidate beeps", with_program(completion_none_beeps)),
    ("Ctrl-C cancels the line", with_program(ctrl_c_cancels_line)),
    ("Ctrl-C cancels start's questions", with_program(ctrl_c_cancels_start)),
    ("Ctrl-C in a history search", with_program(ctrl_c_in_history_search)),
    ("arrow keys edit", with_program(arrow_key_editing, audit=True)),
    ("arrow keys edit Vietnamese by character", with_program(arrow_key_editing_vietnamese, audit=True)),
    ("Up recalls history", with_program(history_recall)),
    ("history persists under XDG_STATE_HOME", history_persists),
    ("history defaults to ~/.local/state", history_default_location),
    ("Ctrl-D on an empty line saves and exits 0", with_program(ctrl_d_exits)),
    ("Ctrl-D on a non-empty line deletes", with_program(ctrl_d_on_non_empty_line_does_not_exit)),
    ("Ctrl-D leaves a sane terminal", in_shell(ctrl_d_restores_terminal)),
    ("SIGTERM exits 143 and restores", in_shell(sigterm_restores_terminal)),
    ("Ctrl-Z suspends, fg resumes", in_shell(ctrl_z_suspends_and_fg_resumes)),
    ("resize keeps working", with_program(resize_rewraps, audit=True)),
    ("on site: a note after an answer is on the item answered; ITEM names one", with_program(note_after_answer)),
    ("on site: retract and undo", with_program(retract_in_pty)),
    ("on site: finish lists skips, asks; reopen; a signed audit stays closed", with_program(finish_confirm_reopen)),
    ("on site: at 60 columns no line is wider than 60", with_program(sixty_columns)),
    ("on site: resume after kill -9 where the inspector was", with_program(resume_after_kill)),
    ("revised checklist: context at start, visits, yes/no gate", with_revised(revised_checklist)),
    ("e2e: Vietnamese audit under LANG=C, resume, export", e2e_scenario),
    ("piped: no prompt, no escapes, last line counts", piped_input),
    ("piped: refused command exits 1", piped_failure_status),
    ("piped: quit stops reading", piped_quit),
    ("server unreachable: answers do not wait, ↑N in the prompt, sync says so", server_unreachable),
    ("team: hợp nhất a member's log, Tab after resolve, the decision logged", team_merge_and_resolve),
]


def main():
    global BINARY
    if len(sys.argv) < 2:
        print(__doc__)
        sys.exit(2)
    BINARY = os.path.abspath(sys.argv[1])
    if not os.access(BINARY, os.X_OK):
        print(f"not an executable: {BINARY}")
        sys.exit(2)
    run_checks(CHECKS, names=sys.argv[2:])


if __name__ == "__main__":
    main()
