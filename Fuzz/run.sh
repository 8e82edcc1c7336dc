#!/usr/bin/env bash
# Builds the libFuzzer target (front matter, dates, references, through a
# whole in-memory build) with AddressSanitizer and runs it on Fuzz/corpus.
#   Fuzz/run.sh [SECONDS]    default 600; crashes are written to Fuzz/artifacts/
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p link artifacts
ln -sfn "$(cd .. && pwd)" link/protosite
# Coverage and AddressSanitizer everywhere; the fuzzer runtime only in FuzzBuild.
runtime="$(dirname "$(dirname "$(command -v swift)")")/lib/swift/clang/lib/linux"
swift build -c release -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table \
  -Xlinker "$runtime/libclang_rt.fuzzer_no_main-x86_64.a"
work=$(mktemp -d)
cp corpus/* "$work/"
.build/release/FuzzBuild "$work" corpus -max_total_time="${1:-600}" -max_len=4096 -timeout=10 \
  -artifact_prefix=artifacts/ -print_final_stats=1
