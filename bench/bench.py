#!/usr/bin/env python3
"""Build-speed benchmark: protosite side by side, in one run, with Hugo
alone, Hugo + Pagefind, and two floors of cmark-gfm rendering the same
Markdown.

    python3 bench/bench.py [--sizes 100,1000,10000] [--runs 3] [--work DIR]
                           [--protosite PATH] [--only protosite,hugo,...]
                           [--no-rebuilds]

Contenders (--only picks some, by these names, comma-separated):
  protosite      the release static binary, as scripts/build-static makes it
                 (bench.py runs that script unless --protosite PATH is given)
  hugo           Hugo alone: no search index
  hugo+pagefind  the same Hugo build, then Pagefind over its output (the two
                 timed one after the other in the same run; wall times
                 added, peak memory the larger)
  cmark-gfm      one cmark-gfm process over all the files, the same
                 extensions, into one file: the floor of Markdown alone
  floor          bench/floor.c, compiled here with gcc against libcmark-gfm:
                 reads each file, renders it with cmark-gfm and writes one
                 HTML file per input into an output tree, on one core: the
                 least any per-file generator must do

Needs the tools that ../shared/tools/install-web-tools.sh installs (hugo,
pagefind, cmark-gfm, GNU time), gcc and pkg-config. Corpora come from
../shared/tools/gen-corpus.py --hugo and are kept in --work for later runs.

Prints, per size and contender, the median wall time over --runs runs
(after one warm-up each; the runs interleaved, one of each contender in
turn, so the machine's moods fall on all of them), documents per second,
the median CPU time (user + sys), the peak resident memory (GNU time %M,
the largest of the runs), the bytes of the output tree and of the search
index in it (protosite's search-index.json and search/*.json(.gz); Pagefind's
pagefind/ folder); the ratios protosite ÷ each other contender, of wall
and of CPU time; the time of 10,000 ÷ 1,000; and the time of protosite's
rebuilds after one protocol's text changes (median of --runs), after a
title that others cite changes, and after a file is deleted. Full builds start from nothing for
every contender (no output; for protosite no spare and no cache either).

Every build writes into a folder of its own under --work/outputs, and
no tree is deleted while builds are timed: a run leaves its outputs where
they are, and the next run moves them aside before its first build and
deletes them after its last. Deleting
the last round's tree before each build made the file system, not the
builders, the cost that grew: ext4 without a journal steps over every
inode freed in the last minute or more when it picks one for a new file
(`recently_deleted` in its inode allocator), so a build after a deleted
tree of 12,000 files paid for each of its files a walk over those
(18 % of a 10,000-protocol build's samples), and 10 times the files paid
about 100 times the walking, whichever builder came next. For the same
reason each timed command starts after `sync`: what the earlier ones
wrote is on disk, not written back during it.
Ends with Markdown tables to paste into docs/performance.md. Not a test:
the figures depend on the machine; run it and read them.
"""

import argparse
import collections
import datetime
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(REPO), "shared")
GEN = os.path.join(SHARED, "tools", "gen-corpus.py")
TODAY = "2026-11-23"
CONTENDERS = ["protosite", "hugo", "hugo+pagefind", "cmark-gfm", "floor"]
LABELS = {"protosite": "protosite", "hugo": "Hugo alone", "hugo+pagefind": "Hugo + Pagefind",
          "cmark-gfm": "cmark-gfm, one process", "floor": "per-file floor (floor.c)"}
# protosite's options to cmark-gfm (MarkdownParser): footnotes, double-tilde
# strikethrough, and these extensions.
CMARK_FLAGS = ["-e", "footnotes", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tagfilter",
               "--strikethrough-double-tilde"]

Sample = collections.namedtuple("Sample", "wall cpu memory")


def timed(command, cwd=None, stdout=subprocess.DEVNULL):
    """Runs a command under GNU time: Sample(wall s, user+sys s, peak MB).
    The wall time is taken here, to the millisecond (GNU time's %e has
    hundredths, too coarse at 100 protocols)."""
    # What earlier builds wrote goes to disk first: left dirty, the kernel
    # writes it back (and ext4 allocates its blocks) 30 s later, in the
    # middle of whichever build runs then, and a round at 10,000
    # protocols leaves most of a gigabyte.
    os.sync()
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        start = time.perf_counter()
        result = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", "-o", report.name] + command,
                                cwd=cwd, stdout=stdout, stderr=subprocess.PIPE, text=True)
        wall = time.perf_counter() - start
        if result.returncode != 0:
            sys.exit(f"bench: {' '.join(command[:3])} failed:\n{result.stderr[-2000:]}")
        user, system, kilobytes = report.read().split()[-3:]
        return Sample(wall, float(user) + float(system), int(kilobytes) / 1024)


