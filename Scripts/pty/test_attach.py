#!/usr/bin/env python3
"""F14 in a real pseudo-terminal: attaching a large file shows progress, Ctrl-C cancels it cleanly.

    python3 Scripts/pty/test_attach.py path/to/kycuong [CHECK NAME...]

A sparse file just under the 1 GiB limit is attached; once the progress line shows, Ctrl-C cancels: kycuong
says nothing was attached, keeps running, leaves no copy (whole or partial) in the store's attachments, and the
audit goes on (a small file attaches, `quit`, and a second kycuong resumes the audit with its one attachment).
A file over the limit is refused before a byte is copied.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import test_terminal  # noqa: E402
from ptyharness import check, run_checks  # noqa: E402
from test_terminal import item_prompt, open_audit, start  # noqa: E402

LIMIT = 1 << 30


def store_files(environment):
    """Every file under the store's attachments folder (copies and `.incoming-*` partial copies)."""
    folder = os.path.join(environment.audits, "attachments")
    found = []
    for root, _, files in os.walk(folder):
        found += [os.path.join(root, name) for name in files]
    return found


def ctrl_c_cancels_a_large_attach(session, environment):
    audit_id = open_audit(session)
    large = os.path.join(environment.directory, "large.bin")
    with open(large, "wb") as file:
        file.truncate(LIMIT - 1)  # sparse: no disk space, every byte still read and hashed
    session.line(f"attach --general {large}")
    session.expect("Ctrl-C: hủy/cancel", timeout=60)
    session.key("ctrl-c")
    session.expect("đã hủy; chưa đính kèm", timeout=60)
    session.expect_regex(item_prompt("CONTEXT-01", 1))
    check(session.is_alive(), "kycuong ended on Ctrl-C during attach")
    check(not store_files(environment), f"files left in the store: {store_files(environment)}")
    # The audit goes on: a small file attaches, and a second kycuong resumes with it.
    small = os.path.join(environment.directory, "small.txt")
    with open(small, "w") as file:
        file.write("biên bản\n")
    session.line(f"attach --general {small}")
    # A Ctrl-C cancels the task it interrupted, not the next one (it once stayed set and cancelled every
    # later attach).
    session.expect(f"Đã đính kèm {small}")
    session.expect_regex(item_prompt("CONTEXT-01", 1))
    check(len(store_files(environment)) == 1, f"store after one attach: {store_files(environment)}")
    session.line("quit")
    session.wait_exit()
    second = start(environment)
    try:
        second.line(f"resume {audit_id}")
        second.expect_regex(item_prompt("CONTEXT-01", 1))
        # The resumed audit holds the one attachment: the same file again is refused as already attached.
        second.line(f"attach --general {small}")
        second.expect("Tệp này đã được đính kèm")
        second.expect_regex(item_prompt("CONTEXT-01", 1))
    finally:
        second.close()


def over_the_limit_is_refused(session, environment):
    open_audit(session)
    huge = os.path.join(environment.directory, "huge.bin")
    with open(huge, "wb") as file:
        file.truncate(LIMIT + 1)
    session.line(f"attach --general {huge}")
    session.expect("1073741825 byte")
    session.expect_regex(item_prompt("CONTEXT-01", 1))
    check(not store_files(environment), f"files left in the store: {store_files(environment)}")


CHECKS = [
    ("attach: Ctrl-C cancels a large file, nothing kept, the audit resumes",
     test_terminal.with_program(ctrl_c_cancels_a_large_attach)),
    ("attach: a file over 1 GiB is refused", test_terminal.with_program(over_the_limit_is_refused)),
]


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        sys.exit(2)
    test_terminal.BINARY = os.path.abspath(sys.argv[1])
    run_checks(CHECKS, names=sys.argv[2:])


if __name__ == "__main__":
    main()
