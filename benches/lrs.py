#!/usr/bin/env python3
"""Statements per second from `spin-coach sync` to a local Ralph LRS on loopback,
and spin-coach's peak memory, for a history of N meetings (default 10,000).

    cargo build --release
    python3 benches/lrs.py [--meetings 10000] [--batch 100] [--venv target/ralph-venv]

It makes a data folder of N finished meetings (four golden meetings played once,
then copied under new ids and times), starts Ralph (`runserver -b fs`, with
tests/ralph/sitecustomize.py as the tests use it) on a free port of 127.0.0.1,
and times, each as one process (wall time, CPU time, peak resident memory from
wait4): export --format xapi to /dev/null (building the statements, no network),
sync --dry-run, sync, a second sync (nothing to send) and class-report --lrs.
Everything it starts is stopped and its folders removed at the end. Only
loopback is used.
"""

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GAMES = [("bakery-vpn", "good"), ("shop-vpn", "poor"), ("frozen-foods", "good"), ("airline-sms", "poor")]
USER, PASSWORD = "trainer", "bench-secret-1"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def measure(cmd, env, out=subprocess.DEVNULL):
    """Runs cmd; returns (exit code, wall s, cpu s, peak RSS MiB, stdout)."""
    t = time.monotonic()
    p = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE if out is None else out, stderr=subprocess.PIPE)
    stdout = b""
    if out is None:
        stdout = p.stdout.read()
    err = p.stderr.read()
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.monotonic() - t
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.stderr.write(err.decode(errors="replace")[-2000:])
    return code, wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024, stdout.decode(errors="replace")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--meetings", type=int, default=10_000)
    ap.add_argument("--batch", type=int, default=100)
    ap.add_argument("--venv", default=os.environ.get("SPIN_COACH_RALPH_VENV", os.path.join(ROOT, "target/ralph-venv")))
    ap.add_argument("--bin", default=os.path.join(ROOT, "target/release/spin-coach"))
    a = ap.parse_args()
    ralph = os.path.join(a.venv, "bin/ralph")
    for f, what in [(a.bin, "cargo build --release"), (ralph, "python3 -m venv V && V/bin/pip install 'ralph-malph[cli,lrs]' requests")]:
        if not os.path.exists(f):
            sys.exit(f"{f} is missing: {what}")

    work = tempfile.mkdtemp(prefix="spin-coach-lrs-bench-")
    data, app, store = (os.path.join(work, d) for d in ("data", "app", "store"))
    os.makedirs(app)
    port = free_port()
    endpoint = f"http://127.0.0.1:{port}/xAPI/"
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env.update(
        SPIN_COACH_DATA=data,
        SPIN_COACH_CONFIG=os.path.join(work, "config.yaml"),
        SPIN_COACH_LRS_USER=USER,
        SPIN_COACH_LRS_PASSWORD=PASSWORD,
        LANG="C.UTF-8",
    )
    env.pop("LC_ALL", None)
    with open(env["SPIN_COACH_CONFIG"], "w") as f:
        f.write(f"trainee: Bench\ntrainee_id: bench@example.com\nlrs:\n  endpoint: {endpoint}\n")
    server = None
    try:
        # The history: four played meetings, copied.
        for sc, which in GAMES:
            subprocess.run([a.bin, "play", sc, "--script", f"tests/scripts/{sc}/{which}.yaml", "--save"],
                           env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        meetings = os.path.join(data, "meetings")
        templates = []
        for name in sorted(os.listdir(meetings)):
            with open(os.path.join(meetings, name)) as f:
                templates.append(json.load(f))
            os.remove(os.path.join(meetings, name))
        base = 1_780_000_000
        for i in range(a.meetings):
            r = dict(templates[i % len(templates)])
            r["id"] = f"bench-{i:05d}"
            r["started_at"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(base + 600 * i))
            r["finished_at"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(base + 600 * i + 540))
            with open(os.path.join(meetings, r["id"] + ".json"), "w") as f:
                json.dump(r, f)
        subprocess.run([a.bin, "history"], env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)  # builds the index

        # Ralph on loopback.
        renv = {k: v for k, v in env.items() if not k.startswith("SPIN_COACH")}
        renv.update(RALPH_APP_DIR=app, RALPH_RUNSERVER_BACKEND="fs", PYTHONPATH=os.path.join(ROOT, "tests/ralph"),
                    RALPH_RUNSERVER_MAX_SEARCH_HITS_COUNT="1000")
        subprocess.run([ralph, "auth", "-u", USER, "-p", PASSWORD, "-s", "all", "-M", "mailto:trainer@example.com", "-w"],
                       env=renv, cwd=work, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        log = open(os.path.join(work, "ralph.log"), "w")
        server = subprocess.Popen([ralph, "runserver", "-b", "fs", "--fs-default-directory-path", store,
                                   "-h", "127.0.0.1", "-p", str(port)], env=renv, cwd=work,
                                  stdout=log, stderr=log, start_new_session=True)
        for _ in range(600):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/__heartbeat__", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        else:
            sys.exit("Ralph did not start; see " + log.name)

        rows = []
        n_st = 2 * a.meetings

        def row(what, cmd, statements=None, out=subprocess.DEVNULL):
            code, wall, cpu, rss, _ = measure(cmd, env, out)
            rate = f"{statements / wall:,.0f}" if statements else "-"
            rows.append((what, code, wall, cpu, rss, rate))

        row("export --all --format xapi (no network)", [a.bin, "export", "--all", "--format", "xapi", "-o", "/dev/null"], n_st)
        row("sync --dry-run", [a.bin, "sync", "--dry-run"])
        row(f"sync --batch {a.batch}", [a.bin, "sync", "--batch", str(a.batch)], n_st)
        row("sync again (nothing to send)", [a.bin, "sync"])
        row("class-report --lrs --format json", [a.bin, "class-report", "--lrs", "--format", "json"], n_st)

        print(f"{a.meetings:,} meetings, {n_st:,} statements, Ralph {endpoint} (fs backend)")
        print(f"{'command':44} {'exit':>4} {'wall s':>8} {'cpu s':>7} {'peak MiB':>9} {'statements/s':>13}")
        for what, code, wall, cpu, rss, rate in rows:
            print(f"{what:44} {code:>4} {wall:>8.2f} {cpu:>7.2f} {rss:>9.1f} {rate:>13}")
        if any(r[1] != 0 for r in rows):
            sys.exit(1)
    finally:
        if server is not None:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