def tree_bytes(path, keep=lambda relative: True):
    """Bytes of the regular files under path whose path relative to it `keep` accepts."""
    total = 0
    for folder, _, names in os.walk(path):
        for name in names:
            full = os.path.join(folder, name)
            if keep(os.path.relpath(full, path)) and os.path.isfile(full) and not os.path.islink(full):
                total += os.path.getsize(full)
    return total


def corpus(size, work):
    root = os.path.join(work, f"corpus-{size}")
    if not os.path.isdir(os.path.join(root, "content-hugo")):
        shutil.rmtree(root, ignore_errors=True)
        os.makedirs(root)
        subprocess.run([sys.executable, GEN, str(size), os.path.join(root, "content"), "--hugo"], check=True, stdout=subprocess.DEVNULL)
    return root


def markdown_files(root):
    content = os.path.join(root, "content")
    return sorted(os.path.join(content, name) for name in os.listdir(content) if name.endswith(".md"))


def protosite_binary(args):
    """The release static binary: --protosite, or what scripts/build-static makes."""
    if args.protosite:
        return os.path.abspath(args.protosite)
    print("bench: scripts/build-static …", file=sys.stderr, flush=True)
    subprocess.run([os.path.join(REPO, "scripts", "build-static")], check=True, cwd=REPO, stdout=subprocess.DEVNULL)
    return os.path.join(REPO, ".build", "release", "protosite")


def floor_binary(work):
    """bench/floor.c compiled into the work folder."""
    binary = os.path.join(work, "floor")
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "libcmark-gfm"], check=True, capture_output=True, text=True).stdout.split()
    subprocess.run(["gcc", "-O2", "-o", binary, os.path.join(HERE, "floor.c")] + flags + ["-lcmark-gfm-extensions"], check=True)
    return binary


class Outputs:
    """Hands out a new folder for every build (see the docstring: no tree
    is deleted while builds are timed)."""

    def __init__(self, work):
        self.work = work
        self.root = os.path.join(work, "outputs")
        self.count = 0

    def start(self):
        """The last run's outputs moved aside (a rename frees no inodes)."""
        if os.path.exists(self.root):
            os.rename(self.root, os.path.join(self.work, f"outputs-old-{os.getpid()}-{int(time.time())}"))
        os.makedirs(self.root)

    def finish(self):
        """The last run's outputs deleted, now that nothing is timed."""
        for name in os.listdir(self.work):
            if name.startswith("outputs-old-"):
                shutil.rmtree(os.path.join(self.work, name), ignore_errors=True)

    def new(self, name):
        """A path that does not exist yet; beside it nothing else either
        (protosite's spare and cache folders are named after it)."""
        self.count += 1
        return os.path.join(self.root, f"{name}-{self.count}")


def protosite_search_file(relative):
    return relative == "search-index.json" or (relative.startswith("search" + os.sep) and relative.endswith((".json", ".json.gz")))


