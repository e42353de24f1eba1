#!/usr/bin/env python3
"""REPL tests: drive `aw` (no arguments) on a real terminal inside tmux.

Each test starts aw in its own tmux session (a private tmux server socket,
so nothing else on the machine is touched), types keys, and polls the
screen for the expected text with a timeout -- never fixed sleeps -- so the
suite is fast on an idle machine and still robust on a loaded one.

usage: tests/repl/run.py [--aw ./aw] [--jobs N] [--timeout SECONDS] [NAME...]
Prints one PASS/FAIL line per test and a closing "N passed, N failed".
"""
import argparse
import concurrent.futures as cf
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROMPT = ">>> "


class Timeout(Exception):
    pass


class Term:
    """One aw process on a tmux pane."""

    def __init__(self, ctx, name, env=None):
        self.ctx = ctx
        self.name = name
        env = dict(env or {})
        env.setdefault("AW_HISTORY", os.path.join(ctx.tmp, name + ".history"))
        env.setdefault("HOME", ctx.tmp)
        # Under ASan: libedit's own leak at exit is not aw's (lsan.supp).
        env.setdefault("LSAN_OPTIONS", "suppressions=" + os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                                      "lsan.supp"))
        assigns = " ".join(f"{k}={shq(v)}" for k, v in env.items())
        # The shell line after aw reports its exit status on the screen.
        cmd = f"cd {shq(ctx.tmp)} && env {assigns} {shq(ctx.aw)}; echo \"[exit $?]\"; sleep 600"
        self.tmux("new-session", "-d", "-s", name, "-x", "120", "-y", "50", cmd)

    def tmux(self, *args):
        return subprocess.run(["tmux", "-L", self.ctx.socket, "-f", "/dev/null"] + list(args),
                              capture_output=True, text=True, check=False)

    def type(self, text):
        self.tmux("send-keys", "-t", self.name, "-l", text)

    def key(self, *keys):
        self.tmux("send-keys", "-t", self.name, *keys)

    def line(self, text):
        self.type(text)
        self.key("Enter")

    def screen(self):
        out = self.tmux("capture-pane", "-p", "-J", "-S", "-500", "-t", self.name).stdout
        # Trailing blanks are dropped, except a bare prompt keeps its space.
        lines = [l.rstrip() for l in out.split("\n")]
        lines = [l + " " if l in (">>>", "...") else l for l in lines]
        while lines and not lines[-1]:
            lines.pop()
        return "\n".join(lines)

    def wait(self, pattern, timeout=None, what=None):
        """Polls the screen until regex [pattern] matches; returns the match."""
        limit = time.monotonic() + (timeout or self.ctx.timeout)
        rx = re.compile(pattern, re.S | re.M)
        while True:
            s = self.screen()
            m = rx.search(s)
            if m:
                return m
            if time.monotonic() > limit:
                raise Timeout(f"waited for {what or pattern!r}; screen:\n{indent(s)}")
            time.sleep(0.03)

    def prompts(self, screen=None):
        return len(re.findall(r"^(?:>>>|\.\.\.) ", screen or self.screen(), re.M))

    def wait_prompts(self, n, timeout=None):
        """Waits until the n-th prompt (">>> " or "... ") waits for input."""
        limit = time.monotonic() + (timeout or self.ctx.timeout)
        while True:
            s = self.screen()
            if self.prompts(s) >= n and re.search(r"^(?:>>>|\.\.\.) \Z", s, re.M):
                return
            if time.monotonic() > limit:
                raise Timeout(f"waited for prompt #{n}; screen:\n{indent(s)}")
            time.sleep(0.03)

    def run(self, text, timeout=None):
        """Types one line and waits for the next prompt, so that nothing is
        typed ahead (the terminal would echo typed-ahead keys twice)."""
        n = self.prompts()
        self.line(text)
        self.wait_prompts(n + 1, timeout)

    def block(self, *lines):
        for l in lines:
            self.run(l)

    def close(self):
        self.tmux("kill-session", "-t", self.name)


def shq(s):
    return "'" + str(s).replace("'", "'\\''") + "'"


def indent(s):
    return "\n".join("    | " + l for l in s.splitlines()[-25:])


def expect_in(term, text):
    s = term.screen()
    if text not in s:
        raise AssertionError(f"{text!r} not on screen:\n{indent(s)}")


# ---- the tests -----------------------------------------------------------------

def test_expression_values(t):
    t.wait_prompts(1)
    t.run("x = 5")
    t.run("x * 2")
    t.run("None")
    t.run("'a' + 'b'")
    t.run("_")
    t.wait(r"^>>> x \* 2\n10\n>>> None\n>>> 'a' \+ 'b'\n'ab'\n>>> _\n'ab'\n>>> \Z")


