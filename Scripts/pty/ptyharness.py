"""A small library for end-to-end tests of a program in a real pseudo-terminal.

A test spawns the program (directly, or inside an interactive shell when it needs job control), types keys,
and waits for text to appear, either in the raw output stream (`expect`) or on a simple emulated screen
(`expect_screen`, which follows cursor movement and line erasing so redrawn lines read as the user sees them).
Every wait has a timeout; nothing sleeps for a fixed time. A failed check raises `CheckFailed` with the
recent output, and `run_checks` turns that into a clear message and a non-zero exit status.

The environment is isolated: HOME, XDG_STATE_HOME (history) and XDG_DATA_HOME (saved audits) point into a
temporary directory, so no audit ever lands in the real home; LANG=C (what CI and
many servers use) and LC_ALL/LC_CTYPE are unset, unless a test overrides them.
"""

import codecs
import os
import re
import shutil
import sys
import tempfile
import time
import traceback

import pexpect

DEFAULT_TIMEOUT = 10.0

KEYS = {
    "enter": "\r",
    "tab": "\t",
    "up": "\x1b[A",
    "down": "\x1b[B",
    "right": "\x1b[C",
    "left": "\x1b[D",
    "home": "\x1b[H",
    "end": "\x1b[F",
    "backspace": "\x7f",
    "ctrl-a": "\x01",
    "ctrl-c": "\x03",
    "ctrl-d": "\x04",
    "ctrl-e": "\x05",
    "ctrl-k": "\x0b",
    "ctrl-r": "\x12",
    "ctrl-u": "\x15",
    "ctrl-z": "\x1a",
}

ANSI_ESCAPE = re.compile(r"\x1b(\[[0-9;?]*[ -/]*[@-~]|\][^\x07]*\x07|[@-Z\\-_])")


class CheckFailed(Exception):
    """A check did not see what it expected."""


def _plain_with_offsets(raw):
    """`raw` without escape sequences, and for each remaining character its offset in `raw` (so a match in
    the plain text can advance a position in the raw stream)."""
    plain, offsets, i = [], [], 0
    while i < len(raw):
        match = ANSI_ESCAPE.match(raw, i) if raw[i] == "\x1b" else None
        if match:
            i = match.end()
            continue
        plain.append(raw[i])
        offsets.append(i)
        i += 1
    return "".join(plain), offsets


def strip_ansi(text):
    """`text` without ANSI escape sequences."""
    return ANSI_ESCAPE.sub("", text)


