#!/usr/bin/env python3
"""Launch-to-first-frame time of the trainer, in a real pseudo-terminal.

Runs `spin-coach train --first-frame` (hidden flag: draw the first frame with all
bundled scenarios loaded, restore the terminal, exit) N times in a pty of 120x40
and reports the median and 90th percentile wall time from spawn to exit.
Usage: python3 benches/startup.py [path/to/spin-coach] [runs]
"""
import fcntl, os, pty, select, statistics, struct, sys, termios, time

binary = sys.argv[1] if len(sys.argv) > 1 else "target/release/spin-coach"
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 30
times = []
for _ in range(runs):
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(binary, [binary, "train", "--first-frame", "--lang", "en"])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    out = b""
    while True:
        r, _, _ = select.select([fd], [], [], 5)
        if not r:
            break
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
        if b"\x1b[6n" in chunk:
            os.write(fd, b"\x1b[1;1R")  # answer the cursor-position query as a terminal would
    _, status = os.waitpid(pid, 0)
    times.append((time.perf_counter() - start) * 1000)
    if os.WEXITSTATUS(status) != 0 or b"Choose a scenario" not in out:
        sys.exit(f"run failed: status {status}, output {out[-300:]!r}")
times.sort()
print(f"launch to first frame over {runs} runs: median {statistics.median(times):.1f} ms, "
      f"p90 {times[int(len(times) * 0.9) - 1]:.1f} ms, min {times[0]:.1f} ms")
