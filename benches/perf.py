#!/usr/bin/env python3
"""The trainer's performance figures of issue 10, measured in a pseudo-terminal.

Usage:
    python3 benches/perf.py [--quick] [--work DIR] [--minimal PATH] BIN [BIN ...]

Each BIN is a spin-coach binary (for example the release build of main and of a
branch); every figure is measured for each of them in the same run, side by side
with the minimal ratatui 0.30 + crossterm 0.29 app (`examples/minimal_tui.rs`,
default path target/release/examples/minimal_tui), so the machine's state is the
same for all. Build first:

    cargo build --release --bin spin-coach --example minimal_tui

The script prepares its data in DIR (default: a temporary folder, removed at the
end): a copy of the bakery scenario with the most patience a scenario may have (so
a meeting can reach turn 1,000), unfinished meetings of 9, 49, 199 and 999 turns
(saved by `spin-coach play --save`), 10,000 finished meetings (14 meetings played by
`play --save`, copied under new ids and dates) and 1,000 user scenarios (the
bundled ones under new ids). The user's config folder and config file are pointed
at empty places, so nothing outside DIR is read.

What is measured (wall time unless said otherwise; medians):
- first frame: `spin-coach train --first-frame` (picker, 120x40) from spawn to
  exit, against the minimal app; with 0 saved meetings, with 10,000, with 1,000
  user scenarios. With saved meetings the first start after the data changed
  (cold: the summary index is rebuilt) is shown apart from the next starts. The
  minimal app and the three later starts take turns run by run (one run of each,
  then the next round), so the ratios compare runs made under the same load.
- a turn: the trainer resumes the meeting from the picker; the time from Enter to
  the last byte of the frame that answers it, for 5 turns in a row, at turn 10,
  50, 200 and 1,000, and at turn 200 with 10,000 saved meetings.
- a keystroke at turn 1,000: from a typed character to the last byte of its frame.
- a key in Progress with 10,000 meetings (↓ moves the selection).
- peak memory (VmHWM) of the trainer after those turns with 10,000 meetings.
- `history`, `stats`, `export --all` (Markdown and JSON) over 10,000 meetings.

Targets (issue 10): first frame <= 1.5x the minimal app; with 10,000 meetings
and with 1,000 user scenarios <= 2x the first frame with none; a turn at 200
with 10,000 meetings <= 2x a turn at 10 with none and < 16 ms; a keystroke at
turn 1,000 < 16 ms; peak memory with 10,000 meetings < 50 MB; history, stats and
export --all < 1 s.
"""
import argparse
import copy
import fcntl
import json
import os
import pty
import re
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COLS, ROWS = 120, 40

# A meeting that can last: questions that keep the customer talking, cycled.
QUESTIONS = [
    "How many staff do you have, and do they use their own phones?",
    "How do the orders get from the shops to the kitchen?",
    "How do you feel about the phone allowance bills at the moment, are they a problem?",
    "What does that add up to over a year, and what does it do to your margin?",
    "Would it help if work calls came on one predictable bill?",
    "Have there been mistakes or missed orders with that process?",
    "What effect did the missed wedding cake have on your customers and your reputation?",
    "How useful would it be to be sure every order reaches the kitchen, with a record?",
    "Is it difficult to reach the night bakers when an order changes late?",
    "What does that mean for waste and leftover stock in the morning?",
    "Would a quick way to reach the whole night shift be useful?",
]


NEUTRAL = "Hello, thanks for your time today."


def turn_text(i):
    """The i-th turn (0-based) of a long meeting: the eleven good questions, then a
    statement (read, graded "not a question" and saved like any turn, and costing
    no patience, so the customer stays to turn 1,000)."""
    return QUESTIONS[i] if i < len(QUESTIONS) else NEUTRAL


def env_for(work):
    env = dict(os.environ)
    env["XDG_CONFIG_HOME"] = os.path.join(work, "config")
    env["SPIN_COACH_CONFIG"] = os.path.join(work, "config", "none.yaml")
    env["TERM"] = "xterm-256color"
    env.pop("NO_COLOR", None)
    env["LANG"] = "en_US.UTF-8"
    return env


def run(cmd, env, **kw):
    return subprocess.run(cmd, env=env, check=True, **kw)


