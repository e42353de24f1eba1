#!/usr/bin/env python3
"""Runs every test suite of aw and prints one closing line "N passed, N failed".

Suites:
  golden       tests/**/*.aw with expectations in comments (STYLE.md 4.9):
                 # expect: TEXT              next stdout line
                 # expect error: MSG         compile error on this line (exit 1)
                 # expect runtime error: MSG uncaught exception: last stderr line
                 # expect exit: N            exit status (default 0, or 1 above)
                 # stdin: TEXT               a line fed to stdin
                 # skip: REASON / # nontest  not run (a helper module)
                 # aw-only                   (first lines) not cross-checked
  cpython      the same golden files run under python3 must print the same
               stdout (skips files marked aw-only)
  unit         C unit test programs (built by `make unit`), each ending with
               its own "N passed, N failed" line
  conformance  ../shared/difftest over ../shared/conformance/{lang,errors,...}
  repl         tests/repl/run.py: the REPL driven on a real terminal (tmux)
  embed        the embedding examples examples/embed/NAME.c (built by `make
               embed` into --embed-dir), each run in examples/embed and its
               stdout compared with NAME.out; a "// test: no-gc-stress" line
               runs it without AW_GC_STRESS. Also checks that README.md shows
               examples/embed/minimal.c verbatim.
"""
import argparse
import concurrent.futures as cf
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXPECT = re.compile(r"#\s*expect:\s?(.*)$")
EXPECT_ERROR = re.compile(r"#\s*expect error:\s*(.*)$")
EXPECT_RUNTIME = re.compile(r"#\s*expect runtime error:\s*(.*)$")
EXPECT_EXIT = re.compile(r"#\s*expect exit:\s*(\d+)")
STDIN = re.compile(r"#\s*stdin:\s?(.*)$")
SKIP = re.compile(r"#\s*(skip:|nontest)")
AW_ONLY = re.compile(r"#\s*aw-only")
SUMMARY = re.compile(r"^(?:\w+:\s*)?(\d+) passed, (\d+) failed")


class Result:
    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.skipped = 0
        self.failures = []

    def ok(self, n=1):
        self.passed += n

    def fail(self, name, why):
        self.failed += 1
        self.failures.append((name, why))


