#!/usr/bin/env bash
# Times the student's loop as the README shows it, each command once built: in CHAPTER, the file
# of the first catalogued mistake (Mistakes/CHAPTER.json) holds the reference's bodies, as a
# student who has written them; then each round makes three one-line edits, and after each runs
# `companion test CHAPTER` and `companion check CHAPTER`, alternating which goes first:
#   1. the mistake planted (a wrong body: that exercise's tests run again, and fail);
#   2. the mistake fixed (its tests run again, then the exercises together);
#   3. a comment added inside the body (its tests run again, and pass).
#   Benchmarks/student-loop.sh [CHAPTER] [ROUNDS]     (default: Convolution, 3)
# It puts the file back as it was at the end. The last lines give the median and the worst step.
set -euo pipefail
cd "$(dirname "$0")/.."
chapter="${1:-Convolution}"
rounds="${2:-3}"
unset COMPANION_TRACK

# The first mistake of the chapter's catalog: its exercise's file, the line and its wrong form.
read -r file exercise < <(python3 - "$chapter" <<'PY'
import json, os, re, sys
chapter = sys.argv[1]
mistake = json.load(open(f"Mistakes/{chapter}.json"))[0]
for name in sorted(os.listdir(f"Solutions/{chapter}")):
    text = open(f"Solutions/{chapter}/{name}").read()
    if re.search(r"// BEGIN EXERCISE " + re.escape(mistake["exercise"]) + r"\b", text):
        print(f"{chapter}/{name}", mistake["exercise"])
        break
PY
)
[ -n "${file:-}" ] || { echo "no catalogued mistake found for $chapter" >&2; exit 2; }
student="Exercises/$file"
cp "$student" "$student.loop-backup"
trap 'mv "$student.loop-backup" "$student"' EXIT
cp "Solutions/$file" "$student"
right="$(cat "$student")"
wrong="$(python3 - "$chapter" "$student" <<'PY'
import json, sys
mistake = json.load(open(f"Mistakes/{sys.argv[1]}.json"))[0]
text = open(sys.argv[2]).read()
assert mistake["replace"] in text
print(text.replace(mistake["replace"], mistake["with"], 1), end="")
PY
)"
commented="$(printf '%s\n' "$right" | sed "0,/BEGIN EXERCISE $exercise/s//&\n  \/\/ a note to myself/")"

times=()
step() {
  local start end
  start=$(date +%s.%N)
  swift run companion "$@" >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  times+=("$(echo "$end - $start" | bc)")
  printf '  %-24s %5.2f s\n' "$*" "${times[-1]}"
}
edit() {
  # A new modification time: the build compares whole seconds.
  sleep 1
  printf '%s\n' "$2" > "$student"
  printf '%s (%s in %s), then\n' "$1" "$exercise" "$student"
}

echo "warming up: each command once, with $student written"
step test "$chapter"
step check "$chapter"
times=()
for round in $(seq 1 "$rounds"); do
  edit "round $round: the mistake planted" "$wrong"
  if [ $((round % 2)) -eq 1 ]; then step check "$chapter"; step test "$chapter"
  else step test "$chapter"; step check "$chapter"; fi
  edit "round $round: the mistake fixed" "$right"
  if [ $((round % 2)) -eq 1 ]; then step test "$chapter"; step check "$chapter"
  else step check "$chapter"; step test "$chapter"; fi
  edit "round $round: a comment in the body" "$commented"
  step check "$chapter"
  step test "$chapter"
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
count=${#sorted[@]}
printf '%d steps after an edit: median %.2f s, worst %.2f s\n' \
  "$count" "${sorted[$((count / 2))]}" "${sorted[$((count - 1))]}"
