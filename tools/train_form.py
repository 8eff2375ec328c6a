#!/usr/bin/env python3
"""Trains the SPIN form model and writes data/form_model.json: a multinomial logistic
regression with a strong L2 penalty (MODEL=perc for the older averaged perceptron).

usage: python3 tools/train_form.py TSV|DIR...   (run from the repo root)

A TSV holds LABEL<TAB>question lines; a DIR is a folder of tuning scripts
(tests/validity/tune-b), whose labelled ask turns are taken as questions
(tools/script_questions.py). The shipped model:

  python3 tools/train_form.py tests/validity/questions/tune{,2,3,4}-{zh,en}.tsv \
      tests/validity/tune{,-b,-c,-d}

Features come from the binary itself (`cargo run --release --example form_features`),
so training and the coach always see the same features. Train only on tuning sets;
the check sets (tests/validity/questions/check-*.tsv) must never be passed here.
"""
import json, os, random, subprocess, sys
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
# Questions from scripts were labelled in a meeting: some are implication questions
# only because of what was said before ("how many complaints do you get?" after the
# complaint). They teach the form of meeting questions but weigh SCRIPT_W each.
SCRIPT_W = float(os.environ.get("SCRIPT_W", "0.5"))
weights = []
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from script_questions import questions
for f in files:
    if os.path.isdir(f):
        for label, text in questions(f):
            lines.append(f"{label}\t{text}")
            weights.append(SCRIPT_W)
        continue
    for l in open(f, encoding="utf-8"):
        if "\t" in l and not l.startswith("#") and l.split("\t", 1)[0].strip() in LABELS:
            if f == holdout:
                held.append(l.rstrip("\n"))
            else:
                lines.append(l.rstrip("\n"))
                weights.append(1.0)
def features(lines):
    out = subprocess.run(["cargo", "run", "-q", "--release", "--example", "form_features"],
                         input="\n".join(lines) + "\n", capture_output=True, text=True, check=True).stdout
    return [json.loads(r) for r in out.splitlines()]
data = features(lines)
texts = [l.split("\t", 1)[1] for l in lines]
import os
drop = tuple(p for p in os.environ.get("DROP", "").split(",") if p)
data = [(LABELS.index(d["label"]), [f for f in d["features"] if not (drop and f.startswith(drop))], wt)
        for d, wt in zip(data, weights)]
SEEDS = int(os.environ.get("SEEDS", "10"))
# Features seen in fewer than MINCOUNT training questions are dropped: a word pair
# met once teaches the model that question, not a form.
MINCOUNT = int(os.environ.get("MINCOUNT", "2"))
if MINCOUNT > 1:
    seen = defaultdict(int)
    for _, fs, _ in data:
        for f in set(fs):
            seen[f] += 1
    data = [(y, [f for f in fs if seen[f] >= MINCOUNT], wt) for y, fs, wt in data]


def train(data):
    if os.environ.get("MODEL", "lr") == "lr":
        return train_lr(data)
    return train_perceptron(data)


def train_perceptron(data):
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
        for y, fs, _ in data:
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


# The question's own words and characters are held back harder than the structural
# features (cue lists, signals, rules, first words): topic words of the scenarios the
# scripts were written for ("the phone bill") must not decide a question's form.
LEXICAL = ("w:", "w2:", "tw2:", "b:", "u:", "tb:")
LEX_L2 = float(os.environ.get("LEX_L2", "1"))


def train_lr(data, epochs=int(os.environ.get("EPOCHS_LR", "40")), l2=float(os.environ.get("L2", "0.1")),
             rate=float(os.environ.get("RATE", "0.5"))):
    """Multinomial logistic regression with an L2 penalty, trained by AdaGrad in a
    fixed order of shuffles: a steadier linear model than the perceptron, whose
    weights swung with every change of a signal list."""
    w = defaultdict(lambda: [0.0] * 5)
    g2 = defaultdict(lambda: [1e-8] * 5)
    rng = random.Random(7)
    data = list(data)
    n = len(data)
    import math
    for _ in range(epochs):
        rng.shuffle(data)
        for y, fs, wt in data:
            score = [sum(w[f][k] for f in fs) for k in range(5)]
            top = max(score)
            ex = [math.exp(s - top) for s in score]
            z = sum(ex)
            p = [e / z for e in ex]
            for f in fs:
                wf, gf = w[f], g2[f]
                pen = l2 * (LEX_L2 if f.startswith(LEXICAL) else 1.0)
                for k in range(5):
                    g = wt * (p[k] - (1.0 if k == y else 0.0)) + pen * wf[k]
                    gf[k] += g * g
                    wf[k] -= rate * g / math.sqrt(gf[k])
    return {f: [round(x, 4) for x in v] for f, v in w.items() if any(abs(x) >= 0.002 for x in v)}

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
