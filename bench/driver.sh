#!/usr/bin/env bash
# What the compiler wrapper costs: `xstatic cc -c` on a C file of a few
# thousand lines against exactly the clang command that `--print-command`
# prints for it (goal: the wrapper adds under 1%). The two are measured in
# interleaved rounds (hyperfine runs A then B, then B then A, ...) so that a
# machine whose load changes over time does not favour either; the ratio is
# of the medians of all runs. Then the stripped size of the static hello
# (examples/hello, musl) for linux/amd64 and linux/arm64.
#
#   bench/driver.sh
#   ROUNDS=10 RUNS=5 TARGET=linux/arm64 XSTATIC=build/src/xstatic bench/driver.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
XSTATIC=$(realpath "${XSTATIC:-build/src/xstatic}")
TARGET=${TARGET:-linux/amd64}
ROUNDS=${ROUNDS:-8}
RUNS=${RUNS:-5}
FUNCTIONS=${FUNCTIONS:-200}
command -v hyperfine >/dev/null || { echo "bench/driver.sh needs hyperfine (apt-get install hyperfine)"; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/xstatic-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"

"$XSTATIC" -q sysroot install "$TARGET" linux/amd64 linux/arm64 >/dev/null

# A generated but ordinary C file: libc headers, structs, loops, switches,
# string handling; FUNCTIONS functions of ~15 lines each.
gen() {
  printf '#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n#include <stdint.h>\n#include <ctype.h>\n\n'
  printf 'struct item { int id; double weight; char name[32]; struct item *next; };\n\n'
  for i in $(seq "$FUNCTIONS"); do
    cat <<C
static int step_$i(struct item *list, const char *text, uint32_t seed) {
  int total = 0;
  for (struct item *it = list; it; it = it->next) {
    switch ((it->id + $i) % 4) {
      case 0: total += (int)(it->weight * $i.5); break;
      case 1: total ^= (int)strlen(it->name) << ($i % 7); break;
      case 2: if (strncmp(it->name, text, 3) == 0) total += $i; break;
      default: total -= isalpha((unsigned char)text[0]) ? $i : -$i; break;
    }
    seed = seed * 1103515245u + 12345u + (uint32_t)total;
  }
  char buf[64];
  snprintf(buf, sizeof buf, "%s-%d-%u", text, total, seed % $((i + 7)));
  return total + (int)strlen(buf);
}

C
  done
  printf 'int run_all(struct item *list, const char *text) {\n  int sum = 0;\n'
  for i in $(seq "$FUNCTIONS"); do printf '  sum += step_%d(list, text, %du);\n' "$i" "$i"; done
  printf '  return sum;\n}\n'
}
gen >big.c
lines=$(wc -l <big.c)

cmd=$("$XSTATIC" cc --target "$TARGET" -O2 -c big.c -o big.o --print-command 2>&1 >/dev/null | tail -1)
echo "file: big.c, $lines lines, $FUNCTIONS functions; target $TARGET"
echo "clang command (from --print-command): $cmd"
wrapper="$XSTATIC cc --target $TARGET -O2 -c big.c -o big.o"

for r in $(seq "$ROUNDS"); do
  if [ $((r % 2)) = 1 ]; then first=$wrapper second=$cmd; else first=$cmd second=$wrapper; fi
  hyperfine -N --style none --warmup 1 --runs "$RUNS" --export-json "round-$r.json" "$first" "$second" >/dev/null
done

python3 - "$wrapper" "$cmd" round-*.json <<'PY'
import json, statistics, sys
wrapper, clang, files = sys.argv[1], sys.argv[2], sys.argv[3:]
wall = {wrapper: [], clang: []}
cpu = {wrapper: [], clang: []}  # per round: mean user+system (robust to other load on the machine)
for f in files:
    for r in json.load(open(f))["results"]:
        wall[r["command"]].extend(r["times"])
        cpu[r["command"]].append(r["user"] + r["system"])
mw, mc = statistics.median(wall[wrapper]), statistics.median(wall[clang])
cw, cc = statistics.median(cpu[wrapper]), statistics.median(cpu[clang])
print(f"xstatic cc -c : median wall {mw*1000:8.2f} ms, cpu {cw*1000:8.2f} ms over {len(wall[wrapper])} runs")
print(f"clang (same)  : median wall {mc*1000:8.2f} ms, cpu {cc*1000:8.2f} ms over {len(wall[clang])} runs")
print(f"median wall ratio xstatic/clang: {mw/mc:.4f} ({100*(mw/mc-1):+.2f}%; goal < 1%)")
print(f"median cpu  ratio xstatic/clang: {cw/cc:.4f} ({100*(cw/cc-1):+.2f}%)")
PY

# The wrapper's own cost, without clang's noise: the same call with a
# stand-in clang (/bin/true named clang-19) against that stand-in alone.
mkdir stand-in && ln -s "$(type -P true)" stand-in/clang-19
hyperfine -N --style none --warmup 10 --runs 300 --export-json alone.json \
  "env XSTATIC_CLANG=$work/stand-in/clang-19 $wrapper" "env XSTATIC_CLANG=$work/stand-in/clang-19 $work/stand-in/clang-19" >/dev/null
python3 - alone.json round-*.json "$cmd" <<'PY'
import json, statistics, sys
alone = json.load(open(sys.argv[1]))["results"]
w, t = (statistics.median(r["times"]) for r in alone)
clang = [x for f in sys.argv[2:-1] for r in json.load(open(f))["results"] if r["command"] == sys.argv[-1] for x in r["times"]]
c = statistics.median(clang)
print(f"wrapper alone (exec'ing a stand-in clang): {1000*(w-t):.2f} ms per call = {100*(w-t)/c:.3f}% of this compile")
PY

echo
echo "stripped static hello (examples/hello/hello.c, musl):"
for t in linux/amd64 linux/arm64; do
  out="hello-${t//\//-}"
  "$XSTATIC" cc --target "$t" "$root/examples/hello/hello.c" -o "$out"
  printf '  %-12s %6d bytes  (%s)\n' "$t" "$(stat -c %s "$out")" "$(file -b "$out" | cut -d, -f1-2)"
done
