#!/usr/bin/env bash
# Is a run without calendar stationary? Runs the flagship with its calendar left out
# (examples/china-2012-2025-held.yaml) under N seeds and prints, for the headline metrics, the mean
# of the last year minus the mean of the first year, with a 95 % t interval over the seeds.
#
#   scripts/drift.sh [N] [--set key=value ...]     N: seeds 1..N (default 10)
#   scripts/drift.sh 10 --set spin_up_months=120   the same with a shorter spin-up
#
# Runs two at a time; nothing is stored (--no-store); needs python3.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-10}"; shift || true
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$root/officialdom" --version >/dev/null   # builds the jar once, before the parallel runs
for k in $(seq 1 "$n"); do
  "$root/officialdom" run "$root/examples/china-2012-2025-held.yaml" --set track_every=0 "$@" \
      --seed "$k" --out "$work/$k" --no-store -q >/dev/null &
  if (( k % 2 == 0 )); then wait; fi
done
wait
python3 - "$work" "$n" <<'PY'
import csv, statistics as st, sys
work, n = sys.argv[1], int(sys.argv[2])
cols = ['evln_loyalty', 'evln_voice', 'evln_neglect', 'evln_exit', 'circle_share', 'public_quit_share',
        'support_mean', 'falsification_gap', 'morale_mean', 'stress_mean', 'output_per_official',
        'exits_private_sector', 'hires']
t975 = {2: 12.706, 3: 4.303, 4: 3.182, 5: 2.776, 6: 2.571, 7: 2.447, 8: 2.365, 9: 2.306, 10: 2.262,
        15: 2.145, 20: 2.093, 30: 2.045}
first = {c: [] for c in cols}; drift = {c: [] for c in cols}
for k in range(1, n + 1):
    rows = list(csv.DictReader(open(f'{work}/{k}/metrics.csv')))[1:]   # step 0 is the initial state
    for c in cols:
        a = st.mean(float(r[c]) for r in rows[:12]); b = st.mean(float(r[c]) for r in rows[-12:])
        first[c].append(a); drift[c].append(b - a)
t = t975.get(n, 2.0)
print(f'last year minus first year, {n} seeds, mean [95 % t interval]')
for c in cols:
    m = st.mean(drift[c]); h = t * st.stdev(drift[c]) / n ** 0.5 if n > 1 else float('nan')
    print(f'{c:22s} first year {st.mean(first[c]):10.4f}   drift {m:+.4f} [{m - h:+.4f}, {m + h:+.4f}]')
PY
