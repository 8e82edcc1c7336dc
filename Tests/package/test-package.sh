#!/usr/bin/env bash
# The Debian package as someone without Swift gets it: extracted with
# dpkg-deb -x and run in a mount namespace where /opt/swift (the toolchain)
# is an empty tmpfs, so a binary that still needed the toolchain's runtime
# would fail here as it does on a clerk's machine. Also: Depends names
# cmark-gfm's libraries, the manual page renders, the completions load.
# Ends with 'N passed, N failed'.
#
#   Tests/package/test-package.sh           runs scripts/package first
#   Tests/package/test-package.sh FILE.deb  tests that package
set -uo pipefail
cd "$(dirname "$0")/../.."

VERSION=$(sed -n 's/^let protositeVersion = "\(.*\)"$/\1/p' Sources/protosite/Version.swift)
DEB=${1:-}
if [ -z "$DEB" ]; then
  scripts/package || { echo "test-package: scripts/package failed"; echo "0 passed, 1 failed"; exit 1; }
  DEB="dist/protosite_${VERSION}_$(dpkg --print-architecture).deb"
fi
DEB=$(readlink -f "$DEB")
TOOLCHAIN=$(dirname "$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")")  # /opt/swift

passed=0 failed=0
check() {  # check NAME COMMAND...: one test, passing when COMMAND succeeds
  local name=$1; shift
  local output
  if output=$("$@" 2>&1); then
    passed=$((passed + 1)); echo "ok - $name"
  else
    failed=$((failed + 1)); echo "not ok - $name"; printf '%s\n' "$output" | tail -20 | sed 's/^/    /'
  fi
}

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
dpkg-deb -x "$DEB" "$WORK/root"
BIN="$WORK/root/usr/bin/protosite"

# Runs a command with the toolchain folder hidden under an empty tmpfs
# (private mounts: the rest of the machine still sees /opt/swift). Not
# root: a user namespace (-r) lets us mount there all the same.
NS=(unshare -m --propagation private)
[ "$(id -u)" -eq 0 ] || NS+=(-r)
without_toolchain() {
  "${NS[@]}" sh -c 'mount -t tmpfs none "$1" && shift && exec "$@"' sh "$TOOLCHAIN" "$@"
}

depends() { dpkg-deb -f "$DEB" Depends; }
depends_names_cmark() {
  depends | grep -q 'libcmark-gfm0' && depends | grep -q 'libcmark-gfm-extensions0'
}
# Nothing beyond cmark-gfm and the C library (libgcc-s1 is libc6's own dependency).
depends_nothing_else() {
  ! depends | tr ',' '\n' | sed 's/^ *//; s/ .*//' | grep -vE '^(libc6|libgcc-s1|libcmark-gfm0\..*|libcmark-gfm-extensions0\..*)$'
}
check "dpkg-deb -f: Depends names libcmark-gfm and libcmark-gfm-extensions" depends_names_cmark
check "dpkg-deb -f: Depends names nothing but cmark-gfm and the C library" depends_nothing_else
check "the toolchain is really hidden in the namespace" without_toolchain sh -c "! test -e '$TOOLCHAIN/usr/lib/swift'"
check "ldd: no Swift runtime, curl, libxml2, ICU, libstdc++, zlib, libdeflate or jemalloc" sh -c "! ldd '$BIN' | grep -E 'libswift|libFoundation|libcurl|libxml2|libicu|libstdc|libz\.so|libdeflate|libjemalloc|not found'"

# jemalloc is malloc for the C library and cmark-gfm too: memory one
# allocator hands out must never reach the other's free.
libc_uses_jemalloc() {
  local bindings
  bindings="$(LD_DEBUG=bindings "$BIN" --version 2>&1)"
  grep -E "binding file [^ ]*libc\.so\.6 .* to [^ ]*protosite .*symbol \`malloc'" <<<"$bindings" >/dev/null &&
    grep -E "binding file [^ ]*libcmark-gfm\.so[^ ]* .* to [^ ]*protosite .*symbol \`free'" <<<"$bindings" >/dev/null
}
check "the C library and cmark-gfm call the binary's malloc and free (jemalloc)" libc_uses_jemalloc

version_matches() { [ "$(without_toolchain "$BIN" --version)" = "$VERSION" ]; }
check "protosite --version says $VERSION without the toolchain" version_matches

