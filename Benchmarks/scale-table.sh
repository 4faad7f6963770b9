#!/usr/bin/env bash
# The growth table of Benchmarks/README.md: `hops render` of flat, imported-nested and random
# nested designs at 1,000 to 10,000 components (whole process: median wall time over RUNS runs,
# lowest user CPU, peak memory), then the editor's first frame, a move and a frame (Probe).
# Run from the package root after `swift build -c release --product hops`; it builds the Probe
# into its own scratch folder. By hand only: this is not part of CI.
#   Benchmarks/scale-table.sh [RUNS]     (default 5; designs go to /tmp/hops-scale)
set -euo pipefail
runs=${1:-5}
root=$(pwd)
out=/tmp/hops-scale
shared=${HOPS_SHARED:-$root/../shared}
hops=$root/.build/release/hops
mkdir -p "$out"
swift build -c release --package-path Benchmarks --scratch-path "$out/probe-build" --product Probe >/dev/null
probe=$out/probe-build/release/Probe

# Flat: the peers' tiered graphs. Imported: ManifestGenerator apps (6 components each, with the
# Pods and containers inside their Deployments). Random: the Probe's mixed generator.
python3 "$shared/bench/gen_graphs.py" --out "$out/peers" 1000 2000 5000 10000 >/dev/null
for n in 1000 2000 5000 10000; do
    python3 "$shared/bench/to_hops.py" "$out/peers/graphs/mesh-$n.json" "$out/flat-$n.hops.json"
    "$probe" "$n" 1 --render-only --write "$out/random-$n.hops.json" >/dev/null
    "$probe" 0 1 --manifest $(( n / 6 )) --render-only --write "$out/imported-$n.hops.json" >/dev/null
done

measure() { # design file → "median wall s, lowest user s, peak MB"
    local walls=() users=() peak=0
    for _ in $(seq "$runs"); do
        local line
        line=$( { /usr/bin/time -f "%e %U %M" "$hops" render --color never "$1" >/dev/null; } 2>&1 | tail -1)
        read -r wall user kb <<<"$line"
        walls+=("$wall"); users+=("$user"); (( kb > peak )) && peak=$kb
    done
    local median lowest
    median=$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
    lowest=$(printf '%s\n' "${users[@]}" | sort -n | head -1)
    echo "$median s, $lowest s, $(( peak / 1024 )) MB"
}

echo "| components | flat: wall (median), user (lowest), peak | imported nested | random nested |"
echo "| --- | --- | --- | --- |"
for n in 1000 2000 5000 10000; do
    echo "| $n | $(measure "$out/flat-$n.hops.json") | $(measure "$out/imported-$n.hops.json") | $(measure "$out/random-$n.hops.json") |"
done
echo
for kind in flat imported random; do
    echo "editor, $kind 10,000:"
    "$probe" 0 1 --file "$out/$kind-10000.hops.json" --moves 40 | grep -E "first frame|rest of the lines|move in"
done
