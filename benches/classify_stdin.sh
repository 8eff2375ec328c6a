#!/usr/bin/env bash
# Per-question cost of `spin-coach classify` reading 100,000 lines from standard
# input (the labelled tuning questions, repeated), against the criterion figure for
# one question. Usage: bash benches/classify_stdin.sh [path/to/spin-coach]
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-target/release/spin-coach}"
[ -x "$bin" ] || { echo "build first: cargo build --release" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cut -f2 tests/validity/questions/tune*.tsv | awk 'NF' > "$tmp/q"
awk -v n=100000 '{ q[NR] = $0 } END { for (i = 0; i < n; i++) print q[i % NR + 1] }' "$tmp/q" > "$tmp/in"
best=""
for _ in 1 2 3; do
  start=$(date +%s%N)
  "$bin" classify < "$tmp/in" > /dev/null
  t=$(( ($(date +%s%N) - start) / 1000 ))
  if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
done
echo "100000 lines: best of 3 $(( best / 1000 )) ms, $(( best / 100000 )) µs per line"
