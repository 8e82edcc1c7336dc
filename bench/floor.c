/* The per-file floor for bench/bench.py: the least a generator that makes
 * one page per Markdown file must do. For every NAME.md in SRC it reads the
 * file, skips YAML front matter (a first line "---" up to the next "---"),
 * parses and renders the body with cmark-gfm as protosite does (footnotes;
 * the table, strikethrough, autolink and tagfilter extensions) and writes
 * OUT/NAME/index.html. One thread, one process; no templates, no links, no
 * search index.
 *
 *     gcc -O2 bench/floor.c $(pkg-config --cflags --libs libcmark-gfm) \
 *         -lcmark-gfm-extensions -o floor
 *     ./floor SRC OUT
 *
 * bench.py compiles it into its work folder; the binary is not committed.
 */
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *extensions[] = {"table", "strikethrough", "autolink", "tagfilter"};

static char *slurp(const char *path, size_t *size) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t capacity = 1 << 16, used = 0;
    char *bytes = malloc(capacity);
    size_t n;
    while ((n = fread(bytes + used, 1, capacity - used, f)) > 0) {
        used += n;
        if (used == capacity) bytes = realloc(bytes, capacity *= 2);
    }
    fclose(f);
    *size = used;
    return bytes;
}

/* Where the body starts: after a front matter block, or at 0. */
static size_t body_start(const char *text, size_t size) {
    if (size < 4 || strncmp(text, "---\n", 4) != 0) return 0;
    for (size_t i = 4; i + 4 <= size; i++) {
        if (text[i - 1] == '\n' && strncmp(text + i, "---", 3) == 0 && (i + 3 == size || text[i + 3] == '\n'))
            return i + 3 == size ? size : i + 4;
    }
    return 0;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: floor SRC OUT\n");
        return 2;
    }
    const char *src = argv[1], *out = argv[2];
    cmark_gfm_core_extensions_ensure_registered();
    int options = CMARK_OPT_FOOTNOTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE;
    if (mkdir(out, 0777) != 0 && errno != EEXIST) { perror(out); return 1; }
    DIR *dir = opendir(src);
    if (!dir) { perror(src); return 1; }
    struct dirent *entry;
    char path[4096];
    int files = 0;
    while ((entry = readdir(dir)) != NULL) {
        size_t length = strlen(entry->d_name);
        if (length < 4 || strcmp(entry->d_name + length - 3, ".md") != 0) continue;
        snprintf(path, sizeof path, "%s/%s", src, entry->d_name);
        size_t size;
        char *text = slurp(path, &size);
        if (!text) { perror(path); return 1; }
        size_t start = body_start(text, size);

        cmark_parser *parser = cmark_parser_new(options);
        for (size_t i = 0; i < sizeof extensions / sizeof *extensions; i++) {
            cmark_syntax_extension *extension = cmark_find_syntax_extension(extensions[i]);
            if (!extension) { fprintf(stderr, "floor: no %s extension\n", extensions[i]); return 1; }
            cmark_parser_attach_syntax_extension(parser, extension);
        }
        cmark_parser_feed(parser, text + start, size - start);
        cmark_node *document = cmark_parser_finish(parser);
        char *html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser));

        snprintf(path, sizeof path, "%s/%.*s", out, (int)(length - 3), entry->d_name);
        if (mkdir(path, 0777) != 0 && errno != EEXIST) { perror(path); return 1; }
        strncat(path, "/index.html", sizeof path - strlen(path) - 1);
        FILE *f = fopen(path, "wb");
        if (!f || fwrite(html, 1, strlen(html), f) != strlen(html) || fclose(f) != 0) { perror(path); return 1; }

        free(html);
        cmark_node_free(document);
        cmark_parser_free(parser);
        free(text);
        files++;
    }
    closedir(dir);
    printf("floor: %d files\n", files);
    return 0;
}