def parse_expectations(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().splitlines()
    exp = {"stdout": [], "compile_error": None, "runtime_error": None, "exit": None,
           "stdin": [], "skip": False, "aw_only": False}
    for n, line in enumerate(lines, 1):
        if SKIP.search(line) and n <= 3:
            exp["skip"] = True
        if AW_ONLY.search(line) and n <= 3:
            exp["aw_only"] = True
        m = EXPECT_ERROR.search(line)
        if m:
            exp["compile_error"] = (n, m.group(1).strip())
            continue
        m = EXPECT_RUNTIME.search(line)
        if m:
            exp["runtime_error"] = (n, m.group(1).strip())
            continue
        m = EXPECT_EXIT.search(line)
        if m:
            exp["exit"] = int(m.group(1))
            continue
        m = EXPECT.search(line)
        if m:
            exp["stdout"].append(m.group(1))
            continue
        m = STDIN.search(line)
        if m:
            exp["stdin"].append(m.group(1))
    return exp


def run(cmd, path, stdin_text, timeout, env_extra=None):
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8")
    if env_extra:
        env.update(env_extra)
    try:
        p = subprocess.run(cmd + [os.path.basename(path)], cwd=os.path.dirname(path),
                           input=stdin_text.encode(), capture_output=True, timeout=timeout, env=env)
        # Death by a signal reads as a shell reports it (SIGINT: 130).
        code = 128 - p.returncode if p.returncode < 0 else p.returncode
        return code, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return "timeout", "", ""


def last_line(text):
    lines = [l for l in text.splitlines() if l.strip()]
    return lines[-1].strip() if lines else ""


def check_golden(aw, path, timeout):
    exp = parse_expectations(path)
    if exp["skip"]:
        return "skip", None
    stdin_text = "".join(l + "\n" for l in exp["stdin"])
    code, out, err = run([aw], path, stdin_text, timeout)
    want_code = exp["exit"]
    if want_code is None:
        want_code = 1 if (exp["compile_error"] or exp["runtime_error"]) else 0
    problems = []
    if code != want_code:
        problems.append(f"exit status {code}, expected {want_code}")
    got = out.splitlines()
    if got != exp["stdout"]:
        for i in range(max(len(got), len(exp["stdout"]))):
            g = got[i] if i < len(got) else "<missing>"
            e = exp["stdout"][i] if i < len(exp["stdout"]) else "<nothing>"
            if g != e:
                problems.append(f"stdout line {i + 1}: got {g!r}, expected {e!r}")
                break
    if exp["compile_error"]:
        line, msg = exp["compile_error"]
        if msg not in last_line(err):
            problems.append(f"error {last_line(err)!r} does not contain {msg!r}")
        if f"line {line}" not in err:
            problems.append(f"error not reported at line {line}")
    if exp["runtime_error"]:
        line, msg = exp["runtime_error"]
        if last_line(err) != msg:
            problems.append(f"last stderr line {last_line(err)!r}, expected {msg!r}")
        if f"line {line}" not in err:
            problems.append(f"traceback does not name line {line}")
    if problems and err:
        problems.append("stderr tail: " + " | ".join(err.splitlines()[-4:]))
    return ("fail", "; ".join(problems)) if problems else ("pass", None)


def check_cpython(path, timeout):
    exp = parse_expectations(path)
    if exp["skip"] or exp["aw_only"]:
        return "skip", None
    stdin_text = "".join(l + "\n" for l in exp["stdin"])
    code, out, err = run([sys.executable], path, stdin_text, timeout)
    if out.splitlines() != exp["stdout"]:
        return "fail", "python3's stdout differs from the expectations: " + " | ".join(err.splitlines()[-2:])
    return "pass", None


def golden_files(paths):
    files = []
    for p in paths:
        if os.path.isfile(p):
            files.append(p)
            continue
        for root, dirs, names in os.walk(p):
            dirs[:] = [d for d in dirs if d not in ("bench", "unit")]
            files += [os.path.join(root, n) for n in names if n.endswith(".aw")]
    return sorted(files)


def run_suite(name, files, fn, jobs, res):
    with cf.ThreadPoolExecutor(max_workers=jobs) as ex:
        for path, (status, why) in zip(files, ex.map(fn, files)):
            rel = os.path.relpath(path, ROOT)
            if status == "pass":
                res.ok()
            elif status == "skip":
                res.skipped += 1
            else:
                res.fail(f"{name}: {rel}", why)


def run_summary_command(name, cmd, res, cwd=ROOT, timeout=1800):
    try:
        p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        res.fail(name, "timed out")
        return
    found = None
    for line in p.stdout.splitlines():
        m = SUMMARY.match(line.strip())
        if m:
            found = (int(m.group(1)), int(m.group(2)))
    if not found:
        res.fail(name, "no summary line; exit %s; %s" % (p.returncode, (p.stdout + p.stderr)[-400:]))
        return
    res.ok(found[0])
    if found[1] or p.returncode != 0:
        details = [l for l in p.stdout.splitlines() if l.startswith(("FAIL", "fail"))]
        res.fail(name, f"{found[1]} failed (exit {p.returncode}): " + " | ".join(details[:20]))
        res.failed += max(found[1] - 1, 0)


def run_conformance(aw, args, res):
    """difftest over the conformance corpus. Files listed in
    tests/conformance_pending.txt (with the issue that will make them pass)
    count as skipped while they fail."""
    shared = os.path.join(ROOT, "..", "shared")
    difftest = os.path.join(shared, "difftest")
    dirs = [os.path.join(shared, "conformance", d) for d in ("lang", "errors", "async")]
    dirs = [d for d in dirs if os.path.isdir(d)]
    if not os.path.exists(difftest) or not dirs:
        res.fail("conformance", "../shared/difftest or ../shared/conformance not found")
        return
    pending = set()
    listing = os.path.join(ROOT, "tests", "conformance_pending.txt")
    if os.path.exists(listing):
        with open(listing) as f:
            pending = {l.split("#")[0].strip() for l in f if l.split("#")[0].strip()}
    failures = os.path.join(ROOT, "build", "conformance-failures.txt")
    os.makedirs(os.path.dirname(failures), exist_ok=True)
    cmd = [sys.executable, difftest, "--quiet", "--aw", aw, "--jobs", str(args.jobs),
           "--timeout", str(args.timeout), "--list-failures", failures] + dirs
    p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=3600)
    m = [SUMMARY.match(l.strip()) for l in p.stdout.splitlines()]
    m = [x for x in m if x]
    if not m:
        res.fail("conformance", "difftest printed no summary: " + (p.stdout + p.stderr)[-400:])
        return
    res.ok(int(m[-1].group(1)))
    failed = []
    if os.path.exists(failures):
        with open(failures) as f:
            failed = [l.strip() for l in f if l.strip()]
    details = p.stdout.split("\nFAIL ")
    # Timer-ordered programs can lose their order on a loaded machine (the
    # reference gaps are 10 ms): a failure must repeat to count.
    if failed:
        again = subprocess.run(cmd[:-len(dirs)] + failed, cwd=ROOT, capture_output=True, text=True, timeout=3600)
        still = []
        if os.path.exists(failures):
            with open(failures) as f:
                still = [l.strip() for l in f if l.strip()]
        flaky = [f for f in failed if f not in still]
        for f in flaky:
            print(f"flaky (passed on retry): {os.path.relpath(f, shared)}")
        res.ok(len(flaky))
        failed = still
        details += again.stdout.split("\nFAIL ")
    for path in failed:
        rel = os.path.relpath(os.path.realpath(path), os.path.realpath(os.path.join(shared, "conformance")))
        if rel in pending:
            res.skipped += 1
            continue
        why = next((d for d in details if d.lstrip("FAIL ").startswith(path)), "")
        res.fail("conformance: " + rel, why.replace("\n", " | ")[:600])


