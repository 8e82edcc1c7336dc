// Fetching the prebuilt index once per page: the whole index of a small
// site, or the entry point of a split one (docs/search-index.md).
import { ShardedIndex } from "./search-shards.js";
import { INDEX_VERSION, decodeWhole, parseIndexFile } from "./search-format.js";

export { INDEX_VERSION };

/** A loader for the index under `root`: call it with each query. */
export function indexLoader(root) {
  let index = null;
  const fetchJSON = async (path) => {
    const response = await fetch(new URL(path, root));
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return parseIndexFile(await response.arrayBuffer());
  };
  return async function load(query) {
    if (!index) {
      const point = await fetchJSON("search-index.json");
      if (point.version !== INDEX_VERSION) throw new Error(`search index version ${point.version} is not understood`);
      index = point.termShards ? new ShardedIndex(point, fetchJSON) : decodeWhole(point);
    }
    if (index instanceof ShardedIndex) await index.prepare(query);
    return index;
  };
}
