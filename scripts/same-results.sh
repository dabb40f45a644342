#!/usr/bin/env bash
# Checks that a change keeps the model's results bit for bit: runs the bureaucracy's three check
# scenarios (china-2012-2025 at its own size and ten times it, reform, peter) with the working
# tree's build and with a reference, and compares metrics.csv, events.csv and matrices.json.
#
#   scripts/same-results.sh [REF]     REF: a commit to build in a temporary worktree (default HEAD),
#                                     or the path of an officialdom.jar built before
#
# Exit 0 when every file is identical, 1 when one differs (the differing files are listed).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ref="${1:-HEAD}"
work="$(mktemp -d)"
trap 'rm -rf "$work"; git -C "$root" worktree remove --force "$work/ref-tree" >/dev/null 2>&1 || true' EXIT

if [ -f "$ref" ]; then
  ref_jar="$(cd "$(dirname "$ref")" && pwd)/$(basename "$ref")"
else
  echo "building $ref in a temporary worktree..." >&2
  git -C "$root" worktree add --detach "$work/ref-tree" "$ref" >/dev/null
  (cd "$work/ref-tree" && mvn -q -B -ntp -DskipTests package -pl cli -am) >&2
  ref_jar="$work/ref-tree/cli/target/officialdom.jar"
fi
echo "building the working tree..." >&2
(cd "$root" && mvn -q -B -ntp -DskipTests package -pl cli -am) >&2
new_jar="$root/cli/target/officialdom.jar"

runs=("china-2012-2025" "china-2012-2025 --scale 10" "reform" "peter")
status=0
for side in ref new; do
  jar="$ref_jar"; [ "$side" = new ] && jar="$new_jar"
  for k in "${!runs[@]}"; do
    # shellcheck disable=SC2086
    java -jar "$jar" run ${runs[$k]} --threads 2 --no-store -q --out "$work/$side/$k" >/dev/null
  done
done
for k in "${!runs[@]}"; do
  for f in metrics.csv events.csv matrices.json; do
    if cmp -s "$work/ref/$k/$f" "$work/new/$k/$f"; then
      echo "same       ${runs[$k]}: $f"
    else
      echo "DIFFERENT  ${runs[$k]}: $f"
      status=1
    fi
  done
done
exit $status
