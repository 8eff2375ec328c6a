#!/usr/bin/env python3
"""Prints the labelled questions of validity scripts as LABEL<TAB>question lines, to
train the form model on questions as trainees write them in a meeting (longer, with a
name and a preamble) beside the short ones of the question sets.

usage: python3 tools/script_questions.py DIR...   (e.g. tests/validity/tune-b)

Only tuning folders may be given: never the check or unseen sets.
"""
import re, sys, yaml

import glob

LABELS = {"S", "P", "I", "N", "-"}


def questions(d):
    """(label, question) for every labelled ask turn of the scripts under folder d."""
    assert not re.search(r"check|unseen", d), "tuning folders only"
    for f in sorted(glob.glob(f"{d}/*/*.yaml")):
        for line in open(f, encoding="utf-8"):
            if not line.startswith("- ask:") or "#@" not in line:
                continue
            body, label = line.rsplit("#@", 1)
            label = label.strip()[:1]
            if label not in LABELS:
                continue
            try:
                item = yaml.safe_load(body)[0]["ask"]
            except Exception:
                continue
            text = item["text"] if isinstance(item, dict) else item
            if isinstance(text, str) and text.strip():
                yield label, " ".join(text.split())


if __name__ == "__main__":
    for d in sys.argv[1:]:
        for label, text in questions(d):
            print(f"{label}\t{text}")