def runners(root, outputs, chosen, protosite, floor):
    """Each chosen contender as a function running one build from nothing:
    {name: Sample}, with the output tree's bytes and search-index bytes
    measured after it. Hugo's run serves Hugo alone and Hugo + Pagefind."""
    content = os.path.join(root, "content")
    hugo_site = os.path.join(root, "content-hugo")
    sizes = {}

    def record(name, sample, written, search=None):
        sizes[name] = (written, search)
        return {name: sample}

    def run_protosite():
        site = outputs.new("protosite")
        sample = timed([protosite, "build", "--root", root, "--output", site, "--today", TODAY])
        return record("protosite", sample, tree_bytes(site), tree_bytes(site, protosite_search_file))

    def run_hugo():
        hugo_out = outputs.new("hugo")
        hugo = timed(["hugo", "--quiet", "--source", hugo_site, "--destination", hugo_out])
        results = record("hugo", hugo, tree_bytes(hugo_out))
        if "hugo+pagefind" in chosen:
            pagefind = timed(["pagefind", "--site", hugo_out, "--silent"])
            both = Sample(hugo.wall + pagefind.wall, hugo.cpu + pagefind.cpu, max(hugo.memory, pagefind.memory))
            results.update(record("hugo+pagefind", both, tree_bytes(hugo_out), tree_bytes(os.path.join(hugo_out, "pagefind"))))
        return {name: sample for name, sample in results.items() if name in chosen}

    def run_cmark():
        cmark_out = outputs.new("cmark")
        os.makedirs(cmark_out)
        with open(os.path.join(cmark_out, "all.html"), "w") as out:
            sample = timed(["cmark-gfm"] + CMARK_FLAGS + markdown_files(root), stdout=out)
        return record("cmark-gfm", sample, tree_bytes(cmark_out))

    def run_floor():
        floor_out = outputs.new("floor")
        sample = timed([floor, content, floor_out])
        return record("floor", sample, tree_bytes(floor_out))

    table = []
    if "protosite" in chosen: table.append(run_protosite)
    if "hugo" in chosen or "hugo+pagefind" in chosen: table.append(run_hugo)
    if "cmark-gfm" in chosen: table.append(run_cmark)
    if "floor" in chosen: table.append(run_floor)
    return table, sizes


def incremental(root, outputs, runs, protosite):
    """One protocol's text changed in a built site, after one earlier
    rebuild (so the spare site exists): `runs` rebuilds, each after another
    edit. Also one run of a title change that other protocols cite, and one
    of a deleted file. The corpus is copied and left as it was."""
    copy = outputs.new("incremental")
    shutil.copytree(os.path.join(root, "content"), os.path.join(copy, "content"))
    site = os.path.join(copy, "site")
    build = [protosite, "build", "--root", copy, "--output", site, "--today", TODAY]
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


def megabytes(count):
    return f"{count / 1e6:,.1f} MB"


