#!/usr/bin/env bash
# Runs every native Go fuzz target in the module for $FUZZTIME each, one after
# the other, and prints a summary line per target (executions per second and
# the total time it ran). A crasher makes go test write testdata/fuzz/<Target>/…
# beside the package; commit it as a regression seed.
set -euo pipefail
cd "$(dirname "$0")/.."
FUZZTIME="${FUZZTIME:-10s}"
summary=$(mktemp)
status=0
for pkg in $(go list ./...); do
	for target in $(go test -list '^Fuzz' "$pkg" 2>/dev/null | grep '^Fuzz' || true); do
		echo "== $pkg $target ($FUZZTIME)"
		log=$(mktemp)
		start=$(date +%s)
		if ! go test -run '^$' -fuzz "^${target}\$" -fuzztime "$FUZZTIME" "$pkg" 2>&1 | tee "$log"; then
			status=1
		fi
		end=$(date +%s)
		rate=$(grep -o 'execs: [0-9]* ([0-9]*/sec)' "$log" | tail -1 || true)
		printf '%-60s %-28s %s total %ss\n' "$pkg" "$target" "${rate:-no stats}" "$((end - start))" >>"$summary"
		rm -f "$log"
	done
done
echo
echo "fuzz summary:"
cat "$summary"
rm -f "$summary"
exit $status
