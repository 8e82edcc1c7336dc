#!/usr/bin/env python3
"""Sums a profile of `protosite build` by stage and by area, so that a
profile taken after a change is read the same way as the one before
(docs/performance.md, "Where the time goes").

    python3 bench/profile-areas.py perf STACKS.txt
    python3 bench/profile-areas.py massif MASSIF.out [SNAPSHOT ...]

perf: STACKS.txt is `perf script -F tid,ip,sym` of a `perf record
--call-graph dwarf` run, demangled (`| swift demangle --simplified`). Each
sample counts once by stage (the outermost stage function on its stack)
and once by area (the innermost protosite area on its stack; time spent
freeing is counted to the area that frees, or on its own when no area is
on the stack).

massif: MASSIF.out from `valgrind --tool=massif`; prints, for the peak
snapshot (or the snapshots named), the heap by the area that allocated it
(the first area on the allocation's stack, in the order of AREAS_MEMORY).
Symbols are demangled with `swift demangle`.

Matching is by substrings of demangled names: a renamed function needs
its name here.
"""

import collections
import re
import subprocess
import sys

STAGES = [
    ("load", ["SiteLoader.load"]),
    ("parse", ["BuildPlanner.parseAll", "ProtocolParser.parse"]),
    ("link", ["SiteLinker.linkEach", "DocumentLinker"]),
    ("render: protocol pages", ["renderProtocolPages", "SiteRenderer.protocolPage"]),
    ("render: listings (index, reviews, feed, calendar, protocols.json)", ["listingOutputs", "SiteRenderer.indexPage", "reviewsPage"]),
    ("render: search entries", ["SearchIndexBuilder.prepare", "prepareSearch", "searchEntries"]),
    ("render: search index files", ["SearchIndexBuilder.build", "searchFiles"]),
    ("render: listing JSON for the cache", ["encodeListing", "JSONEncoder"]),
    ("write", ["SiteWriter", "FolderHandle", "BuildCache", "saveRecords"]),
    ("theme, start-up", ["Theme.init", "ArgumentParser", "_dl_", "swift_addNewDSOImage"]),
]

FREEING = ("freeing (deinit, free)", ["destroy for", "_swift_release_dealloc", "deallocating_deinit", "swift_arrayDestroy"])

AREAS = [
    ("MarkdownLimits.check", ["MarkdownLimits.check"]),
    ("cmark-gfm (C)", ["cmark_", "S_parser", "S_process_line", "parse_inline", "subject_", "_scan_at", "houdini"]),
    ("MarkdownParser (cmark tree to Swift)", ["MarkdownParser"]),
    ("front matter (FrontMatterReader, Yams)", ["FrontMatter", "YAML", "Yams", "MetadataResolver"]),
    ("SectionWalker, ClauseFinder", ["SectionWalker", "ClauseFinder", "ClauseNumber"]),
    ("link: title mentions (NameTrie)", ["NameTrie", "mentionLinks"]),
    ("link: ReferenceScanner", ["ReferenceScanner", "ReferenceVocabulary"]),
    ("link: rest (InlineText, tree copies)", ["InlineText", "DocumentLinker", "SiteLinker"]),
    ("search: words and stems (SearchText, Porter2)", ["SearchText", "Porter2", "StemCache"]),
    ("search: entry JSON (JSONString)", ["JSONString", "appendEntry"]),
    ("search: entry preparation, rest", ["SearchIndexBuilder.prepare", "prepareSearch", "searchEntries"]),
    ("search: other SearchIndexBuilder (term tables, postings, scores)", ["SearchIndexBuilder", "TermTable"]),
    ("render: HTMLRenderer, HTMLEscaping", ["HTMLRenderer", "HTMLEscaping"]),
    ("render: Mustache", ["Mustache"]),
    ("render: ContentSecurityPolicy", ["ContentSecurityPolicy"]),
    ("render: ClauseDecorator", ["ClauseDecorator"]),
    ("render: contexts, feed, calendar, listings", ["SiteRenderer", "PageContext", "AtomFeed", "ReviewCalendar", "ProtocolListing", "ProtocolsJSON", "ReviewSchedule"]),
    ("Foundation JSONEncoder", ["JSONEncoder"]),
    ("write: kernel file creation", ["ext4_create", "ext4_mkdir", "vfs_mkdir", "do_sys_openat2", "__x64_sys_mkdirat"]),
    ("write: rest", ["SiteWriter", "FolderHandle", "BuildCache"]),
    ("planner: hashes, site index, slugs", ["StableHash", "SiteIndex", "LinkSummary", "HeadingSlug", "SlugRules"]),
]

