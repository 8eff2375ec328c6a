#!/usr/bin/env bash
# Measures how fast and in how much memory `validate` rejects hostile files.
# Usage: bash benches/hostile.sh   (builds the release binary first)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q
bin=target/release/spin-coach
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$dir" <<'PY'
import sys, os
d = sys.argv[1]
y = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
for i in range(1, 10):
    y += "a%d: &a%d [%s]\n" % (i, i, ", ".join(["*a%d" % (i - 1)] * 9))
open(os.path.join(d, "alias-bomb.yaml"), "w").write(y)
open(os.path.join(d, "alias-flood.yaml"), "w").write("id: x\nlexicon:\n  situation: [&a lol]\n  problem: [" + ", ".join(["*a"] * 5000) + "]\n")
open(os.path.join(d, "deep-flow.yaml"), "w").write("id: " + "[" * 10000 + "]" * 10000 + "\n")
open(os.path.join(d, "deep-block.yaml"), "w").write("lexicon:\n" + "".join(" " * (i + 1) + "- \n" for i in range(1000)))
open(os.path.join(d, "huge-scalar.yaml"), "w").write("id: " + "x" * (50 * 1024 * 1024))
open(os.path.join(d, "not-utf8.yaml"), "wb").write(b"id: \xff\xfe\n")
PY
mkfifo "$dir/fifo.yaml"
printf '%-16s %8s %10s  %s\n' file seconds max-RSS-KB "exit / message"
for f in "$dir"/alias-bomb.yaml "$dir"/alias-flood.yaml "$dir"/deep-flow.yaml "$dir"/deep-block.yaml "$dir"/huge-scalar.yaml "$dir"/not-utf8.yaml "$dir"/fifo.yaml /dev/zero; do
  out=$( { /usr/bin/time -f '%e %M' "$bin" validate "$f" 2>&1 >/dev/null; echo "exit=$?"; } | tr '\n' '|')
  msg=$(echo "$out" | tr '|' '\n' | grep ': error:' | head -1 | sed 's/.*: error: //' | cut -c1-60)
  tm=$(echo "$out" | tr '|' '\n' | grep -E '^[0-9.]+ [0-9]+$' | tail -1)
  code=$(echo "$out" | tr '|' '\n' | grep '^exit=' | tail -1)
  printf '%-16s %8s %10s  %s %s\n' "$(basename "$f")" "${tm%% *}" "${tm##* }" "$code" "$msg"
done