def test_editing(t):
    t.wait_prompts(1)
    # Left arrow then insert in the middle of the line.
    t.type('print("hllo")')
    t.key("Left", "Left", "Left", "Left", "Left")
    t.type("e")
    t.key("Enter")
    t.wait(r"^hello\n>>> \Z", what="hello")
    # Home/End, Backspace, Ctrl-A / Ctrl-E.
    t.type("rint(7 * 6)")
    t.key("Home")
    t.type("p")
    t.key("End", "BSpace")
    t.type(")")
    t.key("C-a", "C-k")
    t.type("print(1 + 2")
    t.key("C-e")
    t.type(")")
    t.key("Enter")
    t.wait(r"^>>> print\(1 \+ 2\)\n3\n>>> \Z", what="3")


def test_multiline(t):
    t.wait_prompts(1)
    t.run("def add(a, b):")
    t.wait(r"^>>> def add\(a, b\):\n\.\.\. \Z", what="continuation prompt")
    t.block("    return a + b", "")
    t.run("add(2, 3)")
    t.block("for i in range(3):", "    i * 10", "")
    t.wait(r"^0\n10\n20\n>>> \Z", what="loop output")
    # An open bracket continues across an empty line.
    t.block("(1,", "", " 2)")
    t.wait(r"^\(1, 2\)\n>>> \Z", what="(1, 2)")
    # A block header then an empty line: IndentationError, as in Python.
    t.block("if x:", "")
    t.wait(r"IndentationError: expected an indented block after 'if' statement on line 1\n>>> \Z")
    t.run("1 +")
    t.wait(r"SyntaxError: invalid syntax\n>>> \Z")
    expect_in(t, ">>> add(2, 3)\n5\n")


def test_exception_continues(t):
    t.wait_prompts(1)
    t.run("1 / 0")
    t.wait(r'Traceback \(most recent call last\):\n  File "<stdin>", line 1, in <module>\n(?:.*\n)?'
           r"ZeroDivisionError: division by zero\n>>> \Z")
    t.run("y = 3")
    t.run("y + 1")
    t.wait(r"^4\n>>> \Z")


def test_top_level_await(t):
    t.wait_prompts(1)
    t.run("await asyncio.sleep(0.01, 42)")
    t.run("v = await asyncio.gather(asyncio.sleep(0.02, 'a'), asyncio.sleep(0.01, 'b'))")
    t.run("v")
    t.run("asyncio.get_running_loop().is_running()")
    t.block("async def twice(n):", "    await asyncio.sleep(0)", "    return 2 * n", "")
    t.block("for k in range(2):", "    print(await twice(k + 1))", "")
    t.wait(r"^2\n4\n>>> \Z", what="2 and 4")
    expect_in(t, ">>> await asyncio.sleep(0.01, 42)\n42\n")
    expect_in(t, ">>> v\n['a', 'b']\n")
    expect_in(t, "is_running()\nTrue\n")


def test_background_task(t):
    t.wait_prompts(1)
    t.block("async def ticker():", "    for i in range(3):", "        await asyncio.sleep(0.3)",
            "        print('tick', i)", "")
    t.run("task = asyncio.create_task(ticker())")
    # The prompt waits with a half-typed line; the task keeps printing.
    t.type("task.do")
    t.wait(r"^tick 0\ntick 1\ntick 2\n>>> task\.do\Z", what="ticks above the redrawn prompt")
    t.type("ne()")
    t.key("Enter")
    t.wait(r"^>>> task\.done\(\)\nTrue\n>>> \Z")


def test_ctrl_c_await(t):
    t.wait_prompts(1)
    t.block("async def slow():", "    try:", "        print('sleep' + 'ing')", "        await asyncio.sleep(10)",
            "    finally:", "        print('cleanup' + ' ran')", "")
    start = time.monotonic()
    t.line("await slow()")
    t.wait(r"^>>> await slow\(\)\nsleeping\Z", what="the statement running")
    t.key("C-c")
    t.wait(r"^(?:\^C)?cleanup ran\n(?:\n)?KeyboardInterrupt\n>>> \Z", what="cleanup and KeyboardInterrupt")
    if time.monotonic() - start > 8:
        raise AssertionError("Ctrl-C did not interrupt the sleep")
    t.run("1 + 1")
    t.wait(r"^2\n>>> \Z")


def test_ctrl_c_prompt_and_loop(t):
    t.wait_prompts(1)
    t.type("half typed")
    t.wait(r"^>>> half typed\Z")
    t.key("C-c")
    t.wait(r"^>>> half typed\nKeyboardInterrupt\n>>> \Z", what="KeyboardInterrupt at the prompt")
    # Ctrl-C at a continuation prompt drops the whole statement.
    t.run("if True:")
    t.key("C-c")
    t.wait(r"^\.\.\. \nKeyboardInterrupt\n>>> \Z", what="KeyboardInterrupt at '...'")
    t.block("if True:", "    print('spin' + 'ning')", "    while True: pass")
    t.line("")
    t.wait(r"^spinning\Z", what="the loop running")
    t.key("C-c")
    t.wait(r"Traceback \(most recent call last\):\n(?:.*\n)*KeyboardInterrupt\n>>> \Z", what="traceback")
    t.run("'still alive'")
    t.wait(r"^'still alive'\n>>> \Z")


