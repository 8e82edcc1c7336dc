#!/usr/bin/env python3
"""How protosite's time grows on inputs that were once quadratic.

    python3 bench/hostile-inputs.py [--protosite PATH] [--runs 3]

Security review #16 found inputs of a few hundred kilobytes that took time
quadratic in their size (QuadraticInputTests and ImportLimitsTests check
that each still builds right, or is refused at its line). Their speed is
measured here rather than asserted in the tests: each input is built (or
imported) at a size and at twice that size, and the median times and their
ratio are printed. Linear work gives a ratio near 2 (start-up makes it
less); quadratic work gives near 4. Not a test: read the figures.

Uses the release binary (`swift build -c release`) unless --protosite is given.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FRONT = "---\ntitle: Hostile Input\ncouncil: Example Parish Council\nreview: 2027-06\n---\n"


def headings(n):
    return "\n\n".join(["## a"] * n) + "\n"


def run_of(space):
    return lambda n: "Some " + space * n + " text naming the Other Protocol.\n"


def openers(piece):
    return lambda n: "Intro.\n\n" + piece * n + "\n"


def version_headers(n):
    text, index = "Title of Policy\n\n", 0
    while len(text.encode()) < n:
        word = "".join(chr(97 + int(digit, 26)) for digit in format_base26(index))
        text += "Version\tDate\tChange\t" + word + "\n"
        index += 1
    return text


def format_base26(value):
    digits = "0123456789abcdefghijklmnop"
    out = ""
    while True:
        out = digits[value % 26] + out
        value //= 26
        if value == 0:
            return out


def layout_lines(pattern):
    """Lines of one layout the importer's rules read from each line on
    (ImportPdfLayoutTests: a details block once read every later line
    again from every line)."""
    def make(n):
        text, index = "ANYTOWN PARISH COUNCIL\nGRANTS POLICY\n\n", 0
        while len(text.encode()) < n:
            text += pattern.replace("#", str(index)) + "\n"
            index += 1
        return text
    return make


# name, what is made of size n, n, and whether it is imported rather than built
CASES = [
    ("16,000 identical headings", headings, 16_000, False),
    ("a run of tabs", run_of("\t"), 80_000, False),
    ("a run of no-break spaces", run_of("\u00a0"), 40_000, False),
    ("link openers ![[]() (refused)", openers("![[]()"), 40_000, False),
    ("CDATA openers (refused)", openers("a <![CDATA["), 20_000, False),
    ("version-table header lines (import)", version_headers, 26_000, True),
    ("'Name: value' details lines (import)", layout_lines("Name: value number #."), 100_000, True),
    ("column-table lines (import)", layout_lines("Stage   Time allowed #"), 100_000, True),
    ("signature lines (import)", layout_lines("Signed .......... Chairman #"), 100_000, True),
    ("SECTION heading lines (import)", layout_lines("SECTION # \u2013 NAME"), 100_000, True),
]


def timed(command):
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def measure(binary, make, size, imported, runs, work):
    project = os.path.join(work, f"p{size}")
    shutil.rmtree(project, ignore_errors=True)
    os.makedirs(os.path.join(project, "content"))
    text = make(size)
    if imported:
        source = os.path.join(work, f"source-{size}.txt")
        with open(source, "w") as out:
            out.write(text)
        command = [binary, "import", source, "--output", os.path.join(project, "content")]
    else:
        with open(os.path.join(project, "content", "p.md"), "w") as out:
            out.write(FRONT + text)
        command = [binary, "build", "--root", project, "--today", "2026-12-05", "--quiet"]
    times = []
    for _ in range(runs):
        shutil.rmtree(os.path.join(project, "site"), ignore_errors=True)
        for name in os.listdir(os.path.join(project, "content")):
            if imported:
                os.remove(os.path.join(project, "content", name))
        times.append(timed(command))
    return statistics.median(times), len(text.encode())


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--protosite", default=os.path.join(REPO, ".build", "release", "protosite"))
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    if not os.access(options.protosite, os.X_OK):
        sys.exit(f"hostile-inputs: no binary at {options.protosite}; run swift build -c release or pass --protosite")
    print(f"{'input':40} {'size':>10} {'median':>9} {'x2 size':>10} {'median':>9} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as work:
        for name, make, size, imported in CASES:
            small, small_bytes = measure(options.protosite, make, size, imported, options.runs, work)
            large, large_bytes = measure(options.protosite, make, size * 2, imported, options.runs, work)
            print(f"{name:40} {small_bytes:>9,}B {small:>8.3f}s {large_bytes:>9,}B {large:>8.3f}s {large / small:>6.2f}")


if __name__ == "__main__":
    main()
