#!/usr/bin/env python3
"""Build-speed benchmark: protosite against Hugo + Pagefind and against the
floor of cmark-gfm rendering the same Markdown, side by side in one run.

    python3 bench/bench.py [--sizes 100,1000,10000] [--runs 3] [--work DIR]

Needs a release build (swift build -c release) and the tools that
../shared/tools/install-web-tools.sh installs (hugo, pagefind, cmark-gfm,
GNU time). Corpora come from ../shared/tools/gen-corpus.py --hugo.
Prints, per size, the median wall time, documents per second and peak
memory of each contender over --runs runs, and the ratios; then the time
of a rebuild after one protocol's text changes (median of --runs), after
a title that others cite changes, and after a file is deleted. Full builds
start from nothing for every contender (no output; for protosite no spare
and no cache either). Not a test: figures depend on the machine; run it
and read them.
"""

import argparse
import collections
import os
import re
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


def clean_protosite(root, site):
    shutil.rmtree(site, ignore_errors=True)
    shutil.rmtree(os.path.join(os.path.dirname(site), "." + os.path.basename(site) + ".protosite-spare"), ignore_errors=True)
    shutil.rmtree(os.path.join(os.path.dirname(site), "." + os.path.basename(site) + ".protosite-cache"), ignore_errors=True)


def incremental(root, work, runs):
    """One protocol's text changed in a built site, after one earlier
    rebuild (so the spare site exists): median seconds of `runs` rebuilds,
    each after another edit. Also one run of a title change that other
    protocols cite, and one of a deleted file. The corpus is copied and
    left as it was."""
    copy = os.path.join(work, "incremental")
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(os.path.join(root, "content"), os.path.join(copy, "content"))
    site = os.path.join(copy, "site")
    build = [PROTOSITE, "build", "--root", copy, "--output", site, "--today", "2026-11-23"]
    files = sorted(name for name in os.listdir(os.path.join(copy, "content")) if name.endswith(".md"))
    target = os.path.join(copy, "content", files[len(files) // 2])
    subprocess.run(build, check=True, stderr=subprocess.DEVNULL)

    def edit(n):
        with open(target, "a") as f:
            f.write(f"\nAn amendment numbered {n}.\n")

    edit(0)
    subprocess.run(build, check=True, stderr=subprocess.DEVNULL)
    samples = []
    for n in range(1, runs + 1):
        edit(n)
        samples.append(timed(build))
    # A title others cite: of the titles named in other files, the most named.
    texts = {name: open(os.path.join(copy, "content", name)).read() for name in files}
    titles = {next(line[7:] for line in texts[name].splitlines() if line.startswith("title: ")): name for name in files}
    named = collections.Counter(title for text in texts.values() for title in re.findall(r"[A-Z][A-Za-z]+(?: [A-Za-z]+){1,5}", text) if title in titles)
    cited = titles[named.most_common(1)[0][0]]
    print(f"        (title change: '{named.most_common(1)[0][0]}', named {named.most_common(1)[0][1]} times)", flush=True)
    titles = {name: title for title, name in titles.items()}
    path = os.path.join(copy, "content", cited)
    with open(path, "w") as f:
        f.write(texts[cited].replace("title: " + titles[cited], "title: " + titles[cited] + " (Revised)", 1))
    title = timed(build)
    os.remove(os.path.join(copy, "content", files[1]))
    deleted = timed(build)
    return samples, title, deleted


def contenders(root, work):
    content = os.path.join(root, "content")
    hugo_site = os.path.join(root, "content-hugo")
    site = os.path.join(work, "out-protosite")
    hugo_out = os.path.join(work, "out-hugo")
    floor_out = os.path.join(work, "out-cmark")

    def protosite():
        # From nothing, as Hugo's output is removed before each of its runs:
        # no site, no spare, no cache.
        clean_protosite(root, site)
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
        samples, title, deleted = incremental(root, args.work, args.runs)
        wall = statistics.median(s[0] for s in samples)
        print(f"{size:>6} rebuild after one text change: median {wall:.2f} s ({wall / ours:.3f} of a full build), peak {max(s[1] for s in samples):.1f} MB, runs {[s[0] for s in samples]}", flush=True)
        print(f"{size:>6} rebuild after a cited title change: {title[0]:.2f} s ({title[0] / ours:.3f}); after a deleted file: {deleted[0]:.2f} s ({deleted[0] / ours:.3f})", flush=True)
    if 1000 in sizes and 10000 in sizes:
        print(f"scaling: 10,000 / 1,000 protosite time = {results[(10000, 'protosite')][0] / results[(1000, 'protosite')][0]:.1f}x")


if __name__ == "__main__":
    main()