def test_ctrl_d_exits(t):
    t.wait_prompts(1)
    t.type("abc")
    t.key("C-a", "C-d", "C-d", "C-d")  # deletes, does not exit
    t.wait(r"^>>> \Z", what="the line emptied")
    t.key("C-d")
    t.wait(r"^\[exit 0\]\Z", what="exit status 0")


def test_sys_exit_status(t):
    t.wait_prompts(1)
    t.run("import sys")
    t.line("sys.exit(3)")
    t.wait(r"^\[exit 3\]\Z", what="exit status 3")


def test_history_two_sessions(ctx):
    hist = os.path.join(ctx.tmp, "shared.history")
    env = {"AW_HISTORY": hist}
    t = Term(ctx, "hist1", env)
    try:
        t.wait_prompts(1)
        t.run("marker = 6 * 7")
        t.run("marker + 0")
        t.key("C-d")
        t.wait(r"^\[exit 0\]\Z")
    finally:
        t.close()
    if not os.path.exists(hist):
        raise AssertionError("no history file written at " + hist)
    t = Term(ctx, "hist2", env)
    try:
        t.wait_prompts(1)
        t.key("Up")
        t.wait(r"^>>> marker \+ 0\Z", what="last line recalled")
        t.key("Up")
        t.wait(r"^>>> marker = 6 \* 7\Z", what="first line recalled")
        t.key("Enter")
        t.wait_prompts(2)
        t.run("marker")
        t.wait(r"^>>> marker\n42\n>>> \Z")
    finally:
        t.close()


def test_completion(t):
    t.wait_prompts(1)
    t.run("import math")
    t.type("math.sqr")
    t.key("Tab")
    t.wait(r"^>>> math\.sqrt\(\Z", what="math.sqrt(")
    t.type("16)")
    t.key("Enter")
    t.wait(r"^4\.0\n>>> \Z")
    t.run("my_value = 5")
    t.type("my_v")
    t.key("Tab")
    t.wait(r"^>>> my_value\Z", what="my_value")
    t.key("Enter")
    t.wait(r"^5\n>>> \Z")
    # Several candidates: they are listed and the line comes back.
    t.type("math.is")
    t.key("Tab")
    t.wait(r"isclose\(.*isfinite\(.*\n>>> math\.is\Z", what="the candidate list")


TESTS = [
    test_expression_values, test_editing, test_multiline, test_exception_continues,
    test_top_level_await, test_background_task, test_ctrl_c_await, test_ctrl_c_prompt_and_loop,
    test_ctrl_d_exits, test_sys_exit_status, test_history_two_sessions, test_completion,
]


class Ctx:
    pass


def run_test(ctx, fn):
    name = fn.__name__[5:]
    try:
        if fn.__code__.co_varnames[0] == "ctx":
            fn(ctx)
        else:
            t = Term(ctx, name)
            try:
                fn(t)
            finally:
                t.close()
        return name, None
    except Exception as e:  # noqa: BLE001 -- report every failure the same way
        if isinstance(e, (AssertionError, Timeout)):
            return name, str(e)
        return name, traceback.format_exc()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--aw", default=os.path.join(ROOT, "aw"))
    ap.add_argument("--jobs", type=int, default=4)
    ap.add_argument("--timeout", type=float, default=15)
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    if not shutil.which("tmux"):
        print("FAIL repl: tmux is not installed (scripts/install-deps)")
        print("0 passed, 1 failed")
        return 1
    ctx = Ctx()
    ctx.aw = os.path.abspath(args.aw)
    ctx.timeout = args.timeout
    ctx.tmp = tempfile.mkdtemp(prefix="aw-repl-")
    ctx.socket = "aw-repl-%d" % os.getpid()
    tests = [f for f in TESTS if not args.names or f.__name__[5:] in args.names]
    passed = failed = 0
    try:
        with cf.ThreadPoolExecutor(max_workers=args.jobs) as ex:
            for name, why in ex.map(lambda f: run_test(ctx, f), tests):
                if why is None:
                    passed += 1
                    print(f"PASS {name}")
                else:
                    failed += 1
                    print(f"FAIL {name}: {why}")
    finally:
        subprocess.run(["tmux", "-L", ctx.socket, "kill-server"], capture_output=True)
        shutil.rmtree(ctx.tmp, ignore_errors=True)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