class Screen:
    """A minimal terminal screen: enough of VT100 to follow a line editor's redraws (no scrolling regions,
    no attributes). Rows are lists of characters; the cursor moves with CR, LF, BS and CSI A/B/C/D/G/H/J/K/P/@.
    """

    def __init__(self, rows=24, columns=80):
        self.rows, self.columns = rows, columns
        self.lines = [[] for _ in range(rows)]
        self.row = self.column = 0
        self._pending = ""

    def feed(self, text):
        text = self._pending + text
        self._pending = ""
        i = 0
        while i < len(text):
            ch = text[i]
            if ch == "\x1b":
                match = ANSI_ESCAPE.match(text, i)
                if match is None:
                    # An escape sequence split across reads: keep it for the next feed.
                    self._pending = text[i:]
                    return
                self._escape(match.group(0))
                i = match.end()
                continue
            if ch == "\r":
                self.column = 0
            elif ch == "\n":
                self._line_feed()
            elif ch == "\b":
                self.column = max(0, self.column - 1)
            elif ch == "\a" or ch < " ":
                pass
            else:
                if self.column >= self.columns:
                    self.column = 0
                    self._line_feed()
                line = self.lines[self.row]
                while len(line) < self.column:
                    line.append(" ")
                if self.column < len(line):
                    line[self.column] = ch
                else:
                    line.append(ch)
                self.column += 1
            i += 1

    def _line_feed(self):
        if self.row == self.rows - 1:
            self.lines.pop(0)
            self.lines.append([])
        else:
            self.row += 1

    def _escape(self, sequence):
        if not sequence.startswith("\x1b["):
            return
        final = sequence[-1]
        params = [int(p) if p.isdigit() else 0 for p in sequence[2:-1].lstrip("?").split(";")]
        n = params[0] if params and params[0] else 1
        line = self.lines[self.row]
        if final == "A":
            self.row = max(0, self.row - n)
        elif final == "B":
            self.row = min(self.rows - 1, self.row + n)
        elif final == "C":
            self.column = min(self.columns - 1, self.column + n)
        elif final == "D":
            self.column = max(0, self.column - n)
        elif final == "G":
            self.column = n - 1
        elif final == "H":
            self.row = min(self.rows - 1, (params[0] if params and params[0] else 1) - 1)
            self.column = (params[1] if len(params) > 1 and params[1] else 1) - 1
        elif final == "K":
            mode = params[0] if params else 0
            if mode == 0:
                del line[self.column:]
            elif mode == 2:
                line.clear()
            else:
                for c in range(min(self.column + 1, len(line))):
                    line[c] = " "
        elif final == "J":
            mode = params[0] if params else 0
            if mode == 2:
                self.lines = [[] for _ in range(self.rows)]
            elif mode == 0:
                del line[self.column:]
                for r in range(self.row + 1, self.rows):
                    self.lines[r] = []
        elif final == "P":
            del line[self.column:self.column + n]
        elif final == "@":
            for _ in range(n):
                line.insert(self.column, " ")

    def text(self):
        """The screen as text, trailing blanks removed."""
        rendered = ["".join(line).rstrip() for line in self.lines]
        while rendered and not rendered[-1]:
            rendered.pop()
        return "\n".join(rendered)

    def cursor_line(self):
        """The line the cursor is on."""
        return "".join(self.lines[self.row]).rstrip()


