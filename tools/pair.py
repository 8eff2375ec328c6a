#!/usr/bin/env python3
"""Plays two scripts of one scenario side by side (seed 1) and marks the turns that
were graded differently: the way to see why a reworded script scores below its skilled
twin.

usage: python3 tools/pair.py SCENARIO A.yaml B.yaml   (run from the repo root after
`cargo build --release`; BIN=path picks another binary)
"""
import json, os, subprocess, sys, tempfile

sc, a, b = sys.argv[1:4]
binary = os.environ.get("BIN", "target/release/spin-coach")
tmp = tempfile.mkdtemp()
env = dict(os.environ, SPIN_COACH_DATA=tmp, HOME=tmp, XDG_CONFIG_HOME=tmp, XDG_DATA_HOME=tmp)


def run(f):
    out = subprocess.run([binary, "play", sc, "--script", f, "--seed", "1", "--format", "json"],
                         capture_output=True, text=True, env=env, check=True).stdout
    return json.loads(out)


A, B = run(a), run(b)
intents = [l.rsplit("#@", 1)[1].strip()[:1] if "#@" in l else "?"
           for l in open(a, encoding="utf-8") if l.startswith("- ")]
for x, y in zip(A["turns"], B["turns"]):
    i = intents[x["turn"] - 1] if x["turn"] - 1 < len(intents) else "?"
    same = (x.get("rule"), x.get("points")) == (y.get("rule"), y.get("points"))
    mark = "  " if same else "!!"
    print(f"{mark}{x['turn']:>2} {i} {x.get('label')} {x.get('rule')} {x.get('points')}"
          f" | {y.get('label')} {y.get('rule')} {y.get('points')}")
    if not same:
        print("     A:", str(x["input"])[:120])
        print("     B:", str(y["input"])[:120])
print("total:", A["score"]["total"], B["score"]["total"])
