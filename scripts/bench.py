#!/usr/bin/env python3
"""make bench: runs the workloads of tests/bench under aw and its peers in one
run, alternating interpreters, several runs each, and prints the median wall
time, the peak resident memory and each peer's time as a ratio of aw's.

A workload NAME is tests/bench/NAME.aw (run by aw and python3) plus, when
present, tests/bench/NAME.lua (run by lua5.4). Output must match across
interpreters, or the row is marked. The `startup` row is starting the
interpreter and running an empty program (`aw /dev/null`, `python3 -c pass`,
`lua5.4 -e ''`), in milliseconds.
"""
import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "tests", "bench")


def measure(cmd):
    """One run: wall seconds, peak RSS in MiB (via wait4), stdout."""
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = p.stdout.read()
    err = p.stderr.read()
    _, status, usage = os.wait4(p.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss / 1024.0, out, code, err


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--aw", default=os.path.join(ROOT, "aw"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("workloads", nargs="*")
    args = ap.parse_args()
    names = args.workloads or sorted(f[:-3] for f in os.listdir(BENCH) if f.endswith(".aw")) + ["startup"]
    lua = shutil.which("lua5.4")
    peers_seen = set()
    rows = []
    for name in names:
        script = os.path.join(BENCH, name + ".aw")
        impls = [("aw", [os.path.abspath(args.aw), script]), ("python3", [sys.executable, script])]
        lua_script = os.path.join(BENCH, name + ".lua")
        if lua and os.path.exists(lua_script):
            impls.append(("lua5.4", [lua, lua_script]))
        runs = args.runs
        if name == "startup":
            impls = [("aw", [os.path.abspath(args.aw), os.devnull]), ("python3", [sys.executable, "-c", "pass"])]
            if lua:
                impls.append(("lua5.4", [lua, "-e", ""]))
            runs = max(runs, 30)  # milliseconds: take more samples
        times = {k: [] for k, _ in impls}
        mems = {k: [] for k, _ in impls}
        outs = {}
        for _ in range(runs):
            for key, cmd in impls:  # alternate interpreters within each round
                t, m, out, code, err = measure(cmd)
                if code != 0:
                    print(f"{name}: {key} failed (exit {code}): {err.decode(errors='replace')[-300:]}")
                times[key].append(t)
                mems[key].append(m)
                outs[key] = out
        for key, _ in impls:
            peers_seen.add(key)
        rows.append((name, {k: statistics.median(v) for k, v in times.items()},
                     {k: max(v) for k, v in mems.items()},
                     len({o.split() and tuple(o.split()) or () for o in outs.values()}) == 1))
    print(f"{'workload':<12}{'impl':<10}{'median s':>10}{'peak MiB':>10}{'vs aw':>8}")
    for name, t, m, same in rows:
        for key in ("aw", "python3", "lua5.4"):
            if key not in t:
                continue
            ratio = t[key] / t["aw"] if t["aw"] > 0 else float("nan")
            shown = f"{t[key] * 1000:>8.2f}ms" if name == "startup" else f"{t[key]:>10.3f}"
            print(f"{name:<12}{key:<10}{shown}{m[key]:>10.1f}{ratio:>8.2f}")
        if not same:
            print(f"{name:<12}(outputs differ between interpreters)")
    print("ratio = peer time / aw time (above 1: aw is faster)")


if __name__ == "__main__":
    main()
