#!/usr/bin/env bash
# Runs every native Go fuzz target in the module for $FUZZTIME each, one after
# the other, and prints a summary line per target: executions, executions per
# second over the whole run, and the total time it ran. A crasher makes go test
# write testdata/fuzz/<Target>/… beside the package; commit it as a regression
# seed.
#
# Go 1.26's fuzz coordinator can report a bare "context deadline exceeded"
# failure at the -fuzztime boundary without having found anything
# (golang/go#75804, fixed in Go 1.27). Such a run writes no failing input and
# prints no other failure, so it is retried, twice at most; every other
# non-zero exit, and any run that writes a failing input, fails the script.
set -uo pipefail
cd "$(dirname "$0")/.."
FUZZTIME="${FUZZTIME:-10s}"
summary=$(mktemp)
status=0

# deadline_flake LOG: true when the run failed only with the coordinator's
# deadline error.
deadline_flake() {
	grep -q 'context deadline exceeded' "$1" &&
		! grep -q 'Failing input written' "$1" &&
		! grep -qE 'panic:|_test\.go:[0-9]+:' "$1"
}

for pkg in $(go list ./...); do
	for target in $(go test -list '^Fuzz' "$pkg" 2>/dev/null | grep '^Fuzz' || true); do
		result=fail
		for try in 1 2 3; do
			echo "== $pkg $target ($FUZZTIME, try $try)"
			log=$(mktemp)
			start=$(date +%s)
			go test -run '^$' -fuzz "^${target}\$" -fuzztime "$FUZZTIME" "$pkg" 2>&1 | tee "$log"
			rc=${PIPESTATUS[0]}
			secs=$(($(date +%s) - start))
			execs=$(grep -o 'execs: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || true)
			if [ "$rc" -eq 0 ]; then
				result=ok
			elif deadline_flake "$log"; then
				result="deadline flake (golang/go#75804)"
				rm -f "$log"
				continue
			else
				result=FAIL
				status=1
			fi
			rm -f "$log"
			break
		done
		if [ "$result" != ok ] && [ "$result" != FAIL ]; then
			echo "== $pkg $target: $result on every try; no failing input was written"
		fi
		execs=${execs:-0}
		rate=$((execs / (secs > 0 ? secs : 1)))
		printf '%-45s %-30s %-5s execs %9s  %7s/s  total %3ss\n' "${pkg#github.com/datafog/datafog-api/}" "$target" "$result" "$execs" "$rate" "$secs" >>"$summary"
	done
done
echo
echo "fuzz summary (FUZZTIME=$FUZZTIME):"
cat "$summary"
rm -f "$summary"
exit $status
