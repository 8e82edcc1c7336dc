// Reading the index's files, format 3 (docs/search-index.md): postings with
// each entry number but the first written as the difference from the one
// before, entries as arrays naming their protocol by number, and the split
// index's files gzipped. What comes out is what search-core.js reads:
// postings of absolute entry numbers, entries as objects.

/** The index format this script reads. */
export const INDEX_VERSION = 3;

/** A posting list [gap, score, gap, score, …] made [entry, score, …], in place. */
export function decodePostings(list) {
  let entry = 0;
  for (let i = 0; i < list.length; i += 2) {
    entry += list[i];
    list[i] = entry;
  }
  return list;
}

/** A terms object's postings decoded, in an object without a prototype ("constructor" is no term). */
export function decodeTerms(terms) {
  const decoded = Object.create(null);
  for (const key of Object.keys(terms)) decoded[key] = decodePostings(terms[key]);
  return decoded;
}

/**
 * {protocols, entries} as entry objects: {slug, title, clause, anchor, url,
 * heading, text}, and status when the protocol is not adopted. An entry's
 * URL is SLUG/#ANCHOR (SLUG/ without an anchor) unless it carries its own.
 */
export function decodeEntries({ protocols, entries }) {
  return entries.map(([number, clause, anchor, heading, text, url]) => {
    const [slug, title, status] = protocols[number];
    const entry = { slug, title, clause, anchor, url: url ?? `${slug}/${anchor ? "#" + anchor : ""}`, heading, text };
    if (status) entry.status = status;
    return entry;
  });
}

/** A whole (one-file) index ready for search-core: its terms and entries decoded. */
export function decodeWhole(index) {
  index.terms = decodeTerms(index.terms);
  index.entries = decodeEntries(index);
  delete index.protocols;
  return index;
}

/**
 * JSON of a file's bytes, gunzipped when they are gzip. A server that sends
 * a .gz file with Content-Encoding: gzip has had the browser unpack it
 * already, so the bytes, not the name, decide.
 */
export async function parseIndexFile(buffer) {
  const bytes = new Uint8Array(buffer);
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return JSON.parse(await new Response(stream).text());
  }
  return JSON.parse(new TextDecoder().decode(bytes));
}
