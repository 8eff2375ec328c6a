#!/usr/bin/env python3
"""Trains the SPIN form model (an averaged perceptron) and writes data/form_model.json.

usage: python3 tools/train_form.py TSV...   (LABEL<TAB>question lines; run from the repo root)

Features come from the binary itself (`cargo run --release --example form_features`),
so training and the coach always see the same features. Train only on tuning sets;
the check sets (tests/validity/questions/check-*.tsv) must never be passed here.
"""
import json, random, subprocess, sys
from collections import defaultdict

LABELS = ["S", "P", "I", "N", "-"]
cv = "--cv" in sys.argv
# --holdout FILE: train on the other files and report agreement on FILE (a tuning
# set held out, to compare training settings without touching the check sets).
holdout = sys.argv[sys.argv.index("--holdout") + 1] if "--holdout" in sys.argv else None
files = list(dict.fromkeys(a for a in sys.argv[1:] if not a.startswith("-")))
assert files and not any("check" in f for f in files), "never train on a check set"
lines = []
held = []
for f in files:
    for l in open(f, encoding="utf-8"):
        if "\t" in l and not l.startswith("#") and l.split("\t", 1)[0].strip() in LABELS:
            (held if f == holdout else lines).append(l.rstrip("\n"))
def features(lines):
    out = subprocess.run(["cargo", "run", "-q", "--release", "--example", "form_features"],
                         input="\n".join(lines) + "\n", capture_output=True, text=True, check=True).stdout
    return [json.loads(r) for r in out.splitlines()]
data = features(lines)
texts = [l.split("\t", 1)[1] for l in lines]
import os
drop = tuple(p for p in os.environ.get("DROP", "").split(",") if p)
data = [(LABELS.index(d["label"]), [f for f in d["features"] if not (drop and f.startswith(drop))]) for d in data]
SEEDS = int(os.environ.get("SEEDS", "10"))


def train(data):
    """Averages the weights of SEEDS perceptrons trained in different orders: one
    linear model, less dependent on the order the questions happened to come in."""
    if SEEDS == 1:
        return train_one(data, 7)
    models = [train_one(data, 7 + k) for k in range(SEEDS)]
    out = defaultdict(lambda: [0.0] * 5)
    for m in models:
        for f, v in m.items():
            for k in range(5):
                out[f][k] += v[k] / SEEDS
    return {f: [round(x, 4) for x in v] for f, v in out.items() if any(abs(x) >= 0.002 for x in v)}


def train_one(data, seed, epochs=int(os.environ.get('EPOCHS', '30'))):
    w = defaultdict(lambda: [0.0] * 5)
    acc = defaultdict(lambda: [0.0] * 5)
    stamp = defaultdict(lambda: [0] * 5)
    rng = random.Random(seed)
    data = list(data)
    c = 1
    for _ in range(epochs):
        rng.shuffle(data)
        for y, fs in data:
            score = [sum(w[f][k] for f in fs if f in w) for k in range(5)]
            guess = max(range(5), key=lambda k: (score[k], -k))
            if guess != y:
                for f in fs:
                    for k, d in ((y, 1.0), (guess, -1.0)):
                        acc[f][k] += (c - stamp[f][k]) * w[f][k]
                        stamp[f][k] = c
                        w[f][k] += d
            c += 1
    avg = {}
    for f in w:
        v = [round((acc[f][k] + (c - stamp[f][k]) * w[f][k]) / c, 4) for k in range(5)]
        if any(abs(x) >= 0.002 for x in v):
            avg[f] = v
    return avg

def predict(m, fs):
    score = [sum(m[f][k] for f in fs if f in m) for k in range(5)]
    return max(range(5), key=lambda k: (score[k], -k))

if holdout:
    test = [(LABELS.index(d["label"]), d["features"]) for d in features(held)]
    m = train(data)
    ok = sum(predict(m, fs) == y for y, fs in test)
    print(f"held out {holdout}: {ok}/{len(test)} = {100*ok/len(test):.1f}%")
    sys.exit(0)

if cv:
    rng = random.Random(1)
    idx = list(range(len(data)))
    rng.shuffle(idx)
    ok = 0
    for fold in range(5):
        test = set(idx[fold::5])
        m = train([d for i, d in enumerate(data) if i not in test])
        for i in test:
            g = predict(m, data[i][1])
            ok += g == data[i][0]
            if g != data[i][0] and "-v" in sys.argv:
                print(LABELS[data[i][0]], LABELS[g], texts[i])
    print(f"5-fold cross-validation: {ok}/{len(data)} = {100*ok/len(data):.1f}%")
    sys.exit(0)
avg = train(data)
json.dump({"weights": dict(sorted(avg.items()))}, open("data/form_model.json", "w", encoding="utf-8"),
          ensure_ascii=False, separators=(",", ":"))
print(f"trained on {len(data)} questions, {len(avg)} features")
