#!/usr/bin/env bash
# Fuzzes the readers (plain text, JSON lines, HTML, RSS/Atom, WARC) and the time stage for a fixed
# time budget: the CsCheck properties of tests/Dossier.Core.Tests/Robustness/ReaderFuzzTests.cs,
# run with many iterations. A failure prints the smallest input CsCheck shrank it to, and its seed.
# Usage: bench/fuzz-readers.sh [SECONDS] (default 600)
set -euo pipefail
cd "$(dirname "$0")/.."
budget=${1:-600}
export DOSSIER_FUZZ_ITERATIONS=${DOSSIER_FUZZ_ITERATIONS:-1000000}
timeout --signal=INT "$budget" nice dotnet test tests/Dossier.Core.Tests -c Release \
    --filter "FullyQualifiedName~ReaderFuzzTests" --logger "console;verbosity=normal" || status=$?
case "${status:-0}" in
  0) echo "fuzzing: no failure in $DOSSIER_FUZZ_ITERATIONS iterations" ;;
  124|130) echo "fuzzing: no failure within the ${budget} s budget" ;;
  *) echo "fuzzing: a property failed (see above)"; exit 1 ;;
esac
