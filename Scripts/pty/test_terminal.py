#!/usr/bin/env python3
"""End-to-end checks of kycuong's terminal layer in a real pseudo-terminal.

Usage: Scripts/pty/test_terminal.py PATH/TO/kycuong [CHECK-NAME ...]

Runs under LANG=C with LC_ALL unset and a temporary HOME/XDG_STATE_HOME. Exits non-zero when a check fails.
Add a check by writing a function and listing it in CHECKS.
"""

import os
import signal
import subprocess
import sys

sys.dont_write_bytecode = True  # keep Scripts/pty free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from ptyharness import (  # noqa: E402
    Environment,
    PtySession,
    ShellSession,
    check,
    run_checks,
)

PROMPT = "[1/3 BADGE-01] › "
BINARY = ""


def start(environment, **kwargs):
    """kycuong in a pty, once its first prompt is on the screen."""
    session = PtySession([BINARY], environment.env, **kwargs)
    session.expect(PROMPT)
    return session


def with_program(body, lang="C"):
    """Runs `body(session, environment)` against a fresh kycuong and cleans up."""

    def run():
        environment = Environment(lang=lang)
        session = start(environment)
        try:
            body(session, environment)
        finally:
            session.close()
            environment.cleanup()

    return run


def vietnamese_line(session, _):
    session.line("Đeo thẻ công chức đầy đủ")
    session.expect("đã nhận: Đeo thẻ công chức đầy đủ")
    session.expect(PROMPT)


def vietnamese_line_under(lang):
    return with_program(vietnamese_line, lang=lang)


def completion_common_prefix(session, _):
    session.send("BAD")
    session.key("tab")
    # BADGE-01 and BADGE-02 share "BADGE-0": Tab inserts it.
    session.expect_cursor_line(PROMPT + "BADGE-0")
    session.key("tab")
    # Nothing more to insert: the candidates are listed and the line is redrawn below them.
    session.expect_screen("BADGE-01  BADGE-02")
    session.expect_cursor_line(PROMPT + "BADGE-0")
    session.send("2")
    session.key("enter")
    session.expect("đã nhận: BADGE-02")


def completion_single(session, _):
    session.send("DR")
    session.key("tab")
    session.expect_cursor_line(PROMPT + "DRESS-01 ")
    session.key("enter")
    session.expect("đã nhận: DRESS-01 ")


def completion_vietnamese(session, _):
    session.send("BADGE-01 kh")
    session.key("tab")
    session.expect_cursor_line(PROMPT + "BADGE-01 không đạt ")
    session.key("enter")
    session.expect("đã nhận: BADGE-01 không đạt ")


def completion_none_beeps(session, _):
    session.send("zzz")
    session.mark()
    session.key("tab")
    session.expect("\a")
    session.key("enter")
    session.expect("đã nhận: zzz")


def ctrl_c_cancels_line(session, _):
    session.send("dòng bị hủy")
    session.expect_cursor_line(PROMPT + "dòng bị hủy")
    session.key("ctrl-c")
    session.expect("^C")
    session.expect(PROMPT)
    check(session.is_alive(), "kycuong died on Ctrl-C")
    session.key("ctrl-c")  # on an empty line too
    session.expect("^C")
    session.expect(PROMPT)
    session.line("vẫn chạy")
    session.expect("đã nhận: vẫn chạy")
    check("đã nhận: dòng bị hủy" not in session.output, "the cancelled line was evaluated")


def arrow_key_editing(session, _):
    session.send("abc")
    session.key("left", "left")
    session.send("X")
    session.key("enter")
    session.expect("đã nhận: aXbc")


def arrow_key_editing_vietnamese(session, _):
    session.send("đạt")
    session.key("left", "left")
    session.send("X")
    session.key("enter")
    session.expect("đã nhận: đXạt")


def history_recall(session, _):
    session.line("dòng đầu tiên")
    session.expect("đã nhận: dòng đầu tiên")
    session.expect(PROMPT)
    session.line("dòng thứ hai")
    session.expect("đã nhận: dòng thứ hai")
    session.expect(PROMPT)
    session.key("up", "up")
    session.expect_cursor_line(PROMPT + "dòng đầu tiên")
    session.key("enter")
    session.expect("đã nhận: dòng đầu tiên")


