#!/usr/bin/env bash
# icount.sh [DIR] CORPUS...: instructions the engine spends scanning each
# 4 MiB corpus three times (callgrind, so repeatable on a shared machine),
# for the working tree DIR (default: this repository). Compare two commits
# by running it on two worktrees:
#
#   git worktree add /tmp/before HEAD~1
#   bench/icount.sh /tmp/before prose jsonlogs csv
#   bench/icount.sh . prose jsonlogs csv
#
# Corpora: prose, jsonlogs (engine/internal/corpus) and the bench/corpus
# kinds (prose is the engine's; the others: csv, binary, adversarial, clean).
# ICOUNT_DISABLE=person,street_address disables types for the count.
set -euo pipefail
dir=.
if [ $# -gt 0 ] && [ -d "$1" ]; then dir=$1; shift; fi
bin=$(mktemp)
out=$(mktemp)
trap 'rm -f "$bin" "$out"' EXIT
(cd "$dir" && go test -c -o "$bin" ./engine/)
for c in "$@"; do
	ICOUNT_CORPUS=$c GOGC=off GOMAXPROCS=1 GODEBUG=asyncpreemptoff=1 \
		valgrind --tool=callgrind --callgrind-out-file="$out" --toggle-collect='*icountMeasure' \
		"$bin" -test.run '^TestICount$' >/dev/null 2>&1
	printf '%-12s %s\n' "$c" "$(callgrind_annotate "$out" 2>/dev/null | awk '/PROGRAM TOTALS/ {print $1; exit}')"
done