class Pty:
    """A child in a pseudo-terminal, with the time of the last byte it wrote."""

    def __init__(self, argv, env):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execve(argv[0], argv, env)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        self.out = bytearray()
        self.last = time.perf_counter()

    def pump(self, timeout):
        r, _, _ = select.select([self.fd], [], [], timeout)
        if not r:
            return False
        try:
            chunk = os.read(self.fd, 1 << 16)
        except OSError:
            return None
        if not chunk:
            return None
        self.last = time.perf_counter()
        self.out += chunk
        if b"\x1b[6n" in chunk:
            os.write(self.fd, b"\x1b[1;1R")  # answer a cursor-position query
        return True

    def settle(self, quiet=0.25, first=60.0):
        """Waits for output, then for `quiet` seconds without any; returns the time of the last byte."""
        start = time.perf_counter()
        got = False
        while True:
            left = first - (time.perf_counter() - start) if not got else quiet
            if left <= 0:
                break
            r = self.pump(left)
            if r is None:
                break
            if r is False:
                if got:
                    break
                continue
            got = True
        return self.last

    def send(self, data):
        os.write(self.fd, data)

    def rss_peak_kib(self):
        with open(f"/proc/{self.pid}/status") as f:
            m = re.search(r"VmHWM:\s+(\d+) kB", f.read())
        return int(m.group(1)) if m else 0

    def close(self):
        try:
            os.kill(self.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        deadline = time.time() + 5
        while time.time() < deadline:
            if self.pump(0.05) is None:
                break
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass
        os.close(self.fd)


def first_frame(argv, env, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        p = Pty(argv, env)
        while p.pump(10) is not None:
            pass
        _, status = os.waitpid(p.pid, 0)
        os.close(p.fd)
        times.append((time.perf_counter() - start) * 1000)
        if os.WEXITSTATUS(status) != 0:
            sys.exit(f"{argv}: exit status {status}: {bytes(p.out[-300:])!r}")
    return statistics.median(times)


def prepare(work, binary, quick):
    env = env_for(work)
    os.makedirs(work, exist_ok=True)
    for sub in os.listdir(work):
        shutil.rmtree(os.path.join(work, sub), ignore_errors=True)
    os.makedirs(os.path.join(work, "config"), exist_ok=True)
    # The bench scenario: the bakery with the most patience a scenario may have.
    scen = os.path.join(work, "scen")
    os.makedirs(scen, exist_ok=True)
    src = open(os.path.join(ROOT, "scenarios", "bakery-vpn.yaml"), encoding="utf-8").read()
    src = re.sub(r"(?m)^id: .*$", "id: bench-long", src, count=1)
    src += "\nsettings:\n  patience: 255\n"
    open(os.path.join(scen, "bench-long.yaml"), "w", encoding="utf-8").write(src)
    # Unfinished meetings of n - 1 turns (the next turn is turn n).
    turns = [10, 50, 200] + ([] if quick else [1000])
    for n in turns:
        d = os.path.join(work, f"turn{n}")
        script = os.path.join(work, f"script{n}.yaml")
        with open(script, "w", encoding="utf-8") as f:
            for i in range(n - 1):
                f.write(f"- ask: {json.dumps(turn_text(i))}\n")
        r = subprocess.run(
            [binary, "--scenarios", scen, "--data-dir", d, "play", os.path.join(scen, "bench-long.yaml"),
             "--script", script, "--save", "--format", "json"],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=True)
        files = os.listdir(os.path.join(d, "meetings"))
        rec = json.load(open(os.path.join(d, "meetings", files[0]), encoding="utf-8"))
        if rec["status"] != "unfinished" or len(rec["inputs"]) != n - 1:
            sys.exit(f"turn {n}: the bench meeting ended early ({len(rec['inputs'])} inputs, {rec['status']})")
    # 10,000 finished meetings: 14 played, then copied under new ids and dates.
    seed_dir = os.path.join(work, "seed")
    for name in sorted(os.listdir(os.path.join(ROOT, "tests", "scripts"))):
        for kind in ("good", "poor"):
            script = os.path.join(ROOT, "tests", "scripts", name, f"{kind}.yaml")
            if os.path.exists(script):
                run([binary, "--data-dir", seed_dir, "play", name, "--script", script, "--save"],
                    env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seeds = []
    for f in sorted(os.listdir(os.path.join(seed_dir, "meetings"))):
        rec = json.load(open(os.path.join(seed_dir, "meetings", f), encoding="utf-8"))
        rec["status"] = "finished"
        seeds.append(rec)
    many = os.path.join(work, "many")
    mdir = os.path.join(many, "meetings")
    os.makedirs(mdir, exist_ok=True)
    count = 2000 if quick else 10000
    base = 1_700_000_000
    for i in range(count):
        rec = copy.copy(seeds[i % len(seeds)])
        rec["id"] = f"bench-{i:05d}"
        t = base + i * 3600
        rec["started_at"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))
        rec["finished_at"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t + 1200))
        with open(os.path.join(mdir, rec["id"] + ".json"), "w", encoding="utf-8") as f:
            json.dump(rec, f, ensure_ascii=False, indent=2)
    # 1,000 user scenarios: the bundled ones under new ids.
    users = os.path.join(work, "users")
    os.makedirs(users, exist_ok=True)
    bundled = sorted(f for f in os.listdir(os.path.join(ROOT, "scenarios"))
                     if f.endswith(".yaml") and not f.endswith(".test.yaml"))
    texts = [open(os.path.join(ROOT, "scenarios", f), encoding="utf-8").read() for f in bundled]
    for i in range(200 if quick else 1000):
        text = re.sub(r"(?m)^id: .*$", f"id: user-{i:04d}", texts[i % len(texts)], count=1)
        open(os.path.join(users, f"user-{i:04d}.yaml"), "w", encoding="utf-8").write(text)
    return {"turns": turns, "meetings": count, "users": len(os.listdir(users))}


def meeting_dir(work, n, many):
    """A data folder holding the unfinished meeting of turn n (and the many meetings if asked)."""
    d = os.path.join(work, "run")
    shutil.rmtree(d, ignore_errors=True)
    if many:
        shutil.copytree(os.path.join(work, "many"), d)
    else:
        os.makedirs(os.path.join(d, "meetings"))
    for f in os.listdir(os.path.join(work, f"turn{n}", "meetings")):
        shutil.copy(os.path.join(work, f"turn{n}", "meetings", f), os.path.join(d, "meetings", f))
    return d


def turn_costs(binary, work, n, many, samples, keystrokes=0, progress=False):
    env = env_for(work)
    d = meeting_dir(work, n, many)
    argv = [binary, "--scenarios", os.path.join(work, "scen"), "--data-dir", d, "--lang", "en", "train"]
    if many:
        # One start to build any index on this copy, as a trainee's second start would find it.
        first_frame(argv + ["--first-frame"], env, 1)
    p = Pty(argv, env)
    try:
        p.settle()
        p.send(b"\r")  # the top row of the picker: resume the unfinished meeting
        p.settle()
        costs = []
        for k in range(samples):
            p.send(turn_text(n - 1 + k).encode())
            p.settle()
            t0 = time.perf_counter()
            p.send(b"\r")
            costs.append((p.settle() - t0) * 1000)
        keys = []
        for k in range(keystrokes):
            t0 = time.perf_counter()
            p.send(b"x")
            keys.append((p.settle() - t0) * 1000)
        prog = []
        if progress:
            p.send(b"\x1b")  # leave the meeting: it asks first
            p.settle()
            p.send(b"y")
            p.settle()
            p.send(b"p")
            p.settle()
            for _ in range(5):
                t0 = time.perf_counter()
                p.send(b"\x1b[B")
                prog.append((p.settle() - t0) * 1000)
        peak = p.rss_peak_kib()
    finally:
        p.close()
    # The turns were really played: the resumed meeting's file holds them.
    rec = json.load(open(os.path.join(d, "meetings", os.listdir(os.path.join(work, f"turn{n}", "meetings"))[0]),
                         encoding="utf-8"))
    if len(rec["inputs"]) != n - 1 + samples:
        sys.exit(f"turn {n}: expected {n - 1 + samples} inputs after the run, found {len(rec['inputs'])}")
    return {
        "turn": statistics.median(costs),
        "key": statistics.median(keys) if keys else None,
        "progress": statistics.median(prog) if prog else None,
        "peak_mib": peak / 1024,
    }


def timed(argv, env, runs=3):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def first_frames(argvs, env, runs):
    """The median first frame of each command, the commands taking turns run by
    run, so that a change in the machine's load falls on all of them alike."""
    times = [[] for _ in argvs]
    for _ in range(runs):
        for i, argv in enumerate(argvs):
            times[i].append(first_frame(argv, env, 1))
    return [statistics.median(t) for t in times]


def measure(binary, work, info, runs, minimal):
    env = env_for(work)
    res = {}
    empty = os.path.join(work, "empty")
    os.makedirs(empty, exist_ok=True)
    ff = [binary, "--lang", "en", "--data-dir", empty, "train", "--first-frame"]
    first_frame(ff, env, 3)  # warm up: the binary's pages in the cache
    first_frame(minimal, env, 3)
    many = os.path.join(work, "run")
    shutil.rmtree(many, ignore_errors=True)
    shutil.copytree(os.path.join(work, "many"), many)
    ffm = [binary, "--lang", "en", "--data-dir", many, "train", "--first-frame"]
    cold_m = first_frame(ffm, env, 1)
    # A trainee's next start comes later than the folder's last change: let the
    # folder's time settle (the index then trusts it without listing the folder).
    time.sleep(2.5)
    first_frame(ffm, env, 1)
    # The user scenarios' index lives in its own data folder, so that the starts
    # without them (which find no user files) do not rewrite it between runs.
    users_data = os.path.join(work, "empty-users")
    shutil.rmtree(users_data, ignore_errors=True)
    os.makedirs(users_data)
    ffu = [binary, "--lang", "en", "--data-dir", users_data, "--scenarios", os.path.join(work, "users"),
           "train", "--first-frame"]
    cold_u = first_frame(ffu, env, 1)
    # The minimal app and the three starts, side by side run by run.
    min_ms, ff_ms, ffm_ms, ffu_ms = first_frames([minimal, ff, ffm, ffu], env, runs)
    res["minimal app, first frame (ms)"] = min_ms
    res["first frame, 0 meetings (ms)"] = ff_ms
    res["  × minimal app"] = ff_ms / min_ms
    res[f"first frame, {info['meetings']} meetings, cold (ms)"] = cold_m
    res[f"first frame, {info['meetings']} meetings (ms)"] = ffm_ms
    res["  × with 0 meetings"] = ffm_ms / ff_ms
    res[f"first frame, {info['users']} user scenarios, cold (ms)"] = cold_u
    res[f"first frame, {info['users']} user scenarios (ms)"] = ffu_ms
    res["  × with 0 user scenarios"] = ffu_ms / ff_ms
    for n in info["turns"]:
        r = turn_costs(binary, work, n, False, 5, keystrokes=5 if n == info["turns"][-1] else 0)
        res[f"turn {n}, 0 meetings (ms)"] = r["turn"]
        if r["key"] is not None:
            res[f"keystroke at turn {n} (ms)"] = r["key"]
    r = turn_costs(binary, work, 200, True, 5, progress=True)
    res[f"turn 200, {info['meetings']} meetings (ms)"] = r["turn"]
    res["  × turn 10 with 0 meetings"] = r["turn"] / res["turn 10, 0 meetings (ms)"]
    res[f"Progress key, {info['meetings']} meetings (ms)"] = r["progress"]
    res[f"peak memory, {info['meetings']} meetings (MiB)"] = r["peak_mib"]
    d = os.path.join(work, "run")
    shutil.rmtree(d, ignore_errors=True)
    shutil.copytree(os.path.join(work, "many"), d)
    base = [binary, "--data-dir", d]
    timed(base + ["history"], env, 1)  # builds any index once, as any start after new data would
    res[f"history, {info['meetings']} meetings (s)"] = timed(base + ["history"], env)
    res[f"stats, {info['meetings']} meetings (s)"] = timed(base + ["stats"], env)
    res[f"export --all md, {info['meetings']} meetings (s)"] = timed(base + ["export", "--all", "-o", "-"], env, 1)
    res[f"export --all json, {info['meetings']} meetings (s)"] = timed(
        base + ["export", "--all", "--format", "json", "-o", "-"], env, 1)
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("binaries", nargs="+")
    ap.add_argument("--minimal", default=os.path.join(ROOT, "target", "release", "examples", "minimal_tui"))
    ap.add_argument("--work")
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--quick", action="store_true", help="2,000 meetings, 200 scenarios, no turn 1,000")
    a = ap.parse_args()
    work = a.work or tempfile.mkdtemp(prefix="spin-perf-")
    try:
        print(f"preparing data in {work} ...", file=sys.stderr)
        info = prepare(work, os.path.abspath(a.binaries[0]), a.quick)
        os.sync()  # the generated data is written back before anything is timed
        minimal = [os.path.abspath(a.minimal), "--first-frame"]
        cols = []
        for b in a.binaries:
            print(f"measuring {b} ...", file=sys.stderr)
            os.sync()
            cols.append(measure(os.path.abspath(b), work, info, a.runs, minimal))
        print()
        names = list(cols[0].keys())
        w = max(len(n) for n in names)
        print("| " + "what".ljust(w) + " | " + " | ".join(os.path.relpath(b) for b in a.binaries) + " |")
        print("|" + "-" * (w + 2) + "|" + "|".join("---" for _ in a.binaries) + "|")
        for n in names:
            vals = []
            for c in cols:
                v = c.get(n)
                vals.append("-" if v is None else (f"{v:.2f}" if v < 10 else f"{v:.1f}"))
            print("| " + n.ljust(w) + " | " + " | ".join(vals) + " |")
    finally:
        if not a.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
