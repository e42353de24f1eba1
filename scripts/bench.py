#!/usr/bin/env python3
"""make bench: runs the workloads of tests/bench under aw and its peers in one
run, alternating interpreters, several runs each, and prints the median wall
time, the peak resident memory and each peer's time as a ratio of aw's.

A workload NAME is tests/bench/NAME.aw (run by aw and python3) plus, when
present, tests/bench/NAME.lua (run by lua5.4). Async workloads (those that
import asyncio) also run under python3 with uvloop as asyncio's event loop
when a python3 that can import uvloop is installed (Debian's python3-uvloop
serves /usr/bin/python3); otherwise that peer is reported absent. Output
must match across interpreters, or the row is marked.

The `startup` row times starting the interpreter and running an empty
program (`aw /dev/null`, `python3 -c pass`, `lua5.4 -e ''`), in milliseconds.

A workload may declare "# tasks: N" in its first lines: the table then
shows its peak memory per task, (peak RSS - the same interpreter's peak RSS
on an empty script) / N. Lines a workload writes to stderr starting with
"bench:" (per-phase timings) are shown under its rows.
"""
import argparse
import os
import selectors
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "tests", "bench")
PEERS = ("aw", "python3", "uvloop", "lua5.4")

# Runs a script with uvloop installed as asyncio's event loop policy.
UVLOOP_RUNNER = ("import runpy, sys, uvloop; uvloop.install(); "
                 "sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')")


def measure(cmd, memrun=None):
    """One run: wall seconds, peak RSS in MiB, stdout, exit status, stderr.

    With [memrun] (tests/bench/memrun.c, built by `make bench`) the command
    is started from that small program, which reports the command's own
    peak and time: Linux counts into a child's ru_maxrss the memory of the
    process it was forked from (this python, ~15 MiB) until its exec.
    Without it, wait4 here gives that inflated figure."""
    report_r = report_w = None
    if memrun:
        report_r, report_w = os.pipe()
        cmd = [memrun, str(report_w)] + list(cmd)
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         pass_fds=(report_w,) if memrun else ())
    if memrun:
        os.close(report_w)
    out_chunks, err_chunks = [], []
    sel = selectors.DefaultSelector()
    sel.register(p.stdout, selectors.EVENT_READ, out_chunks)
    sel.register(p.stderr, selectors.EVENT_READ, err_chunks)
    open_streams = 2
    while open_streams:
        for key, _ in sel.select():
            data = os.read(key.fileobj.fileno(), 1 << 16)
            if data:
                key.data.append(data)
            else:
                sel.unregister(key.fileobj)
                open_streams -= 1
    _, status, usage = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.perf_counter() - start
    maxrss_kib = usage.ru_maxrss
    if memrun:
        with os.fdopen(report_r, "rb") as f:
            report = f.read().split()
        if len(report) == 2:  # else memrun itself failed: keep its own figures
            maxrss_kib, elapsed = int(report[0]), float(report[1])
    return elapsed, maxrss_kib / 1024.0, b"".join(out_chunks), p.returncode, b"".join(err_chunks)


def find_uvloop_python():
    """A python3 that can import uvloop (the pyenv one usually cannot; the
    system one can when python3-uvloop is installed), or None."""
    for exe in (sys.executable, shutil.which("python3"), "/usr/bin/python3"):
        if exe and os.path.exists(exe):
            if subprocess.run([exe, "-c", "import uvloop"], capture_output=True).returncode == 0:
                return exe
    return None


