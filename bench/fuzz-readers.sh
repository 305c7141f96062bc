#!/usr/bin/env bash
# Fuzzes the readers (plain text, JSON lines, HTML, RSS/Atom, WARC) and the time stage for a fixed time budget:
# the CsCheck properties of tests/Dossier.Core.Tests/Robustness/ReaderFuzzTests.cs, each run for half
# of it. Each prints how many inputs it tried; a failure prints the smallest input CsCheck shrank it
# to, and its seed. Usage: bench/fuzz-readers.sh [SECONDS] (default 600)
set -euo pipefail
cd "$(dirname "$0")/.."
budget=${1:-600}
export DOSSIER_FUZZ_SECONDS=$((budget / 2))
export DOSSIER_FUZZ_ITERATIONS=${DOSSIER_FUZZ_ITERATIONS:-100000000}
nice dotnet build tests/Dossier.Core.Tests -c Release --nologo -v quiet
# The budget, and time to start the tests, before the run is stopped as hung.
timeout --signal=INT $((budget + 300)) nice dotnet test tests/Dossier.Core.Tests -c Release --no-build \
    --filter "FullyQualifiedName~ReaderFuzzTests" --logger "console;verbosity=detailed" || status=$?
case "${status:-0}" in
  0) echo "fuzzing: no failure in ${budget} s" ;;
  124|130) echo "fuzzing: stopped after $((budget + 300)) s: a property hung (see the last input above)"; exit 1 ;;
  *) echo "fuzzing: a property failed (see above)"; exit 1 ;;
esac