def history_persists():
    environment = Environment()
    try:
        first = start(environment)
        first.line("nhớ dòng này")
        first.expect("đã nhận: nhớ dòng này")
        first.line("   ")  # blank lines are not remembered
        first.expect("đã nhận:")
        first.line("quit")
        check(first.wait_exit() == 0, "quit did not exit with status 0")
        history_file = os.path.join(environment.state, "kycuong", "history")
        check(os.path.exists(history_file), f"no history file at {history_file}")
        mode = os.stat(history_file).st_mode & 0o777
        check(mode & 0o077 == 0, f"history file is readable by others (mode {oct(mode)})")
        second = start(environment)
        second.key("up")
        second.expect_cursor_line(PROMPT + "quit")
        second.key("up")
        second.expect_cursor_line(PROMPT + "nhớ dòng này")
        second.key("ctrl-u", "ctrl-d")
        check(second.wait_exit() == 0, "Ctrl-D did not exit with status 0")
        check(not os.path.exists(os.path.join(environment.home, ".local")), "history written under HOME")
    finally:
        environment.cleanup()


def ctrl_c_in_history_search(session, _):
    session.line("tìm dòng này")
    session.expect("đã nhận: tìm dòng này")
    session.expect(PROMPT)
    session.key("ctrl-r")
    session.send("tìm")
    session.expect_screen("tìm dòng này")
    session.key("ctrl-c")
    session.expect("^C")
    session.expect(PROMPT)
    session.line("tiếp")
    session.expect("đã nhận: tiếp")


def history_default_location():
    environment = Environment()
    environment.env.pop("XDG_STATE_HOME")
    try:
        session = start(environment)
        session.line("mặc định")
        session.expect("đã nhận: mặc định")
        session.key("ctrl-d")
        check(session.wait_exit() == 0, "Ctrl-D did not exit with status 0")
        history_file = os.path.join(environment.home, ".local", "state", "kycuong", "history")
        check(os.path.exists(history_file), f"no history file at {history_file}")
    finally:
        environment.cleanup()


def ctrl_d_exits(session, _):
    session.key("ctrl-d")
    session.expect("tạm biệt")
    status = session.wait_exit()
    check(status == 0, f"Ctrl-D exited with status {status}")
    # libedit prints no newline after Ctrl-D: the goodbye must start on its own line.
    check("\ntạm biệt" in session.output.replace("\r", ""), "goodbye printed on the prompt's line")


def ctrl_d_on_non_empty_line_does_not_exit(session, _):
    session.send("abc")
    session.key("left", "ctrl-d")  # deletes "c" under the cursor instead of ending the input
    session.key("enter")
    session.expect("đã nhận: ab")
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
    shell.key("ctrl-d")
    shell.expect("tạm biệt")
    shell.expect_prompt()
    status = shell.last_status()
    check(status == 0, f"Ctrl-D exited with status {status}")
    shell.assert_terminal_sane()


def sigterm_restores_terminal(shell):
    shell.run(BINARY)
    shell.expect(PROMPT)
    shell.send("đang gõ")
    shell.expect_cursor_line(PROMPT + "đang gõ")
    shell.signal(signal.SIGTERM, pid=shell.foreground_child())
    shell.expect_prompt()
    status = shell.last_status()
    check(status == 143, f"SIGTERM exited with status {status}, expected 143")
    shell.assert_terminal_sane()


def ctrl_z_suspends_and_fg_resumes(shell):
    shell.run(BINARY)
    shell.expect(PROMPT)
    shell.send("trước khi dừng")
    shell.expect_cursor_line(PROMPT + "trước khi dừng")
    shell.key("ctrl-z")
    shell.expect("Stopped")
    shell.expect_prompt()
    # While kycuong is stopped the shell must have a normal terminal.
    shell.assert_terminal_sane()
    shell.run("fg")
    # The line being edited is redrawn and editing goes on.
    shell.expect_cursor_line(PROMPT + "trước khi dừng")
    # A second suspension of the same line works too (libedit's own handlers are one-shot).
    shell.key("ctrl-z")
    shell.expect("Stopped")
    shell.expect_prompt()
    shell.assert_terminal_sane()
    shell.run("fg")
    shell.expect_cursor_line(PROMPT + "trước khi dừng")
    shell.send(" và sau")
    shell.key("enter")
    shell.expect("đã nhận: trước khi dừng và sau")
    shell.line("quit")
    shell.expect_prompt()
    check(shell.last_status() == 0, "quit after fg did not exit with status 0")
    shell.assert_terminal_sane()


