/* suppress_file: a file's suppressions across its docs, the last doc kept for the unused
 * directives' findings (see run/suppress_file.h). */
#include "run/suppress_file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/alloc.h"
#include "read/input.h"
#include "run/suppress.h"

/* Bytes read at a time when looking for a directive in a raw file. */
#define RAW_BLOCK 65536

struct tqc_suppress_file {
    const char *path;
    const tqc_settings *settings;
    tqc_suppress_file_emit emit;
    void *ctx;
    tqc_suppress *sup;
    bool markup_scanned;        /* the raw file was scanned as markup */
    bool failed;                /* out of memory on the way: no unused-suppression report */
    tqc_doc *held;              /* the last doc, handed on when the next one comes */
    tqc_findings held_found;
};

tqc_suppress_file *tqc_suppress_file_new(const char *path, const tqc_settings *s,
                                         tqc_suppress_file_emit emit, void *ctx)
{
    tqc_suppress_file *sf = tqc_calloc(1, sizeof *sf);
    if (!sf)
        return NULL;
    if (!(sf->sup = tqc_suppress_new())) {
        free(sf);
        return NULL;
    }
    sf->path = path;
    sf->settings = s;
    sf->emit = emit;
    sf->ctx = ctx;
    return sf;
}

void tqc_suppress_file_free(tqc_suppress_file *sf)
{
    if (!sf)
        return;
    tqc_suppress_free(sf->sup);
    tqc_findings_release(&sf->held_found);
    tqc_doc_free(sf->held);
    free(sf);
}

/* Hands on the kept doc, if any. */
static tqc_status flush_held(tqc_suppress_file *sf)
{
    if (!sf->held)
        return TQC_OK;
    tqc_status st = sf->emit(sf->ctx, &sf->held, &sf->held_found);
    tqc_findings_release(&sf->held_found);
    tqc_doc_free(sf->held);
    sf->held = NULL;
    return st;
}

/* true when the first limit bytes of the file hold "tqc-" or "tqc:", read a block at a time: a
 * file without it has no directive, and is then never held whole in memory (a JSON
 * Lines file may be gigabytes). */
static bool has_directive(FILE *f, size_t limit)
{
    char *buf = tqc_malloc(RAW_BLOCK + 3);
    if (!buf)
        return true; /* let the whole read find out, and fail */
    size_t keep = 0, n, seen = 0;
    bool hit = false;
    while (!hit && seen < limit &&
           (n = fread(buf + keep, 1, limit - seen < RAW_BLOCK ? limit - seen : RAW_BLOCK, f)) > 0) {
        seen += n;
        size_t len = keep + n;
        for (size_t i = 0; !hit && i + 4 <= len; i++)
            hit = buf[i] == 't' && (memcmp(buf + i, "tqc-", 4) == 0 ||
                                    memcmp(buf + i, "tqc:", 4) == 0);
        /* The last three bytes may start the needle the next block ends. */
        keep = len < 3 ? len : 3;
        memmove(buf, buf + len - keep, keep);
    }
    free(buf);
    return hit;
}

/* Markup: directives are comments the doc's text does not hold, so the raw file is
 * scanned (once). Standard input cannot be read twice: it goes without. */
static tqc_status scan_raw(tqc_suppress_file *sf)
{
    if (strcmp(sf->path, "-") == 0)
        return TQC_OK;
    FILE *f = fopen(sf->path, "rb");
    struct stat sb;
    if (!f || fstat(fileno(f), &sb) != 0 || !S_ISREG(sb.st_mode)) {
        if (f)
            fclose(f);
        return TQC_OK; /* the reader read it; a race we need not report twice */
    }
    /* Markup files are read whole by their readers too, up to the same limit. */
    size_t cap = (size_t)sb.st_size < TQC_INPUT_MAX_BYTES ? (size_t)sb.st_size : TQC_INPUT_MAX_BYTES;
    if (!has_directive(f, cap)) {
        fclose(f);
        return TQC_OK;
    }
    rewind(f);
    char *buf = tqc_malloc(cap ? cap : 1);
    size_t n = buf ? fread(buf, 1, cap, f) : 0;
    fclose(f);
    if (!buf)
        return TQC_ENOMEM;
    tqc_status st = tqc_suppress_scan(sf->sup, buf, n, (tqc_suppress_pos){0, 1, 0}, true);
    free(buf);
    return st;
}

static tqc_status add_notes(tqc_doc *doc, tqc_findings *found, const tqc_suppress_note *notes,
                            size_t count, tqc_severity sev);