def seconds(value):
    return f"{value:.3f} s" if value < 1 else f"{value:.2f} s" if value < 100 else f"{value:.0f} s"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "protosite-bench"))
    parser.add_argument("--protosite", metavar="PATH", help="the protosite binary to measure (default: run scripts/build-static and use .build/release/protosite)")
    parser.add_argument("--only", "--contenders", dest="only", default=",".join(CONTENDERS),
                        help=f"comma-separated contenders to run (default: all of {','.join(CONTENDERS)})")
    parser.add_argument("--no-rebuilds", action="store_true", help="skip protosite's rebuild measurements")
    args = parser.parse_args()
    chosen = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = [name for name in chosen if name not in CONTENDERS]
    if unknown:
        sys.exit(f"bench: unknown contender {', '.join(unknown)}; choose from {', '.join(CONTENDERS)}")
    work = os.path.abspath(args.work)
    os.makedirs(work, exist_ok=True)
    protosite = protosite_binary(args) if "protosite" in chosen else None
    if protosite and not os.access(protosite, os.X_OK):
        sys.exit(f"bench: no protosite binary at {protosite}")
    floor = floor_binary(work) if "floor" in chosen else None
    outputs = Outputs(work)
    outputs.start()
    sizes = [int(s) for s in args.sizes.split(",")]
    commit = subprocess.run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", REPO, "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True).stdout.strip()
    print(f"bench: {datetime.date.today()} commit {commit}{' (with uncommitted changes)' if dirty else ''}, "
          f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}; protosite {protosite}", flush=True)

    results = {}     # (size, name) -> (median wall, median cpu, peak MB, bytes written, search bytes)
    markdown = {}    # size -> bytes of Markdown
    rebuilds = {}    # size -> (median sample, title sample, deleted sample)
    for size in sizes:
        root = corpus(size, work)
        markdown[size] = sum(os.path.getsize(path) for path in markdown_files(root))
        print(f"{size:>6} protocols, {markdown[size]:,} bytes of Markdown", flush=True)
        table, written = runners(root, outputs, chosen, protosite, floor)
        for run in table:
            run()   # one warm-up each
        samples = collections.defaultdict(list)
        for _ in range(args.runs):
            for run in table:
                for name, sample in run().items():
                    samples[name].append(sample)
        for name in (n for n in CONTENDERS if n in chosen):
            runs = samples[name]
            wall = statistics.median(s.wall for s in runs)
            cpu = statistics.median(s.cpu for s in runs)
            memory = max(s.memory for s in runs)
            out, search = written[name]
            results[(size, name)] = (wall, cpu, memory, out, search)
            print(f"{size:>6} {name:<14} median {wall:7.2f} s {size / wall:7.0f} docs/s  cpu {cpu:6.2f} s  peak {memory:7.1f} MB  "
                  f"wrote {out / 1e6:7.1f} MB{'' if search is None else f' (search {search / 1e6:.1f} MB)'}  runs {[round(s.wall, 3) for s in runs]}", flush=True)
        if "protosite" in chosen:
            ours = results[(size, "protosite")][0]
            cpu = results[(size, "protosite")][1]
            ratios = ", ".join(f"÷ {name} = {ours / results[(size, name)][0]:.2f} (cpu {cpu / max(results[(size, name)][1], 0.01):.2f})"
                               for name in CONTENDERS[1:] if name in chosen)
            if ratios:
                print(f"{size:>6} ratios of time: protosite {ratios}", flush=True)
            if not args.no_rebuilds:
                runs, title, deleted = incremental(root, outputs, args.runs, protosite)
                median = statistics.median(s.wall for s in runs)
                rebuilds[size] = (median, title.wall, deleted.wall, ours)
                print(f"{size:>6} rebuild after one text change: median {median:.2f} s ({median / ours:.3f} of a full build), "
                      f"peak {max(s.memory for s in runs):.1f} MB, runs {[round(s.wall, 3) for s in runs]}", flush=True)
                print(f"{size:>6} rebuild after a cited title change: {title.wall:.2f} s ({title.wall / ours:.3f}); "
                      f"after a deleted file: {deleted.wall:.2f} s ({deleted.wall / ours:.3f})", flush=True)
    outputs.finish()
    if 1000 in sizes and 10000 in sizes:
        for name in (n for n in CONTENDERS if n in chosen):
            print(f"scaling: 10,000 / 1,000 {name} time = {results[(10000, name)][0] / results[(1000, name)][0]:.1f}x")

    # Markdown to paste into docs/performance.md.
    print()
    print("| protocols (Markdown) | contender | wall (median) | docs/s | CPU (user+sys) | peak memory | bytes written | search index |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for size in sizes:
        for name in (n for n in CONTENDERS if n in chosen):
            wall, cpu, memory, out, search = results[(size, name)]
            print(f"| {size:,} ({megabytes(markdown[size])}) | {LABELS[name]} | {seconds(wall)} | {size / wall:,.0f} | {seconds(cpu)} | "
                  f"{memory:,.0f} MB | {megabytes(out)} | {'–' if search is None else megabytes(search)} |")
    others = [name for name in CONTENDERS[1:] if name in chosen]
    if "protosite" in chosen and others:
        print()
        print("Ratios of wall time (of CPU time in brackets):")
        print()
        print("| protocols | " + " | ".join(f"protosite ÷ {LABELS[name]}" for name in others) + " | protosite search index ÷ Markdown |")
        print("|---:|" + "---:|" * (len(others) + 1))
        for size in sizes:
            ours = results[(size, "protosite")]
            print(f"| {size:,} | " + " | ".join(f"{ours[0] / results[(size, name)][0]:.2f} ({ours[1] / max(results[(size, name)][1], 0.01):.2f})" for name in others)
                  + f" | {ours[4] / markdown[size]:.2f} |")
    if 1000 in sizes and 10000 in sizes:
        print()
        print("10,000 ÷ 1,000 time: " + ", ".join(f"{LABELS[name]} {results[(10000, name)][0] / results[(1000, name)][0]:.1f}"
                                                  for name in CONTENDERS if name in chosen))
    if rebuilds:
        print()
        print("| protocols | one protocol's text changed (median) | a title others name changed | a file deleted |")
        print("|---:|---:|---:|---:|")
        for size, (median, title, deleted, full) in rebuilds.items():
            print(f"| {size:,} | {median:.2f} s ({median / full:.3f} of a full build) | {title:.2f} s ({title / full:.3f}) | {deleted:.2f} s ({deleted / full:.3f}) |")


if __name__ == "__main__":
    main()