def run_embed(embed_dir, timeout, res):
    """Runs each built example host in examples/embed and compares stdout."""
    src_dir = os.path.join(ROOT, "examples", "embed")
    names = sorted(n[:-2] for n in os.listdir(src_dir) if n.endswith(".c"))
    for name in names:
        prog = os.path.join(embed_dir, name)
        if not os.access(prog, os.X_OK):
            continue  # not built in this mode (make test builds them all)
        with open(os.path.join(src_dir, name + ".c"), encoding="utf-8") as f:
            source = f.read()
        env = dict(os.environ)
        if "// test: no-gc-stress" in source:
            env.pop("AW_GC_STRESS", None)
        expected_path = os.path.join(src_dir, name + ".out")
        if not os.path.exists(expected_path):
            res.fail(f"embed: {name}", f"no {name}.out with its expected output")
            continue
        with open(expected_path, encoding="utf-8") as f:
            expected = f.read()
        try:
            p = subprocess.run([prog], cwd=src_dir, capture_output=True, timeout=timeout, env=env)
        except subprocess.TimeoutExpired:
            res.fail(f"embed: {name}", "timed out")
            continue
        out = p.stdout.decode("utf-8", "replace")
        err = p.stderr.decode("utf-8", "replace")
        if p.returncode != 0 or out != expected:
            exp, got = expected.splitlines(), out.splitlines()
            diff = ""
            for i in range(max(len(exp), len(got))):
                g = got[i] if i < len(got) else "<missing>"
                e = exp[i] if i < len(exp) else "<nothing>"
                if g != e:
                    diff = f"line {i + 1}: got {g!r}, expected {e!r}"
                    break
            res.fail(f"embed: {name}", f"exit {p.returncode}; {diff}; stderr: " + " | ".join(err.splitlines()[-4:]))
        else:
            res.ok()
    # The README's minimal host is the tested file, character for character.
    with open(os.path.join(src_dir, "minimal.c"), encoding="utf-8") as f:
        minimal = f.read()
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    if minimal.strip() not in readme:
        res.fail("embed: README.md", "the Embedding section does not show examples/embed/minimal.c verbatim")
    else:
        res.ok()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--aw", default=os.path.join(ROOT, "aw"))
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--suite", action="append", choices=["golden", "cpython", "unit", "conformance", "repl", "embed"])
    ap.add_argument("--unit-dir", default=None, help="folder of built unit test programs")
    ap.add_argument("--embed-dir", default=None, help="folder of built examples/embed programs")
    ap.add_argument("paths", nargs="*")
    args = ap.parse_args()
    aw = os.path.abspath(args.aw)
    suites = args.suite or ["golden", "cpython", "unit", "conformance", "repl", "embed"]
    res = Result()
    files = golden_files(args.paths or [os.path.join(ROOT, "tests")])
    if "golden" in suites:
        run_suite("golden", files, lambda p: check_golden(aw, p, args.timeout), args.jobs, res)
    if "cpython" in suites:
        run_suite("cpython", files, lambda p: check_cpython(p, args.timeout), args.jobs, res)
    if "unit" in suites and args.unit_dir and os.path.isdir(args.unit_dir):
        for prog in sorted(os.listdir(args.unit_dir)):
            full = os.path.join(args.unit_dir, prog)
            if os.access(full, os.X_OK) and not prog.endswith((".o", ".d")):
                cmd = [full]
                if prog == "parse_test":
                    cmd += [os.path.join(ROOT, "..", "shared", "conformance")]
                run_summary_command(f"unit: {prog}", cmd, res)
    if "conformance" in suites:
        run_conformance(aw, args, res)
    if "embed" in suites and args.embed_dir and os.path.isdir(args.embed_dir):
        run_embed(os.path.abspath(args.embed_dir), args.timeout, res)
    if "repl" in suites:
        run_summary_command("repl", [sys.executable, os.path.join(ROOT, "tests", "repl", "run.py"), "--aw", aw],
                            res, timeout=300)
    for name, why in res.failures:
        print(f"FAIL {name}: {why}")
    tail = f", {res.skipped} skipped" if res.skipped else ""
    print(f"{res.passed} passed, {res.failed} failed{tail}")
    sys.exit(1 if res.failed else 0)


if __name__ == "__main__":
    main()
