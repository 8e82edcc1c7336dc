// Fetching the prebuilt index once per page: the whole index of a small
// site, or the entry point of a split one (docs/search-index.md).
import { ShardedIndex } from "./search-shards.js";

/** The index format this script reads. */
export const INDEX_VERSION = 2;

/** A loader for the index under `root`: call it with each query. */
export function indexLoader(root) {
  let index = null;
  const fetchJSON = async (path) => {
    const response = await fetch(new URL(path, root));
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response.json();
  };
  return async function load(query) {
    if (!index) {
      const point = await fetchJSON("search-index.json");
      if (point.version !== INDEX_VERSION) throw new Error(`search index version ${point.version} is not understood`);
      if (point.terms) point.terms = Object.assign(Object.create(null), point.terms); // no inherited "constructor"
      index = point.termShards ? new ShardedIndex(point, fetchJSON) : point;
    }
    if (index instanceof ShardedIndex) await index.prepare(query);
    return index;
  };
}