tqc_status tqc_suppress_file_doc(tqc_suppress_file *sf, tqc_doc **docp, tqc_findings *found)
{
    tqc_doc *doc = *docp;
    tqc_status st = TQC_OK;
    if (doc->map_count) {
        if (!sf->markup_scanned) {
            sf->markup_scanned = true;
            st = scan_raw(sf);
        }
    } else {
        tqc_suppress_pos pos = {doc->base_offset, doc->base_line + 1, doc->base_column};
        st = tqc_suppress_scan(sf->sup, doc->text, doc->len, pos, false);
    }
    if (st != TQC_OK) {
        sf->failed = true;
        return st;
    }
    if (tqc_suppress_count(sf->sup))
        tqc_suppress_apply(sf->sup, found);
    if (!doc->map_count && tqc_suppress_count(sf->sup)) {
        /* Plain text comes in file order: what lies behind this doc's end is settled, and
         * its directives are let go (notes of the unused reported here), so a file of
         * any length holds only the directives still open. */
        const tqc_rule_setting *rs = tqc_settings_rule(sf->settings, TQC_SUPPRESS_RULE);
        tqc_suppress_note *notes = NULL;
        size_t count = 0;
        st = tqc_suppress_settle(sf->sup, doc->base_offset + doc->len,
                                 doc->base_line + doc->line_count, rs && rs->enabled, &notes,
                                 &count);
        if (st == TQC_OK && count)
            st = add_notes(doc, found, notes, count, rs->severity);
        free(notes);
        if (st != TQC_OK) {
            sf->failed = true;
            return st;
        }
    }
    if ((st = flush_held(sf)) != TQC_OK)
        return st;
    /* Kept until the next doc or the file's end: an unused directive in it is reported
     * in it, where its text is. */
    sf->held = doc;
    sf->held_found = *found;
    *docp = NULL;
    tqc_findings_init(found, NULL);
    return TQC_OK;
}

/* Reports an unused directive where the held doc cannot (markup, or an earlier chunk):
 * a doc of the comment alone, placed where it is in the file. */
static tqc_status emit_note_doc(tqc_suppress_file *sf, const tqc_suppress_note *n,
                                tqc_severity sev)
{
    tqc_doc *doc = tqc_doc_new(sf->path, n->text, n->len, sf->settings->lang);
    if (!doc)
        return TQC_ENOMEM;
    doc->base_offset = n->offset;
    doc->base_line = n->line - 1;
    doc->base_column = n->column - 1;
    tqc_findings fl;
    tqc_findings_init(&fl, doc);
    tqc_status st = TQC_ENOMEM;
    if (tqc_emit(&fl, TQC_SUPPRESS_RULE, sev, tqc_span_make(0, n->len), "%s", n->message))
        st = sf->emit(sf->ctx, &doc, &fl);
    tqc_findings_release(&fl);
    tqc_doc_free(doc);
    return st;
}

/* Whether note n lies in the own text (len bytes as read) of plain doc: it is then
 * reported there. */
static bool in_own_text(const tqc_doc *doc, bool plain, size_t len, const tqc_suppress_note *n)
{
    return plain && n->offset >= doc->base_offset && n->offset + n->len <= doc->base_offset + len;
}

/* Makes room in doc for the notes that append_note will add (one reallocation of each
 * array, not one per note: a chunk can take thousands, and each was a copy of the
 * chunk). false when out of memory or past what a map run can place; doc's content is
 * left as it was. */
static bool reserve_notes(tqc_doc *doc, bool plain, const tqc_suppress_note *notes,
                          size_t count)
{
    size_t bytes = 0, breaks = 0, runs = 0;
    for (size_t k = 0; k < count; k++) {
        const tqc_suppress_note *n = &notes[k];
        if (in_own_text(doc, plain, doc->len, n))
            continue;
        bytes += 1 + n->len;
        breaks++;
        for (size_t i = 0; i < n->len; i++)
            breaks += n->text[i] == '\n';
        runs++;
    }
    if (!runs)
        return true;
    if (bytes > TQC_DOC_MAP_MAX_TEXT - doc->len)
        return false; /* more than a map run can place (over 4 GiB of notes) */
    runs += doc->map_count ? 0 : 1;
    char *t = tqc_realloc((char *)doc->text, doc->len + bytes + 1);
    if (!t)
        return false;
    doc->text = t;
    size_t *ls = tqc_realloc(doc->line_starts, (doc->line_count + breaks) * sizeof *ls);
    if (!ls)
        return false;
    doc->line_starts = ls;
    tqc_doc_map *m = tqc_realloc(doc->map, (doc->map_count + runs) * sizeof *m);
    if (!m)
        return false;
    doc->map = m;
    return true;
}

/* Appends an unused directive's comment to doc as a line of its own, with a map run
 * that places it in the file, so it is reported in the doc it belongs to: reporters
 * group a file's docs by growing offsets (tqc_report_new_file), and a doc of its own
 * would start a second entry for the file (a JUnit test case, a Checkstyle element).
 * A plain doc first gets the one exact run that places it as its base_* do. The room
 * is reserve_notes'. */
