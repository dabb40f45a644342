#!/usr/bin/env bash
# A/B speed of two builds of the command-line jar, in the same hour on the same machine: runs
# `bench` with each jar in turn, RUNS times (A, B, A, B, ...), and prints per pass and for the whole
# step the median and range of nanoseconds per official and step, and each run's agent-steps per
# second. A pass the other build lacks counts as 0 (a pass folded into another shows as a rise).
#
#   scripts/speed-ab.sh A.jar B.jar [RUNS] [bench options]
#   default options: --officials 1000000 --steps 120 --threads 2 --warmup 24
#
# Runs on a shared host vary by ±10-30 %; read the ranges, not only the medians.
set -euo pipefail
a="$1"; b="$2"; runs="${3:-6}"
shift $(( $# < 3 ? $# : 3 ))
opts=("$@"); [ ${#opts[@]} -eq 0 ] && opts=(--officials 1000000 --steps 120 --threads 2 --warmup 24)
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
for r in $(seq 1 "$runs"); do
  for side in A B; do
    jar="$a"; [ "$side" = B ] && jar="$b"
    java ${JAVA_OPTS:--Xmx8g} -jar "$jar" bench "${opts[@]}" > "$work/$side.$r.txt" 2>&1
  done
done
python3 - "$work" "$runs" <<'EOF'
import re, sys, statistics, glob, os
work, runs = sys.argv[1], int(sys.argv[2])
def parse(p):
    t = open(p).read()
    d = {m.group(1): float(m.group(2)) for m in re.finditer(r'pass (\S+)\s+([\d.]+) s', t)}
    agents = int(re.search(r'agents: (\d+)', t).group(1))
    steps = int(re.search(r'steps: (\d+),', t).group(1))
    warm = re.search(r'warm-up: (\d+) steps', t)
    counted = steps - (int(warm.group(1)) if warm else 0)
    d['whole step'] = float(re.search(r'steps: ([\d.]+) s', t).group(1))
    return d, agents * counted, float(re.search(r'agent-steps per second: (\d+)', t).group(1)) / 1e6
res = {s: [parse(os.path.join(work, f'{s}.{r}.txt')) for r in range(1, runs + 1)] for s in 'AB'}
names = []
for s in 'AB':
    for d, _, _ in res[s]:
        for k in d:
            if k not in names and k != 'whole step':
                names.append(k)
names.append('whole step')
print(f"{'ns per official and step':28s} {'A median (range)':>24s} {'B median (range)':>24s} {'change':>8s}")
for k in names:
    v = {s: [d.get(k, 0) * 1e9 / n for d, n, _ in res[s]] for s in 'AB'}
    ma, mb = statistics.median(v['A']), statistics.median(v['B'])
    ch = f"{100 * (mb / ma - 1):+.0f} %" if ma > 0 else ''
    fmt = lambda xs, m: f"{m:.2f} ({min(xs):.2f}-{max(xs):.2f})"
    print(f"{k:28s} {fmt(v['A'], ma):>24s} {fmt(v['B'], mb):>24s} {ch:>8s}")
for s in 'AB':
    print(f"{s}: agent-steps per second (millions) " + ', '.join(f"{r:.2f}" for _, _, r in res[s]))
EOF