def resize_rewraps(session, _):
    session.send("một dòng dài " * 3)
    session.expect_cursor_line(PROMPT + ("một dòng dài " * 3).rstrip())
    session.child.setwinsize(24, 40)
    session.send("!")
    session.key("enter")
    session.expect("đã nhận: " + "một dòng dài " * 3 + "!")
    check(session.is_alive(), "kycuong died on a resize")


def run_piped(text, extra_env=None):
    environment = Environment(extra=extra_env)
    try:
        return subprocess.run(
            [BINARY], input=text.encode("utf-8"), capture_output=True, env=environment.env, timeout=10
        )
    finally:
        environment.cleanup()


def piped_input():
    result = run_piped("Đeo thẻ công chức đầy đủ\r\nhai\nba không xuống dòng")
    out = result.stdout.decode("utf-8")
    check(result.returncode == 0, f"exit status {result.returncode}\n{out}")
    check("\x1b" not in out, f"escape codes in piped output: {out!r}")
    check("›" not in out, f"a prompt was printed: {out!r}")
    expected = "đã nhận: Đeo thẻ công chức đầy đủ\nđã nhận: hai\nđã nhận: ba không xuống dòng\ntạm biệt\n"
    check(out == expected, f"piped output was {out!r}, expected {expected!r}")


def piped_failure_status():
    result = run_piped("fail một lệnh\nok\n")
    check(result.returncode == 1, f"a failed command gave exit status {result.returncode}, expected 1")


def piped_quit():
    result = run_piped("quit\nkhông được đọc\n")
    out = result.stdout.decode("utf-8")
    check(result.returncode == 0 and "không được đọc" not in out, f"quit did not stop reading: {out!r}")


CHECKS = [
    ("vietnamese line under LANG=C", with_program(vietnamese_line)),
    ("vietnamese line under LANG=POSIX", vietnamese_line_under("POSIX")),
    ("vietnamese line under LANG=C.UTF-8", vietnamese_line_under("C.UTF-8")),
    ("vietnamese line under LANG=vi_VN.UTF-8", vietnamese_line_under("vi_VN.UTF-8")),
    ("Tab: common prefix, then candidates", with_program(completion_common_prefix)),
    ("Tab: single candidate", with_program(completion_single)),
    ("Tab: Vietnamese candidate with a space", with_program(completion_vietnamese)),
    ("Tab: no candidate beeps", with_program(completion_none_beeps)),
    ("Ctrl-C cancels the line", with_program(ctrl_c_cancels_line)),
    ("Ctrl-C in a history search", with_program(ctrl_c_in_history_search)),
    ("arrow keys edit", with_program(arrow_key_editing)),
    ("arrow keys edit Vietnamese by character", with_program(arrow_key_editing_vietnamese)),
    ("Up recalls history", with_program(history_recall)),
    ("history persists under XDG_STATE_HOME", history_persists),
    ("history defaults to ~/.local/state", history_default_location),
    ("Ctrl-D on an empty line exits 0", with_program(ctrl_d_exits)),
    ("Ctrl-D on a non-empty line deletes", with_program(ctrl_d_on_non_empty_line_does_not_exit)),
    ("Ctrl-D leaves a sane terminal", in_shell(ctrl_d_restores_terminal)),
    ("SIGTERM exits 143 and restores", in_shell(sigterm_restores_terminal)),
    ("Ctrl-Z suspends, fg resumes", in_shell(ctrl_z_suspends_and_fg_resumes)),
    ("resize keeps working", with_program(resize_rewraps)),
    ("piped: no prompt, no escapes, last line counts", piped_input),
    ("piped: failed command exits 1", piped_failure_status),
    ("piped: quit stops reading", piped_quit),
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
