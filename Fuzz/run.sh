#!/usr/bin/env bash
# Builds the libFuzzer target (front matter, dates, references, through a
# whole in-memory build) with AddressSanitizer and runs it on Fuzz/corpus.
#   Fuzz/run.sh [SECONDS]    default 600; crashes are written to Fuzz/artifacts/
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p link artifacts
ln -sfn "$(cd .. && pwd)" link/protosite
swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
work=$(mktemp -d)
cp corpus/* "$work/"
.build/release/FuzzBuild "$work" corpus -max_total_time="${1:-600}" -max_len=4096 -timeout=10 \
  -artifact_prefix=artifacts/ -print_final_stats=1
