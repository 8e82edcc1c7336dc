#!/usr/bin/env python3
"""Build-speed benchmark: protosite against Hugo + Pagefind and against the
floor of cmark-gfm rendering the same Markdown, side by side in one run.

    python3 bench/bench.py [--sizes 100,1000,10000] [--runs 3] [--work DIR]

Needs a release build (swift build -c release) and the tools that
../shared/tools/install-web-tools.sh installs (hugo, pagefind, cmark-gfm,
GNU time). Corpora come from ../shared/tools/gen-corpus.py --hugo.
Prints, per size, the median wall time, documents per second and peak
memory of each contender over --runs runs, and the ratios. Not a test:
figures depend on the machine; run it and read them.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(REPO), "shared")
GEN = os.path.join(SHARED, "tools", "gen-corpus.py")
PROTOSITE = os.path.join(REPO, ".build", "release", "protosite")


def timed(command, cwd=None):
    """Runs a command under GNU time: (seconds, peak resident MB)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        result = subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", report.name] + command,
                                cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if result.returncode != 0:
            sys.exit(f"bench: {' '.join(command[:3])} failed:\n{result.stderr[-2000:]}")
        seconds, kilobytes = report.read().split()[-2:]
        return float(seconds), int(kilobytes) / 1024


def shell(script, cwd=None):
    return timed(["bash", "-c", script], cwd=cwd)


def corpus(size, work):
    root = os.path.join(work, f"corpus-{size}")
    if not os.path.isdir(os.path.join(root, "content")):
        os.makedirs(root, exist_ok=True)
        subprocess.run([sys.executable, GEN, str(size), os.path.join(root, "content"), "--hugo"], check=True, stdout=subprocess.DEVNULL)
    return root


def contenders(root, work):
    content = os.path.join(root, "content")
    hugo_site = os.path.join(root, "content-hugo")
    site = os.path.join(work, "out-protosite")
    hugo_out = os.path.join(work, "out-hugo")
    floor_out = os.path.join(work, "out-cmark")

    def protosite():
        return timed([PROTOSITE, "build", "--root", root, "--output", site, "--today", "2026-11-23"])

    def hugo_pagefind():
        shutil.rmtree(hugo_out, ignore_errors=True)
        return shell(f"hugo --quiet --source {hugo_site} --destination {hugo_out} && pagefind --site {hugo_out} --silent")

    def cmark_floor():
        # Every file parsed and rendered by cmark-gfm with the same
        # extensions, one process per file, two at a time (both cores).
        shutil.rmtree(floor_out, ignore_errors=True)
        os.makedirs(floor_out)
        return shell(
            f"cd {content} && ls *.md | xargs -P 2 -I F sh -c "
            f"'cmark-gfm -e footnotes -e table -e strikethrough -e autolink -e tagfilter F > {floor_out}/F.html'")

    return [("protosite", protosite), ("hugo+pagefind", hugo_pagefind), ("cmark-gfm floor", cmark_floor)]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "protosite-bench"))
    args = parser.parse_args()
    if not os.path.exists(PROTOSITE):
        sys.exit("bench: build protosite first: swift build -c release")
    os.makedirs(args.work, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",")]
    results = {}
    for size in sizes:
        root = corpus(size, args.work)
        for name, run in contenders(root, args.work):
            # Interleaved runs would be fairer on a noisy machine, but each
            # contender's caches warm the same way: one warm-up, then --runs.
            run()
            samples = [run() for _ in range(args.runs)]
            wall = statistics.median(s[0] for s in samples)
            memory = max(s[1] for s in samples)
            results[(size, name)] = (wall, memory)
            print(f"{size:>6} {name:<16} median {wall:7.2f} s  {size / wall:9.0f} docs/s  peak {memory:7.1f} MB  runs {[s[0] for s in samples]}", flush=True)
        ours, hugo, floor = (results[(size, n)][0] for n in ("protosite", "hugo+pagefind", "cmark-gfm floor"))
        print(f"{size:>6} ratios: protosite / (hugo+pagefind) = {ours / hugo:.2f}, protosite / cmark-gfm floor = {ours / floor:.2f}", flush=True)
    if 1000 in sizes and 10000 in sizes:
        print(f"scaling: 10,000 / 1,000 protosite time = {results[(10000, 'protosite')][0] / results[(1000, 'protosite')][0]:.1f}x")


if __name__ == "__main__":
    main()