AREAS_MEMORY = [
    ("search index files (SearchIndexBuilder.build)", ["SearchIndexBuilder.build", "SiteRenderer.searchFiles", "termMembers", "SearchIndexBuilder.score", "entryChunks"]),
    ("build cache records", ["BuildCache", "saveRecords", "DocumentRecord", "encodeListing", "BuildState"]),
    ("search entries (prepared: entry JSON, term counts)", ["SearchIndexBuilder.prepare", "prepareSearch", "searchEntries", "appendEntry"]),
    ("rendered pages and listings (Outputs)", ["SiteRenderer", "MustacheTemplate", "MustacheLibrary", "HTMLRenderer", "Output", "AtomFeed", "ReviewCalendar", "ProtocolsJSON"]),
    ("linked trees (DocumentLinker, InlineText)", ["DocumentLinker", "InlineText.rewrite", "SiteLinker", "LinkedProtocol"]),
    ("parsed documents (MarkdownParser, SectionWalker, ClauseFinder, front matter)", ["MarkdownParser", "SectionWalker", "ClauseFinder", "ClauseNumber", "ProtocolParser", "FrontMatter", "MetadataResolver", "YAML"]),
    ("source files (PosixFiles.read)", ["PosixFiles", "SiteLoader"]),
    ("site writer", ["SiteWriter", "FolderHandle", "SiteManifest"]),
]


def first(frames, table):
    for frame in frames:
        for name, keys in table:
            if any(key in frame for key in keys):
                return name
    return None


def perf(path):
    samples = [block for block in open(path).read().strip().split("\n\n") if block.strip()]
    stages, areas, leaves = collections.Counter(), collections.Counter(), collections.Counter()
    total = 0
    for block in samples:
        lines = block.split("\n")[1:]
        frames = [re.sub(r"^\s*[0-9a-f]+\s+", "", line) for line in lines]
        if not frames:
            continue
        total += 1
        stages[first(reversed(frames), STAGES) or "elsewhere"] += 1
        areas[first(frames, AREAS) or first(frames, [FREEING]) or "elsewhere"] += 1
        leaf = frames[0]
        if re.search(r"swift_retain|swift_release|swift_bridgeObjectRe", leaf):
            leaves["retain/release"] += 1
        elif re.search(r"malloc|free|_int_|swift_allocObject|swift_slowAlloc|swift_deallocObject|unlink_chunk", leaf):
            leaves["malloc/free"] += 1
        elif lines[0].strip().startswith("ffffffff"):
            leaves["kernel"] += 1
    print(f"{total} samples")
    for title, counts in (("by stage (outermost)", stages), ("by area (innermost)", areas), ("where the sample stopped", leaves)):
        print(f"-- {title}")
        for name, count in counts.most_common():
            print(f"{100 * count / total:5.1f} %  {name}")


def massif(path, wanted):
    raw = open(path).read()
    symbols = sorted(set(re.findall(r"0x[0-9A-F]+: (\$s\S+)", raw)))
    demangled = subprocess.run(["swift", "demangle", "--simplified"], input="\n".join(symbols), capture_output=True, text=True).stdout.split("\n")
    names = dict(zip(symbols, demangled))
    for snapshot in raw.split("snapshot=")[1:]:
        head = snapshot.split("heap_tree=")[0]
        kind = re.search(r"heap_tree=(\w+)", snapshot).group(1)
        number = snapshot.split("\n")[0]
        if kind == "empty" or (wanted and number not in wanted) or (not wanted and kind != "peak"):
            continue
        heap = int(re.search(r"mem_heap_B=(\d+)", head).group(1))
        instructions = int(re.search(r"time=(\d+)", head).group(1))
        stack, counts = [], collections.Counter()
        for line in snapshot.split("\n"):
            match = re.match(r"^( *)n(\d+): (\d+) (.*)$", line)
            if not match:
                continue
            depth, children, size, label = len(match.group(1)), int(match.group(2)), int(match.group(3)), match.group(4)
            stack = stack[:depth] + [label]
            if children == 0 and depth > 0:
                frames = [names.get(symbol, symbol) for symbol in re.findall(r"0x[0-9A-F]+: (\S+)", " ".join(stack))]
                counts[first(frames, AREAS_MEMORY) or "other, or below massif's threshold"] += size
        print(f"snapshot {number} ({kind}) at {instructions / 1e9:.1f} G instructions: heap {heap / 1e6:.1f} MB")
        for name, size in counts.most_common():
            print(f"   {size / 1e6:8.1f} MB {100 * size / heap:5.1f} %  {name}")


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in ("perf", "massif"):
        sys.exit(__doc__)
    if sys.argv[1] == "perf":
        perf(sys.argv[2])
    else:
        massif(sys.argv[2], sys.argv[3:])


if __name__ == "__main__":
    main()