class PtySession:
    """One program in a pseudo-terminal, with its output recorded both raw and on an emulated screen."""

    def __init__(self, argv, env, cwd=None, rows=24, columns=80, timeout=DEFAULT_TIMEOUT):
        self.timeout = timeout
        self.output = ""  # everything read, decoded
        self._position = 0  # where the next `expect` starts looking
        self.screen = Screen(rows, columns)
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self.child = pexpect.spawn(
            argv[0], argv[1:], env=env, cwd=cwd, dimensions=(rows, columns), encoding=None, echo=True
        )

    # Reading ---------------------------------------------------------------------------------------------

    def _read_some(self, deadline):
        """Reads what is available (waiting at most until `deadline`); False at end of file."""
        remaining = max(0.0, deadline - time.monotonic())
        try:
            data = self.child.read_nonblocking(4096, timeout=remaining)
        except pexpect.TIMEOUT:
            return True
        except pexpect.EOF:
            return False
        text = self._decoder.decode(data)
        self.output += text
        self.screen.feed(text)
        return True

    def _wait_for(self, found, description, timeout):
        deadline = time.monotonic() + (self.timeout if timeout is None else timeout)
        while True:
            result = found()
            if result is not None:
                return result
            if time.monotonic() >= deadline:
                raise CheckFailed(f"timed out waiting for {description}" + session_context(self))
            if not self._read_some(deadline):
                result = found()
                if result is not None:
                    return result
                raise CheckFailed(f"program ended while waiting for {description}" + session_context(self))

    def expect(self, text, timeout=None):
        """Waits until `text` appears in the output (escape codes stripped) after the previous match."""

        def found():
            plain, offsets = _plain_with_offsets(self.output[self._position:])
            index = plain.find(text)
            if index < 0:
                return None
            self._position += offsets[index + len(text) - 1] + 1 if text else 0
            return text

        return self._wait_for(found, repr(text), timeout)

    def expect_regex(self, pattern, timeout=None):
        """Waits until `pattern` matches the output (escape codes stripped) after the previous match."""
        compiled = re.compile(pattern)

        def found():
            plain, offsets = _plain_with_offsets(self.output[self._position:])
            match = compiled.search(plain)
            if match is None:
                return None
            # Continue after the match, not after everything read: a prompt that arrived in the same read
            # as the matched reply must still be there for the next expect.
            if match.end() > match.start():
                self._position += offsets[match.end() - 1] + 1
            return match

        return self._wait_for(found, f"/{pattern}/", timeout)

    def expect_screen(self, text, timeout=None):
        """Waits until `text` is visible on the emulated screen (as the user would see it)."""
        return self._wait_for(
            lambda: text if text in self.screen.text() else None, f"{text!r} on the screen", timeout
        )

    def expect_cursor_line(self, text, timeout=None):
        """Waits until the line under the cursor is exactly `text` (trailing blanks ignored)."""
        return self._wait_for(
            lambda: text if self.screen.cursor_line() == text.rstrip() else None,
            f"cursor line {text!r}",
            timeout,
        )

    def drain(self, quiet=0.2):
        """Reads until the program has been quiet for `quiet` seconds (used only to stabilise a screen
        before asserting that something is absent)."""
        while True:
            before = len(self.output)
            self._read_some(time.monotonic() + quiet)
            if len(self.output) == before:
                return

    def mark(self):
        """Starts the next `expect` from the end of what has been read so far."""
        self._position = len(self.output)

    # Writing ---------------------------------------------------------------------------------------------

    def send(self, text):
        """Types `text` (UTF-8)."""
        self.child.send(text.encode("utf-8"))

    def key(self, *names):
        """Presses named keys, e.g. key("left", "left") or key("ctrl-c")."""
        for name in names:
            self.send(KEYS[name])

    def line(self, text):
        """Types `text` and Enter."""
        self.send(text + "\r")

    # Process ---------------------------------------------------------------------------------------------

    @property
    def pid(self):
        return self.child.pid

    def is_alive(self):
        return self.child.isalive()

    def signal(self, signo, pid=None):
        os.kill(self.child.pid if pid is None else pid, signo)

    def wait_exit(self, timeout=None):
        """Waits for the program to end; returns its exit status, or 128+signal when killed."""
        deadline = time.monotonic() + (self.timeout if timeout is None else timeout)
        while self._read_some(deadline):
            if time.monotonic() >= deadline:
                raise CheckFailed("timed out waiting for the program to exit")
        while self.child.isalive():
            if time.monotonic() >= deadline:
                raise CheckFailed("timed out waiting for the program to exit")
            time.sleep(0.02)
        self.child.close()
        if self.child.signalstatus is not None:
            return 128 + self.child.signalstatus
        return self.child.exitstatus

    def close(self):
        if self.child.isalive():
            self.child.terminate(force=True)
        self.child.close(force=True)


class ShellSession(PtySession):
    """An interactive bash in the pty, for checks that need job control (Ctrl-Z, `fg`) or a look at the
    terminal after the program ends (`stty -a`, `$?`)."""

    PROMPT = "SHELL-READY$ "

    def __init__(self, env, **kwargs):
        env = dict(env)
        env["PS1"] = self.PROMPT
        env["PROMPT_COMMAND"] = ""
        super().__init__(["bash", "--norc", "--noprofile", "-i"], env, **kwargs)
        self.expect(self.PROMPT)

    def run(self, command):
        """Starts `command` in the shell (its output is then awaited with expect*)."""
        self.line(command)

    def expect_prompt(self, timeout=None):
        """Waits for the shell's prompt."""
        return self.expect(self.PROMPT, timeout)

    def shell_output(self, command, timeout=None):
        """Runs `command` at the shell prompt and returns its output (the text before the next prompt)."""
        self.mark()
        self.line(command)
        begin = len(self.output)
        self.expect_prompt(timeout)
        text = strip_ansi(self.output[begin:])
        return text.rsplit(self.PROMPT, 1)[0]

    def last_status(self):
        """The shell's `$?`."""
        match = re.search(r"status=(\d+)", self.shell_output('echo "status=$?"'))
        if match is None:
            raise CheckFailed("could not read the exit status from the shell")
        return int(match.group(1))

    def foreground_child(self, timeout=None):
        """The pid of the program the shell is running (the shell's only child)."""
        deadline = time.monotonic() + (self.timeout if timeout is None else timeout)
        path = f"/proc/{self.pid}/task/{self.pid}/children"
        while time.monotonic() < deadline:
            with open(path) as handle:
                children = handle.read().split()
            if len(children) == 1:
                return int(children[0])
            time.sleep(0.02)
        raise CheckFailed("the shell has no single child process")

    def assert_terminal_sane(self):
        """Checks the terminal is back in cooked mode: canonical input, echo and signals on."""
        settings = self.shell_output("stty -a")
        for flag in ("icanon", "echo", "isig", "icrnl", "opost"):
            if re.search(rf"(?<![-\w]){flag}\b", settings) is None:
                raise CheckFailed(f"terminal not restored: '{flag}' is off\n{settings}")


