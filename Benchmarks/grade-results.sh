#!/usr/bin/env bash
# Times `companion grade --results` on a made-up class: writes N students' results.json
# (default 1000) with `companion grade --simulate`, grades them three times, checks that the
# grades and mistakes are the planted ones, and prints each run's wall time and the best.
#
#   Benchmarks/grade-results.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
students=${1:-1000}

swift build -c release --product companion 2>&1 | tail -n 1
companion=.build/release/companion
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$companion" grade --simulate "$students" --seed 1 --out "$work/class"
echo "the class: $(find "$work/class" -name results.json | wc -l) results.json files," \
  "$(du -sh "$work/class" | cut -f1)"

best=""
for run in 1 2 3; do
  start=$(date +%s%N)
  "$companion" grade --results "$work/class" --out "$work/report" > "$work/said.txt"
  end=$(date +%s%N)
  seconds=$(awk -v ns=$((end - start)) 'BEGIN { printf "%.2f", ns / 1e9 }')
  echo "run $run: $seconds s"
  if [ -z "$best" ] || awk -v a="$seconds" -v b="$best" 'BEGIN { exit !(a < b) }'; then
    best=$seconds
  fi
done
tail -n 1 "$work/said.txt"
cmp -s "$work/report/grades.csv" "$work/class/expected-grades.csv" \
  || { echo "grades.csv differs from the planted grades" >&2; exit 1; }
cmp -s "$work/report/mistakes.csv" "$work/class/expected-mistakes.csv" \
  || { echo "mistakes.csv differs from the planted mistakes" >&2; exit 1; }
echo "grade --results on $students students: best of 3 runs $best s" \
  "(report.html $(du -h "$work/report/report.html" | cut -f1))"
