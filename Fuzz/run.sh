#!/usr/bin/env bash
# Builds the libFuzzer targets with coverage and AddressSanitizer and runs one:
#   Fuzz/run.sh [SECONDS] [build|import]    default 600 build; crashes go to Fuzz/artifacts/
#   build:  front matter (with YAML anchors and aliases), protosite.yml, dates and
#           references, through a whole in-memory build        (seeds: corpus/)
#   import: the plain-text importer and its build check         (seeds: corpus-import/)
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-600}"
target="${2:-build}"
mkdir -p link artifacts
ln -sfn "$(cd .. && pwd)" link/protosite
# Coverage and AddressSanitizer everywhere; the fuzzer runtime only in the fuzz targets.
runtime="$(dirname "$(dirname "$(command -v swift)")")/lib/swift/clang/lib/linux"
swift build -c release -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table \
  -Xlinker "$runtime/libclang_rt.fuzzer_no_main-x86_64.a"
work=$(mktemp -d)
case "$target" in
  build)
    cp corpus/* "$work/"
    .build/release/FuzzBuild "$work" corpus -dict=yaml.dict -max_total_time="$seconds" -max_len=4096 -timeout=10 \
      -artifact_prefix=artifacts/ -print_final_stats=1 ;;
  import)
    cp corpus-import/* "$work/"
    # The real exports in ../shared/seeds, when they are beside the checkout.
    if [ -d ../../shared/seeds ]; then cp ../../shared/seeds/*.txt "$work/"; fi
    .build/release/FuzzImport "$work" corpus-import -max_total_time="$seconds" -max_len=8192 -timeout=10 \
      -artifact_prefix=artifacts/import- -print_final_stats=1 ;;
  *) echo "usage: Fuzz/run.sh [SECONDS] [build|import]" >&2; exit 2 ;;
esac