static void append_note(tqc_doc *doc, const tqc_suppress_note *n, tqc_span *span)
{
    size_t old = doc->len, add = 1 + n->len;
    char *t = (char *)doc->text;
    size_t *ls = doc->line_starts;
    tqc_doc_map *m = doc->map;
    if (!doc->map_count)
        m[doc->map_count++] = tqc_doc_map_run(0, doc->base_offset, doc->base_line,
                                              doc->base_column, true,
                                              doc->base_column ? 0 : doc->base_offset);
    m[doc->map_count++] = tqc_doc_map_run(old + 1, n->offset, n->line - 1, n->column - 1, true,
                                          n->line_start);
    t[old] = '\n';
    memcpy(t + old + 1, n->text, n->len);
    t[old + add] = '\0';
    ls[doc->line_count++] = old + 1;
    for (size_t i = 0; i < n->len; i++)
        if (n->text[i] == '\n')
            ls[doc->line_count++] = old + 2 + i;
    doc->len = old + add;
    *span = tqc_span_make(old + 1, old + add);
}

/* Findings in file order (appended notes sit at the end of the text), ties as they were.
 * Only the keys are sorted, then the findings moved in place along the permutation's
 * cycles: a copy of every finding cost as much as the list again. */
typedef struct by_file {
    size_t offset, index;
} by_file;

static int cmp_by_file(const void *a, const void *b)
{
    const by_file *x = a, *y = b;
    if (x->offset != y->offset)
        return x->offset < y->offset ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

static bool sort_by_file(tqc_findings *list)
{
    by_file *key = tqc_malloc((list->count ? list->count : 1) * sizeof *key);
    if (!key)
        return false;
    for (size_t i = 0; i < list->count; i++)
        key[i] = (by_file){tqc_doc_file_offset(list->doc, list->items[i].span.start), i};
    /* Often in order already (a plain file's notes lie in its text, in order): then
     * there is nothing to move. */
    size_t sorted = 1;
    while (sorted < list->count && key[sorted - 1].offset <= key[sorted].offset)
        sorted++;
    if (sorted >= list->count) {
        free(key);
        return true;
    }
    qsort(key, list->count, sizeof *key, cmp_by_file);
    /* Position i takes the finding at key[i].index; SIZE_MAX marks a filled position. */
    for (size_t i = 0; i < list->count; i++) {
        if (key[i].index == SIZE_MAX || key[i].index == i)
            continue;
        tqc_finding hold = list->items[i];
        size_t at = i;
        while (key[at].index != i) {
            size_t from = key[at].index;
            list->items[at] = list->items[from];
            key[at].index = SIZE_MAX;
            at = from;
        }
        list->items[at] = hold;
        key[at].index = SIZE_MAX;
    }
    free(key);
    return true;
}

/* Reports the notes in doc (with its findings found), each where its comment is. */
static tqc_status add_notes(tqc_doc *doc, tqc_findings *found, const tqc_suppress_note *notes,
                            size_t count, tqc_severity sev)
{
    /* Whether doc is plain text as read, before a note gives it a map. */
    bool plain = !doc->map_count;
    size_t len = doc->len;
    tqc_status st = reserve_notes(doc, plain, notes, count) ? TQC_OK : TQC_ENOMEM;
    for (size_t k = 0; st == TQC_OK && k < count; k++) {
        const tqc_suppress_note *n = &notes[k];
        tqc_span sp;
        if (in_own_text(doc, plain, len, n))
            sp = tqc_span_make(n->offset - doc->base_offset,
                               n->offset - doc->base_offset + n->len); /* its own text */
        else
            append_note(doc, n, &sp);
        if (!tqc_emit(found, TQC_SUPPRESS_RULE, sev, sp, "%s", n->message))
            st = TQC_ENOMEM;
    }
    if (st == TQC_OK && count && !sort_by_file(found))
        st = TQC_ENOMEM;
    return st;
}

tqc_status tqc_suppress_file_end(tqc_suppress_file *sf, bool complete)
{
    const tqc_rule_setting *rs = tqc_settings_rule(sf->settings, TQC_SUPPRESS_RULE);
    tqc_suppress_note *notes = NULL;
    size_t count = 0;
    tqc_status st = TQC_OK;
    if (complete && !sf->failed && rs && rs->enabled)
        st = tqc_suppress_unused(sf->sup, &notes, &count);
    tqc_doc *held = sf->held;
    if (st == TQC_OK && held)
        st = add_notes(held, &sf->held_found, notes, count, rs ? rs->severity : TQC_SEV_INFO);
    if (st == TQC_OK)
        st = flush_held(sf);
    /* A file that gave no doc (nothing to check) still has its notes reported. */
    for (size_t k = 0; st == TQC_OK && !held && k < count; k++)
        st = emit_note_doc(sf, &notes[k], rs->severity);
    free(notes);
    return st;
}