def header(script):
    """(imports asyncio, the "# tasks: N" count or None)."""
    with open(script, encoding="utf-8") as f:
        text = f.read()
    tasks = None
    for line in text.splitlines()[:5]:
        if line.startswith("# tasks:"):
            tasks = int(line.split(":", 1)[1].strip().replace(",", "").replace("_", ""))
    return "import asyncio" in text, tasks


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--aw", default=os.path.join(ROOT, "aw"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--memrun", help="tests/bench/memrun.c built (make bench builds it): "
                    "measures each command's own peak memory")
    ap.add_argument("workloads", nargs="*")
    args = ap.parse_args()
    names = args.workloads or sorted(f[:-3] for f in os.listdir(BENCH) if f.endswith(".aw")) + ["startup"]
    lua = shutil.which("lua5.4")
    uvpy = find_uvloop_python()
    empty = os.path.join(BENCH, "empty.aw")
    aw = os.path.abspath(args.aw)
    memrun = os.path.abspath(args.memrun) if args.memrun and os.path.exists(args.memrun) else None
    if not memrun:
        print("note: no --memrun helper: peak memory includes this python's (~15 MiB)")
    baseline = {}  # peer -> peak MiB on an empty script
    rows = []
    for name in names:
        script = os.path.join(BENCH, name + ".aw")
        runs = args.runs
        if name == "startup":
            is_async, tasks = False, None
            impls = [("aw", [aw, os.devnull]), ("python3", [sys.executable, "-c", "pass"])]
            if lua:
                impls.append(("lua5.4", [lua, "-e", ""]))
            runs = max(runs, 30)  # milliseconds: take more samples
        else:
            is_async, tasks = header(script)
            impls = [("aw", [aw, script]), ("python3", [sys.executable, script])]
            if is_async and uvpy:
                impls.append(("uvloop", [uvpy, "-c", UVLOOP_RUNNER, script]))
        lua_script = os.path.join(BENCH, name + ".lua")
        if lua and os.path.exists(lua_script):
            impls.append(("lua5.4", [lua, lua_script]))
        times = {k: [] for k, _ in impls}
        mems = {k: [] for k, _ in impls}
        outs, notes = {}, {}
        for _ in range(runs):
            for key, cmd in impls:  # alternate interpreters within each round
                t, m, out, code, err = measure(cmd, memrun)
                if code != 0:
                    print(f"{name}: {key} failed (exit {code}): {err.decode(errors='replace')[-300:]}")
                times[key].append(t)
                mems[key].append(m)
                outs[key] = out
                notes[key] = [l for l in err.decode(errors="replace").splitlines() if l.startswith("bench:")]
        per_task = {}
        if tasks and os.path.exists(empty):
            for key, cmd in impls:
                if key not in baseline:
                    empty_cmd = cmd[:-1] + [lua_script if key == "lua5.4" else empty]
                    baseline[key] = min(measure(empty_cmd, memrun)[1] for _ in range(3))
                per_task[key] = (max(mems[key]) - baseline[key]) * 1024 * 1024 / tasks
        same = len({tuple(o.split()) for o in outs.values()}) == 1
        rows.append((name, {k: statistics.median(v) for k, v in times.items()},
                     {k: max(v) for k, v in mems.items()}, per_task, notes, same, is_async))
    print(f"{'workload':<16}{'impl':<10}{'median s':>10}{'peak MiB':>10}{'B/task':>8}{'vs aw':>8}")
    for name, t, m, per_task, notes, same, is_async in rows:
        for key in PEERS:
            if key not in t:
                continue
            ratio = t[key] / t["aw"] if t["aw"] > 0 else float("nan")
            pt = f"{per_task[key]:>8.0f}" if key in per_task else " " * 8
            shown = f"{t[key] * 1000:>8.2f}ms" if name == "startup" else f"{t[key]:>10.3f}"
            print(f"{name:<16}{key:<10}{shown}{m[key]:>10.1f}{pt}{ratio:>8.2f}")
            for note in notes.get(key, []):
                print(f"{'':<16}{key:<10}  {note}")
        if is_async and not uvpy:
            print(f"{name:<16}{'uvloop':<10}  absent (no python3 can import uvloop)")
        if not same:
            print(f"{name:<16}(outputs differ between interpreters)")
    print("ratio = peer time / aw time (above 1: aw is faster); uvloop = "
          + (f"{uvpy} with uvloop as asyncio's event loop" if uvpy else "absent"))


if __name__ == "__main__":
    main()