FIXTURE_CHECKLISTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "checklists")
# A pinned copy of the revised standard checklist (public-office-conduct 2.0.0: yes/no gates, items for a
# context, items checked on one kind of visit), for the checks of what the revision brought.
FIXTURE_CHECKLISTS_2 = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "checklists-2.0")


class Environment:
    """An isolated environment: a temporary HOME, XDG_STATE_HOME and XDG_DATA_HOME, LANG=C, no LC_ALL.

    `audits` is the store folder kycuong uses by default under it ($XDG_DATA_HOME/kycuong/audits)."""

    def __init__(self, lang="C", extra=None, checklists=None):
        self.directory = tempfile.mkdtemp(prefix="kycuong-pty-")
        self.home = os.path.join(self.directory, "home")
        self.state = os.path.join(self.directory, "state")
        self.data = os.path.join(self.directory, "data")
        self.audits = os.path.join(self.data, "kycuong", "audits")
        os.makedirs(self.home)
        self.env = {
            key: value for key, value in os.environ.items() if not key.startswith("LC_") and key != "LANG"
        }
        self.env.update(
            {
                "HOME": self.home,
                "XDG_STATE_HOME": self.state,
                "XDG_DATA_HOME": self.data,
                "TERM": "xterm",
                "LANG": lang,
            }
        )
        self.env.pop("NO_COLOR", None)
        self.env.pop("KYCUONG_LANG", None)  # messages in Vietnamese, the default
        # The terminal checks test the REPL, not the standard checklists' content: they run against a pinned
        # copy (public-office-conduct 1.0.0), so a revised checklist does not move the items they type at.
        self.env["KYCUONG_CHECKLISTS"] = checklists or FIXTURE_CHECKLISTS
        if extra:
            self.env.update(extra)

    def cleanup(self):
        shutil.rmtree(self.directory, ignore_errors=True)


def run_checks(checks, names=None):
    """Runs `checks` (a list of (name, function)), printing PASS/FAIL for each; exits 1 when any failed.
    `names`, when given, selects checks by name."""
    selected = [(n, f) for n, f in checks if not names or n in names]
    failures = 0
    for name, function in selected:
        started = time.monotonic()
        try:
            function()
        except CheckFailed as error:
            failures += 1
            print(f"FAIL {name}: {error}")
        except Exception:  # noqa: BLE001 -- a crashing check is a failure, not the end of the run
            failures += 1
            print(f"FAIL {name}: unexpected error\n{traceback.format_exc()}")
        else:
            print(f"PASS {name} ({time.monotonic() - started:.1f}s)")
        sys.stdout.flush()
    print(f"{len(selected) - failures}/{len(selected)} checks passed")
    sys.exit(1 if failures else 0)


def check(condition, message):
    """Fails the current check with `message` unless `condition`."""
    if not condition:
        raise CheckFailed(message)


def session_context(session, lines=12):
    """The end of what a session showed, for failure messages."""
    return "\n--- screen ---\n" + "\n".join(session.screen.text().splitlines()[-lines:]) + "\n--------------"
