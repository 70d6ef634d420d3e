#!/usr/bin/env bash
# Times `companion grade SUBMISSIONS/` on a made-up class: N submissions (default 6), each a
# whole Exercises/ with a different set of chapters written (the reference's bodies) and the
# rest left as stubs, so that each student's build differs from the one before. Prints the
# tool's own timing line: the first submission (the whole first build) and the median of the
# others. Run it in the package, as root to grade as Gradescope does (companion-student must
# exist: Autograder/setup.sh creates it), or as yourself.
#   Benchmarks/grade-submissions.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
count="${1:-6}"
swift build --product companion > /dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
chapters=(Convolution Pooling Backprop Subgradients Dropout WeightSharing Folding ConvNets)
for i in $(seq 1 "$count"); do
  student="$work/class/student-$(printf %03d "$i")"
  mkdir -p "$student"
  cp -R Exercises "$student/Exercises"
  # Chapters i, i+2, i+4 ... written: every student a different set.
  for j in "${!chapters[@]}"; do
    if (( (j + i) % 3 == 0 )); then
      cp "Solutions/${chapters[$j]}"/*.swift "$student/Exercises/${chapters[$j]}/"
    fi
  done
done
chmod -R a+rX "$work"
.build/debug/companion grade "$work/class" --out "$work/report" 2>/dev/null | tail -n 1