# The example council, built as the packaged binary would build it.
cp -r content protosite.yml "$WORK/"
builds_example() {
  without_toolchain "$BIN" build --root "$WORK" --output "$WORK/site" --today 2026-11-23 --quiet &&
    test -s "$WORK/site/index.html" && test -s "$WORK/site/code-of-conduct/index.html"
}
check "protosite build on the example content without the toolchain" builds_example

# The theme is inside the binary: the example built with the repository's
# templates/ beside it (read as its overrides, byte for byte the built-in
# files) is the same site as without them.
carries_templates() {
  mkdir -p "$WORK/themed" && cp -r content protosite.yml templates "$WORK/themed/" &&
    without_toolchain "$BIN" build --root "$WORK/themed" --output "$WORK/themed/site" --today 2026-11-23 --quiet &&
    diff -r "$WORK/site" "$WORK/themed/site"
}
check "the binary carries templates/: the example with and without them is the same site" carries_templates

clerk_loop() {
  cd "$WORK" && without_toolchain "$BIN" init parish --council "Little Snoring Parish Council" &&
    cd parish && without_toolchain "$BIN" new "Complaints Procedure" &&
    without_toolchain "$BIN" build --quiet && test -s site/complaints-procedure/index.html
}
check "init, new and build without the toolchain" clerk_loop

# A Word document: unzipping (zlib, linked in) and reading its XML (our own reader).
imports_docx() {
  without_toolchain "$BIN" import Tests/ProtositeCoreTests/Fixtures/example-policy.docx --output "$WORK/imported" &&
    ls "$WORK"/imported/*.md >/dev/null
}
check "protosite import of a .docx without the toolchain" imports_docx

# serve answers on its port (its HTTP server is protosite's own) and stops on
# Ctrl-C. unshare and sh exec, so $! is protosite itself.
serves() {
  local port=$((20000 + RANDOM % 20000))
  "${NS[@]}" sh -c 'mount -t tmpfs none "$1" && shift && exec "$@"' sh "$TOOLCHAIN" \
    "$BIN" serve --root "$WORK" --output "$WORK/site" --port "$port" --today 2026-11-23 2>"$WORK/serve.log" &
  local pid=$! answered=1
  for _ in $(seq 100); do
    if grep -q "press Ctrl-C" "$WORK/serve.log"; then
      exec 3<>"/dev/tcp/127.0.0.1/$port" && printf 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n' >&3 &&
        head -1 <&3 | grep -q '^HTTP/1.1 200' && answered=0
      exec 3<&-
      break
    fi
    sleep 0.1
  done
  kill -INT "$pid"
  # It must stop by itself within five seconds.
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid"; echo "serve ignored Ctrl-C"; return 1; fi
  wait "$pid" || { cat "$WORK/serve.log"; return 1; }
  [ "$answered" -eq 0 ] || { cat "$WORK/serve.log"; return 1; }
}
check "protosite serve answers GET / with 200 and stops on Ctrl-C, without the toolchain" serves

man_renders() {
  local page
  page=$(MANPAGER=cat MANWIDTH=80 man -l "$WORK/root/usr/share/man/man1/protosite.1.gz") &&
    grep -q 'SYNOPSIS' <<<"$page" && grep -qE '^ +build +Build the site' <<<"$page"
}
check "man -l renders the manual page (with its build command)" man_renders

bash_completion() {
  bash -c "source '$WORK/root/usr/share/bash-completion/completions/protosite'; complete -p protosite" | grep -q -- '-F'
}
check "bash: sourcing the completion registers it (complete -p protosite)" bash_completion
check "zsh and fish completions are where Debian looks" test -s "$WORK/root/usr/share/zsh/vendor-completions/_protosite" -a -s "$WORK/root/usr/share/fish/vendor_completions.d/protosite.fish"

# Figures for the record (not pass or fail): sizes and start-up time.
median_startup() {
  local times=()
  for _ in $(seq 10); do
    local start end
    start=$(date +%s%N); "$BIN" --version >/dev/null; end=$(date +%s%N)
    times+=($(( (end - start) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n '5,6p' | awk '{ sum += $1 } END { printf "%.1f", sum / 2000 }'
}
echo "# package $(stat -c %s "$DEB") bytes; binary $(stat -c %s "$BIN") bytes; protosite --version median of 10: $(median_startup) ms"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
