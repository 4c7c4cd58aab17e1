/* The input layer (issue 5): format detection, the HTML, JSONL, XLIFF and TMX readers,
 * the map back to the file, inline boundaries, and the hardening of XML parsing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/doc.h"
#include "read/input.h"
#include "tqc_test.h"

#define MAX_DOCS 16

typedef struct docs {
    tqc_doc *items[MAX_DOCS];
    size_t count;
    tqc_status st;      /* of the first failure, or TQC_OK */
    char err[512];
    char path[64];
} docs;

/* Writes content to a temporary file ending in suffix; path gets its name. */
static void write_tmp(const char *content, size_t len, const char *suffix, char *path, size_t cap)
{
    snprintf(path, cap, "/tmp/tqc-input-XXXXXX%s", suffix);
    int fd = mkstemps(path, (int)strlen(suffix));
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, content, len), (ssize_t)len);
    close(fd);
}

/* Reads every doc of content (as a file ending in suffix) with format and lang. */
static docs *read_all(const char *content, const char *suffix, tqc_input_format format,
                      const char *lang)
{
    docs *d = calloc(1, sizeof *d);
    ck_assert_ptr_nonnull(d);
    write_tmp(content, strlen(content), suffix, d->path, sizeof d->path);
    tqc_input_options opts = {.format = format, .lang = lang ? lang : "en"};
    tqc_input *in;
    d->st = tqc_input_open(d->path, &opts, &in, d->err, sizeof d->err);
    while (d->st == TQC_OK) {
        tqc_doc *doc;
        d->st = tqc_input_next(in, &doc, d->err, sizeof d->err);
        if (d->st != TQC_OK || !doc)
            break;
        ck_assert_uint_lt(d->count, MAX_DOCS);
        d->items[d->count++] = doc;
    }
    if (in || d->st == TQC_OK)
        tqc_input_close(d->st == TQC_OK || in ? in : NULL);
    unlink(d->path);
    return d;
}

static void free_docs(docs *d)
{
    for (size_t i = 0; i < d->count; i++)
        tqc_doc_free(d->items[i]);
    free(d);
}

static const char *text_of(const tqc_doc *doc)
{
    return doc->text;
}

/* Offset of the first occurrence of needle in the doc's text. */
static size_t find(const tqc_doc *doc, const char *needle)
{
    const char *p = strstr(doc->text, needle);
    ck_assert_msg(p != NULL, "'%s' not in: %s", needle, doc->text);
    return (size_t)(p - doc->text);
}

static void assert_locate(const tqc_doc *doc, size_t off, size_t line, size_t col)
{
    size_t l, c;
    tqc_doc_locate(doc, off, &l, &c);
    ck_assert_uint_eq(l, line);
    ck_assert_uint_eq(c, col);
}

START_TEST(test_issue_5_detect_by_extension_and_content)
{
    ck_assert_int_eq(tqc_input_detect("a/page.HTML", "", 0), TQC_INPUT_HTML);
    ck_assert_int_eq(tqc_input_detect("x.xlf", "", 0), TQC_INPUT_XLIFF);
    ck_assert_int_eq(tqc_input_detect("x.tmx", "", 0), TQC_INPUT_TMX);
    ck_assert_int_eq(tqc_input_detect("x.jsonl", "", 0), TQC_INPUT_JSONL);
    /* .txt is text whatever it holds. */
    ck_assert_int_eq(tqc_input_detect("x.txt", "<html>", 6), TQC_INPUT_TEXT);
    const char *xliff = "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- c -->\n<xliff version=\"2.0\">";
    ck_assert_int_eq(tqc_input_detect("noext", xliff, strlen(xliff)), TQC_INPUT_XLIFF);
    const char *tmx = "<?xml version=\"1.0\"?><!DOCTYPE tmx SYSTEM \"tmx14.dtd\"><tmx>";
    ck_assert_int_eq(tqc_input_detect("data.xml", tmx, strlen(tmx)), TQC_INPUT_TMX);
    ck_assert_int_eq(tqc_input_detect("page", "<!DOCTYPE html><p>", 18), TQC_INPUT_HTML);
    ck_assert_int_eq(tqc_input_detect("batch", "  {\"id\":1}", 10), TQC_INPUT_JSONL);
    ck_assert_int_eq(tqc_input_detect("article", "The minister", 12), TQC_INPUT_TEXT);
    ck_assert_int_eq(tqc_input_detect("article", "<b>bold</b> claim", 17), TQC_INPUT_TEXT);
    tqc_input_format f;
    ck_assert(tqc_input_format_parse("xliff", &f) && f == TQC_INPUT_XLIFF);
    ck_assert(!tqc_input_format_parse("docx", &f));
}
END_TEST

static const char page[] =
    "<!DOCTYPE html>\n"                                                  /* 1 */
    "<html><head><title>Site title</title>\n"                             /* 2 */
    "<style>p { color: red }</style><script>var the = 'the the';</script>\n" /* 3 */
    "</head><body><nav><a href=/>Home</a> <a>World</a></nav>\n"          /* 4 */
    "<!-- the the comment -->\n"                                          /* 5 */
    "<article><h1>Storm  hits\n  coast</h1>\n"                            /* 6, 7 */
    "<p>It fell into the Sea of <a href=\"/j\">Japan</a>at noon &amp; rose.</p>\n" /* 8 */
    "<p>Line one<br>Line two with <em>stress</em> here.</p>\n"           /* 9 */
    "<aside>Most read: the the</aside><form><p>Leave your email</p></form>\n" /* 10 */
    "<p>Caf&eacute; owners said &#8220;no&#8221;.</p></article>\n"       /* 11 */
    "<footer>Copyright the the</footer></body></html>\n";

START_TEST(test_issue_5_html_text_as_a_browser_shows_it)
{
    docs *d = read_all(page, ".html", TQC_INPUT_AUTO, NULL);
    ck_assert_int_eq(d->st, TQC_OK);
    ck_assert_uint_eq(d->count, 1);
    ck_assert_str_eq(text_of(d->items[0]),
                     "Storm hits coast\n\n"
                     "It fell into the Sea of Japanat noon & rose.\n\n"
                     "Line one\n\nLine two with stress here.\n\n"
                     "Café owners said \xE2\x80\x9Cno\xE2\x80\x9D.");
    free_docs(d);
    /* Issue 17: a br inside a sentence (before a word in lower case) is where the page
     * wraps: a space, not a line of its own. */
    d = read_all("<p>The talks would\n<br>resume on Monday, in Seoul,<br>and end.</p>", ".html",
                 TQC_INPUT_AUTO, NULL);
    ck_assert_int_eq(d->st, TQC_OK);
    ck_assert_str_eq(text_of(d->items[0]), "The talks would resume on Monday, in Seoul, and end.");
    free_docs(d);
    /* A br between a line ending in a letter and one beginning in upper case, in a block
     * whose lines mostly begin so, ends a line of its own (verse, an address): a
     * paragraph, not a capital inside a sentence. */
    d = read_all("<p>Down by the old mill stream<br>The water turned the wheel,<br>And the miller "
                 "sang<br>as he worked.</p>", ".html", TQC_INPUT_AUTO, NULL);
    ck_assert_int_eq(d->st, TQC_OK);
    ck_assert_str_eq(text_of(d->items[0]), "Down by the old mill stream\n\nThe water turned the "
                     "wheel,\nAnd the miller sang as he worked.");
    free_docs(d);
    /* Prose wrapped by hand begins most lines in lower case: a capital after a break
     * there is a name inside the sentence, and the sentence stays whole. */
    d = read_all("<p>The talks with<br>Seoul ended on Monday and the<br>ministers went home "
                 "after a<br>long week.</p>", ".html", TQC_INPUT_AUTO, NULL);
    ck_assert_int_eq(d->st, TQC_OK);
    ck_assert_str_eq(text_of(d->items[0]), "The talks with\nSeoul ended on Monday and the "
                     "ministers went home after a long week.");
    free_docs(d);
}
END_TEST

START_TEST(test_issue_5_html_maps_to_source_lines_and_columns)
{
    docs *d = read_all(page, ".html", TQC_INPUT_HTML, NULL);
    ck_assert_uint_eq(d->count, 1);
    const tqc_doc *doc = d->items[0];
    /* "Japanat": the link text is the file's bytes, at line 8 column 41. */
    size_t j = find(doc, "Japanat");
    assert_locate(doc, j, 8, 41);
    ck_assert_uint_eq(tqc_doc_file_offset(doc, j), (size_t)(strstr(page, "Japan</a>") - page));
    /* "noon" after the link: exact again. */
    assert_locate(doc, find(doc, "noon"), 8, 53);
    /* The '&' of "&amp;" stands for an entity: placed at the entity. */
    assert_locate(doc, find(doc, "&"), 8, 58);
    /* The collapsed white space inside the heading: at its first blank. */
    assert_locate(doc, find(doc, "Storm"), 6, 14);
    assert_locate(doc, find(doc, "coast"), 7, 3);
    /* The space that stands for the line break and indent: at the break. */
    assert_locate(doc, find(doc, " coast"), 6, 25);
    free_docs(d);
}
END_TEST

START_TEST(test_issue_5_html_inline_boundary_inside_a_run_on)
{
    docs *d = read_all(page, ".html", TQC_INPUT_HTML, NULL);
    const tqc_doc *doc = d->items[0];
    size_t j = find(doc, "Japanat");
    const tqc_doc_inline *b = tqc_doc_inline_within(doc, tqc_span_make(j, j + 7));
    ck_assert_ptr_nonnull(b);
    ck_assert_str_eq(b->tag, "a");
    ck_assert_int_eq(b->kind, TQC_INLINE_CLOSE);
    ck_assert_uint_eq(b->offset, j + 5);
    ck_assert_uint_eq(b->line, 8);
    size_t n;
    ck_assert_ptr_eq(tqc_doc_inline_boundary_at(doc, j + 5, &n), b);
    ck_assert_uint_eq(n, 1);
    /* "noon" and "stress" straddle nothing: the em is around the whole word. */
    size_t k = find(doc, "noon");
    ck_assert_ptr_null(tqc_doc_inline_within(doc, tqc_span_make(k, k + 4)));
    k = find(doc, "stress");
    ck_assert_ptr_null(tqc_doc_inline_within(doc, tqc_span_make(k, k + 6)));
    ck_assert_ptr_nonnull(tqc_doc_inline_boundary_at(doc, k, &n));
    ck_assert_ptr_null(tqc_doc_inline_boundary_at(doc, k + 1, &n));
    ck_assert_uint_eq(n, 0);
    /* Spans inside a tag-crossing word are not the file's bytes; the link text is. */
    ck_assert(!tqc_doc_span_exact(doc, tqc_span_make(j, j + 7)));
    ck_assert(tqc_doc_span_exact(doc, tqc_span_make(j, j + 5)));
    free_docs(d);
}
END_TEST

START_TEST(test_issue_5_html_body_choice)
{
    /* itemprop=articleBody wins over a larger article; the rest is chrome. */
    docs *d = read_all("<body><p>Top story teaser one.</p><article><p>Wrapper text that is long, "
                       "longer than the body itself.</p><div itemprop=\"articleBody\"><p>The "
                       "body.</p></div></article></body>", ".html", TQC_INPUT_HTML, NULL);
    ck_assert_str_eq(text_of(d->items[0]), "The body.");
    free_docs(d);
    /* Without markers, the block with most paragraph text. */
    d = read_all("<body><div class=menu><p>Home</p><p>News</p></div><div><p>First paragraph of "
                 "the story.</p><p>Second paragraph of it.</p></div><div><p>Footer "
                 "text</p></div></body>", ".htm", TQC_INPUT_AUTO, NULL);
    ck_assert_str_eq(text_of(d->items[0]),
                     "First paragraph of the story.\n\nSecond paragraph of it.");
    free_docs(d);
    /* Of several articles, the one with most text; main when there is none. */
    d = read_all("<article><p>Short.</p></article><article><p>The long one, really.</p>"
                 "</article>", ".html", TQC_INPUT_HTML, NULL);
    ck_assert_str_eq(text_of(d->items[0]), "The long one, really.");
    free_docs(d);
    d = read_all("<div>Menu</div><main>Main <b>text</b>.</main>", ".html", TQC_INPUT_HTML, NULL);
    ck_assert_str_eq(text_of(d->items[0]), "Main text.");
    free_docs(d);
}
END_TEST

START_TEST(test_issue_5_html_broken_markup_recovers)
{
    docs *d = read_all("<p>Unclosed <b>bold <i>and italic<p>Next para &bogus; &lt;ok", ".html",
                       TQC_INPUT_HTML, NULL);
    ck_assert_int_eq(d->st, TQC_OK);
    ck_assert_uint_eq(d->count, 1);
    ck_assert_str_eq(text_of(d->items[0]), "Unclosed bold and italic\n\nNext para &bogus; <ok");
    free_docs(d);
    d = read_all("", ".html", TQC_INPUT_HTML, NULL);
    ck_assert_int_eq(d->st, TQC_OK);
    ck_assert_uint_eq(d->count, 1);
    ck_assert_uint_eq(d->items[0]->len, 0);
    free_docs(d);
}
END_TEST

START_TEST(test_issue_5_html_absurd_nesting_refused)
{
    size_t n = 100000;
    char *s = malloc(n * 5 + 1);
    ck_assert_ptr_nonnull(s);
    for (size_t i = 0; i < n; i++)
        memcpy(s + 5 * i, "<div>", 5);
    s[n * 5] = '\0';
    docs *d = read_all(s, ".html", TQC_INPUT_HTML, NULL);
    ck_assert_int_eq(d->st, TQC_ELIMIT);
    ck_assert_ptr_nonnull(strstr(d->err, "nested deeper"));
    ck_assert_ptr_nonnull(strstr(d->err, d->path));
    free_docs(d);
    free(s);
}
END_TEST

START_TEST(test_issue_5_jsonl_records)
{
    docs *d = read_all("{\"id\":\"r1\",\"text\":\"Caf\\u00e9 \\\"open\\\" now.\",\"lang\":\"en-GB\","
                       "\"source\":\"Caf\\u00e9 ouvert.\",\"source_lang\":\"fr\"}\n"
                       "\n"
                       "{\"extra\":[1,{\"a\":null}],\"id\":42,\"target\":\"Target field.\"}\n",
                       ".jsonl", TQC_INPUT_AUTO, "en");
    ck_assert_int_eq(d->st, TQC_OK);
    ck_assert_uint_eq(d->count, 2);
    const tqc_doc *a = d->items[0], *b = d->items[1];
    ck_assert_str_eq(a->text, "Café \"open\" now.");
    ck_assert_str_eq(a->segment, "r1");
    ck_assert_str_eq(a->lang, "en-GB");
    ck_assert_ptr_nonnull(a->source);
    ck_assert_str_eq(a->source->text, "Café ouvert.");
    ck_assert_str_eq(a->source->lang, "fr");
    /* "open" follows an escape: exact again, at its column in the line. */
    assert_locate(a, find(a, "open"), 1, 32);
    /* The é came from \u00e9: placed at the backslash. */
    assert_locate(a, 3, 1, 23);
    ck_assert_str_eq(b->text, "Target field.");
    ck_assert_str_eq(b->segment, "42");
    ck_assert_ptr_null(b->source);
    assert_locate(b, 0, 3, 43);
    free_docs(d);
}
END_TEST

START_TEST(test_issue_5_jsonl_errors_name_the_position)
{
    docs *d = read_all("{\"id\":1,\"text\":\"ok\"}\n{\"id\":2,\"text\":\"bad \\q\"}\n", ".jsonl",
                       TQC_INPUT_JSONL, NULL);
    ck_assert_int_eq(d->st, TQC_EINPUT);
    ck_assert_uint_eq(d->count, 1);
    char want[128];
    /* jansson's message, at the byte where it stopped (the escape's letter). */
    snprintf(want, sizeof want, "%s:2:22: invalid JSON record: invalid escape", d->path);
    ck_assert_ptr_nonnull(strstr(d->err, want));
    free_docs(d);
    d = read_all("{\"id\":1,\"text\":\"trunc", ".jsonl", TQC_INPUT_JSONL, NULL);
    ck_assert_int_eq(d->st, TQC_EINPUT);
    ck_assert_ptr_nonnull(strstr(d->err, ":1:21: invalid JSON record: premature end of input"));
    free_docs(d);
    d = read_all("{\"id\":1}\n", ".jsonl", TQC_INPUT_JSONL, NULL);
    ck_assert_ptr_nonnull(strstr(d->err, "without \"text\""));
    free_docs(d);
    d = read_all("[1,2]\n", ".jsonl", TQC_INPUT_JSONL, NULL);
    ck_assert_ptr_nonnull(strstr(d->err, "must be a JSON object"));
    free_docs(d);
    d = read_all("{\"text\":\"Hallo\",\"lang\":\"de\"}\n", ".jsonl", TQC_INPUT_JSONL, "en");
    ck_assert_int_eq(d->st, TQC_EINPUT);
    ck_assert_ptr_nonnull(strstr(d->err, "'de'"));
    free_docs(d);
    /* Nesting beyond the limit in a skipped field is refused (jansson stops recursing
     * at its own, higher limit), and the records after it are read. */
    char deep[2 * TQC_INPUT_MAX_DEPTH + 128];
    size_t n = (size_t)snprintf(deep, sizeof deep, "{\"text\":\"a\",\"x\":");
    for (size_t i = 0; i < TQC_INPUT_MAX_DEPTH + 5; i++)
        deep[n++] = '[';
    for (size_t i = 0; i < TQC_INPUT_MAX_DEPTH + 5; i++)
        deep[n++] = ']';
    deep[n++] = '}';
    deep[n] = '\0';
    d = read_all(deep, ".jsonl", TQC_INPUT_JSONL, NULL);
    ck_assert_int_eq(d->st, TQC_EINPUT);
    ck_assert_ptr_nonnull(strstr(d->err, ":1:17: invalid JSON record: nested too deep"));
    free_docs(d);
}
END_TEST

static const char xliff12[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<xliff version=\"1.2\"><file source-language=\"pt-PT\" target-language=\"en-US\">\n"
    "<header><note>not text</note></header><body>\n"
    "<trans-unit id=\"t1\"><source>Leia o <g id=\"1\">relat\xC3\xB3rio</g><x id=\"2\"/>.</source>\n"
    "<target>Read the <g id=\"1\">report</g><x id=\"2\"/> &amp; more.</target>\n"
    "<alt-trans><target>Ignored the the.</target></alt-trans></trans-unit>\n"
    "<trans-unit id=\"t2\"><source>Sem alvo.</source></trans-unit>\n"
    "<trans-unit id=\"t3\"><source>A <bpt id=\"1\">&lt;b&gt;</bpt>x<ept id=\"1\">&lt;/b&gt;</ept></source>"
    "<target>A <ph id=\"5\">{tag}</ph>x</target></trans-unit>\n"
    "</body></file></xliff>\n";

START_TEST(test_issue_5_xliff12_units)
{
    docs *d = read_all(xliff12, ".xlf", TQC_INPUT_AUTO, "en");
    ck_assert_int_eq(d->st, TQC_OK);
    ck_assert_uint_eq(d->count, 2);   /* t2 has no target */
    const tqc_doc *a = d->items[0];
    ck_assert_str_eq(a->text, "Read the report & more.");
    ck_assert_str_eq(a->segment, "t1");
    ck_assert_str_eq(a->lang, "en-US");
    ck_assert_str_eq(a->source->text, "Leia o relatório.");
    ck_assert_str_eq(a->source->lang, "pt-PT");
    /* Codes: g opens and closes around "report", x stands alone after it. */
    ck_assert_uint_eq(a->inline_count, 3);
    ck_assert_str_eq(a->inlines[0].tag, "g");
    ck_assert_str_eq(tqc_doc_inline_id(&a->inlines[0]), "1");
    ck_assert_int_eq(a->inlines[0].kind, TQC_INLINE_OPEN);
    ck_assert_uint_eq(a->inlines[0].offset, find(a, "report"));
    ck_assert_int_eq(a->inlines[1].kind, TQC_INLINE_CLOSE);
    ck_assert_str_eq(a->inlines[2].tag, "x");
    ck_assert_str_eq(tqc_doc_inline_id(&a->inlines[2]), "2");
    ck_assert_int_eq(a->inlines[2].kind, TQC_INLINE_STANDALONE);
    ck_assert_uint_eq(a->source->inline_count, 3);
    /* Lines and columns are the XLIFF file's. */
    assert_locate(a, 0, 5, 9);
    assert_locate(a, find(a, "report"), 5, 28);
    const tqc_doc *b = d->items[1];
    ck_assert_str_eq(b->text, "A x");
    ck_assert_str_eq(b->source->text, "A x");
    ck_assert_str_eq(b->source->inlines[0].tag, "bpt");
    ck_assert_str_eq(b->inlines[0].tag, "ph");
    ck_assert_str_eq(tqc_doc_inline_id(&b->inlines[0]), "5");
    free_docs(d);
    /* Another target language than the check's is an error naming it. */
    d = read_all(xliff12, ".xlf", TQC_INPUT_XLIFF, "de");
    ck_assert_int_eq(d->st, TQC_EINPUT);
    ck_assert_ptr_nonnull(strstr(d->err, "'en-US'"));
    free_docs(d);
}
END_TEST

START_TEST(test_issue_5_xliff20_segments)
{
    docs *d = read_all(
        "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"de\" "
        "trgLang=\"en\"><file id=\"f\"><unit id=\"u1\"><originalData><data id=\"d1\">&lt;b&gt;"
        "</data></originalData><segment id=\"s1\"><source>Preis <pc id=\"1\">steigt</pc>."
        "</source><target>Price <pc id=\"1\">rises</pc>.</target></segment><ignorable><source> "
        "</source></ignorable><segment><source>Zwei <ph id=\"2\"/>.</source><target>Two."
        "</target></segment></unit></file></xliff>", ".xliff", TQC_INPUT_AUTO, "en");
    ck_assert_int_eq(d->st, TQC_OK);
    ck_assert_uint_eq(d->count, 2);
    ck_assert_str_eq(d->items[0]->text, "Price rises.");
    ck_assert_str_eq(d->items[0]->segment, "u1/s1");
    ck_assert_str_eq(d->items[0]->source->lang, "de");
    ck_assert_uint_eq(d->items[0]->inline_count, 2);
    ck_assert_str_eq(d->items[1]->text, "Two.");
    ck_assert_str_eq(d->items[1]->segment, "u1");
    ck_assert_uint_eq(d->items[1]->source->inline_count, 1);
    ck_assert_uint_eq(d->items[1]->inline_count, 0);
    free_docs(d);
}
END_TEST

static const char tmx[] =
    "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n<tmx version=\"1.4\">"
    "<header srclang=\"de\" datatype=\"plaintext\" segtype=\"sentence\" adminlang=\"en\" "
    "o-tmf=\"x\" creationtool=\"t\" creationtoolversion=\"1\"/><body>\n"
    "<tu tuid=\"p1\"><tuv xml:lang=\"fr\"><seg>Non.</seg></tuv>"
    "<tuv xml:lang=\"en-GB\"><seg>Up <hi x=\"1\">3.5</hi> per cent.</seg></tuv>"
    "<tuv xml:lang=\"de-DE\"><seg>Um <hi x=\"1\">3,5</hi> Prozent.</seg></tuv></tu>\n"
    "<tu><tuv xml:lang=\"de\"><seg>Nur Deutsch.</seg></tuv></tu>\n"
    "<tu><tuv xml:lang=\"de\"><seg>Klick <bpt i=\"1\">&lt;a&gt;</bpt>hier<ept i=\"1\">&lt;/a&gt;"
    "</ept>.</seg></tuv><tuv xml:lang=\"en\"><seg>Click here.</seg></tuv></tu>\n"
    "</body></tmx>\n";

START_TEST(test_issue_5_tmx_units)
{
    docs *d = read_all(tmx, ".tmx", TQC_INPUT_AUTO, "en");
    ck_assert_int_eq(d->st, TQC_OK);
    ck_assert_uint_eq(d->count, 2);
    const tqc_doc *a = d->items[0];
    ck_assert_str_eq(a->text, "Up 3.5 per cent.");
    ck_assert_str_eq(a->segment, "p1");
    ck_assert_str_eq(a->lang, "en-GB");
    ck_assert_str_eq(a->source->text, "Um 3,5 Prozent.");
    ck_assert_str_eq(a->source->lang, "de-DE");
    ck_assert_uint_eq(a->inline_count, 2);
    ck_assert_str_eq(a->inlines[0].tag, "hi");
    assert_locate(a, find(a, "3.5"), 4, 95);
    const tqc_doc *b = d->items[1];
    ck_assert_str_eq(b->segment, "3");
    ck_assert_str_eq(b->source->text, "Klick hier.");
    ck_assert_uint_eq(b->source->inline_count, 2);
    ck_assert_str_eq(b->source->inlines[1].tag, "ept");
    ck_assert_str_eq(tqc_doc_inline_id(&b->source->inlines[1]), "1");
    ck_assert_uint_eq(b->inline_count, 0);
    free_docs(d);
    d = read_all(tmx, ".tmx", TQC_INPUT_TMX, "it");
    ck_assert_int_eq(d->st, TQC_EINPUT);
    ck_assert_ptr_nonnull(strstr(d->err, "none with a variant in 'it'"));
    free_docs(d);
}
END_TEST

/* An XLIFF whose target names a local file as an external entity: the file's content
 * must appear nowhere, not in a doc and not in the error. */
START_TEST(test_issue_5_xxe_never_reads_the_file)
{
    char secret[64];
    const char *content = "TOP-SECRET-4242\n";
    write_tmp(content, strlen(content), ".txt", secret, sizeof secret);
    char xml[1024];
    snprintf(xml, sizeof xml,
             "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [\n<!ENTITY xxe SYSTEM \"file://%s\">\n]>\n"
             "<xliff version=\"1.2\"><file source-language=\"fr\" target-language=\"en\"><body>"
             "<trans-unit id=\"1\"><source>a</source><target>Hi &xxe; there</target>"
             "</trans-unit></body></file></xliff>\n", secret);
    docs *d = read_all(xml, ".xlf", TQC_INPUT_XLIFF, "en");
    ck_assert_int_eq(d->st, TQC_EINPUT);
    ck_assert_ptr_null(strstr(d->err, "TOP-SECRET"));
    ck_assert_ptr_nonnull(strstr(d->err, "entity declaration 'xxe' refused"));
    for (size_t i = 0; i < d->count; i++)
        ck_assert_ptr_null(strstr(d->items[i]->text, "TOP-SECRET"));
    free_docs(d);
    /* A parameter entity and an external DTD are refused or ignored the same way. */
    snprintf(xml, sizeof xml,
             "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx SYSTEM \"file://%s\" [\n<!ENTITY %% p SYSTEM "
             "\"file://%s\"> %%p;\n]>\n<tmx><body/></tmx>\n", secret, secret);
    d = read_all(xml, ".tmx", TQC_INPUT_TMX, "en");
    ck_assert_int_eq(d->st, TQC_EINPUT);
    ck_assert_ptr_null(strstr(d->err, "TOP-SECRET"));
    free_docs(d);
    snprintf(xml, sizeof xml,
             "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff SYSTEM \"file://%s\">\n"
             "<xliff version=\"1.2\"><file target-language=\"en\"><body><trans-unit id=\"1\">"
             "<source>a</source><target>Hi &ent; there</target></trans-unit></body></file>"
             "</xliff>\n", secret);
    d = read_all(xml, ".xlf", TQC_INPUT_XLIFF, "en");
    for (size_t i = 0; i < d->count; i++)
        ck_assert_ptr_null(strstr(d->items[i]->text, "TOP-SECRET"));
    ck_assert_ptr_null(strstr(d->err, "TOP-SECRET"));
    free_docs(d);
    unlink(secret);
}
END_TEST

START_TEST(test_issue_5_billion_laughs_refused)
{
    char xml[4096];
    size_t n = (size_t)snprintf(xml, sizeof xml,
                                "<?xml version=\"1.0\"?>\n<!DOCTYPE x [\n<!ENTITY a0 \"lol\">\n");
    for (int i = 1; i < 10; i++) {
        n += (size_t)snprintf(xml + n, sizeof xml - n, "<!ENTITY a%d \"", i);
        for (int k = 0; k < 10; k++)
            n += (size_t)snprintf(xml + n, sizeof xml - n, "&a%d;", i - 1);
        n += (size_t)snprintf(xml + n, sizeof xml - n, "\">\n");
    }
    snprintf(xml + n, sizeof xml - n,
             "]>\n<xliff version=\"1.2\"><file target-language=\"en\"><body><trans-unit id=\"1\">"
             "<source>a</source><target>&a9;</target></trans-unit></body></file></xliff>\n");
    docs *d = read_all(xml, ".xlf", TQC_INPUT_XLIFF, "en");
    ck_assert_int_eq(d->st, TQC_EINPUT);
    ck_assert_uint_eq(d->count, 0);
    ck_assert_ptr_nonnull(strstr(d->err, ":3:"));
    ck_assert_ptr_nonnull(strstr(d->err, "refused"));
    free_docs(d);
}
END_TEST

START_TEST(test_issue_5_xml_errors_name_file_and_position)
{
    docs *d = read_all("<?xml version=\"1.0\"?>\n<xliff version=\"1.2\"><file target-language=\"en\">"
                       "<body>\n<trans-unit id=\"1\"><source>a</source><target>Hi", ".xlf",
                       TQC_INPUT_XLIFF, "en");
    ck_assert_int_eq(d->st, TQC_EINPUT);
    char want[256];
    snprintf(want, sizeof want, "%s:3: file ends inside <target> opened at line 3 (truncated?)",
             d->path);
    ck_assert_str_eq(d->err, want);
    free_docs(d);
    d = read_all("<tmx><body><tu><tuv xml:lang=\"en\"><seg>a</tuv></tu></body></tmx>", ".tmx",
                 TQC_INPUT_TMX, "en");
    ck_assert_int_eq(d->st, TQC_EINPUT);
    ck_assert_ptr_nonnull(strstr(d->err, ":1:"));
    ck_assert_ptr_nonnull(strstr(d->err, "malformed XML"));
    free_docs(d);
    /* Deep nesting is refused at the limit. */
    size_t depth = TQC_INPUT_MAX_DEPTH + 10;
    char *s = malloc(depth * 3 + 32);
    ck_assert_ptr_nonnull(s);
    memcpy(s, "<tmx>", 5);
    size_t n = 5;
    for (size_t i = 0; i < depth; i++) {
        memcpy(s + n, "<a>", 3);
        n += 3;
    }
    s[n] = '\0';
    d = read_all(s, ".tmx", TQC_INPUT_TMX, "en");
    ck_assert_int_eq(d->st, TQC_ELIMIT);
    ck_assert_ptr_nonnull(strstr(d->err, "nested deeper"));
    free_docs(d);
    free(s);
}
END_TEST

START_TEST(test_issue_5_html_file_spans_and_byte_columns)
{
    static const char p[] =
        "<meta charset=\"utf-8\">\n"
        "<p>Só the <a href=\"/j\">Japan</a>at and the\nthe end, ok.</p>\n";
    docs *d = read_all(p, ".html", TQC_INPUT_HTML, NULL);
    ck_assert_uint_eq(d->count, 1);
    const tqc_doc *doc = d->items[0];
    ck_assert_str_eq(doc->text, "Só the Japanat and the the end, ok.");
    size_t j = find(doc, "Japanat"), japan = (size_t)(strstr(p, "Japan<") - p);
    /* A span across the tag covers the tag's bytes in the file; the link text alone is
     * its own five bytes, and its end is before </a>, not after it. */
    tqc_span fs = tqc_doc_file_span(doc, tqc_span_make(j, j + 7));
    ck_assert_uint_eq(fs.start, japan);
    ck_assert_uint_eq(fs.end, japan + strlen("Japan</a>at"));
    fs = tqc_doc_file_span(doc, tqc_span_make(j, j + 5));
    ck_assert_uint_eq(tqc_span_len(fs), 5);
    size_t line, col, bcol;
    tqc_doc_locate_end(doc, tqc_span_make(j, j + 5), &line, &col, &bcol);
    ck_assert_uint_eq(line, 2);
    ck_assert_uint_eq(col, 24 + 5);   /* characters: "Só" counts ó once */
    ck_assert_uint_eq(bcol, 25 + 5);  /* bytes: ó is two */
    ck_assert_uint_eq(tqc_doc_byte_column(doc, j), 25);
    /* One space of the page maps 1:1, so `the the` can be edited in the page; a space
     * that stands for a line break cannot. */
    size_t sp = find(doc, "Só the") + strlen("Só");
    ck_assert(tqc_doc_span_exact(doc, tqc_span_make(sp, sp + 4)));
    size_t tt = find(doc, "the the");
    ck_assert(!tqc_doc_span_exact(doc, tqc_span_make(tt, tt + 7)));
    assert_locate(doc, tt + 4, 3, 1);
    tqc_doc_locate_end(doc, tqc_span_make(tt, tt + 7), &line, &col, &bcol);
    ck_assert_uint_eq(line, 3);
    ck_assert_uint_eq(col, 4);
    ck_assert_uint_eq(bcol, 4);
    free_docs(d);
}
END_TEST

START_TEST(test_issue_5_jsonl_byte_columns_count_escapes)
{
    const char *recs = "{\"id\": \"a\", \"text\": \"x\"}\n"
                       "{\"id\": \"b\", \"text\": \"\\u00e9t\u00e9 the the end\"}\n";
    docs *d = read_all(recs, ".jsonl", TQC_INPUT_AUTO, NULL);
    ck_assert_uint_eq(d->count, 2);
    const tqc_doc *doc = d->items[1];
    size_t k = find(doc, "the the");
    /* `{"id": "b", "text": "\\u00e9t` (28 bytes), U+00E9 (2) and a space before it; in
     * characters 30, as the escape counts its six and the é one. */
    ck_assert_uint_eq(tqc_doc_byte_column(doc, k), 32);
    assert_locate(doc, k, 2, 31);
    free_docs(d);
}
END_TEST

/* Reads target paired with source (parallel plain text); *note gets a copy of the
 * input's note ("" when none). */
static docs *read_parallel(const char *target, const char *source, const char *source_lang,
                           char *note, size_t cap)
{
    docs *d = calloc(1, sizeof *d);
    ck_assert_ptr_nonnull(d);
    char src[64];
    write_tmp(target, strlen(target), ".txt", d->path, sizeof d->path);
    write_tmp(source, strlen(source), ".txt", src, sizeof src);
    tqc_input_options opts = {.lang = "en", .source = src, .source_lang = source_lang};
    tqc_input *in;
    d->st = tqc_input_open(d->path, &opts, &in, d->err, sizeof d->err);
    ck_assert_int_eq(d->st, TQC_OK);
    snprintf(note, cap, "%s", tqc_input_note(in) ? tqc_input_note(in) : "");
    for (;;) {
        tqc_doc *doc;
        d->st = tqc_input_next(in, &doc, d->err, sizeof d->err);
        if (d->st != TQC_OK || !doc)
            break;
        ck_assert_uint_lt(d->count, MAX_DOCS);
        d->items[d->count++] = doc;
    }
    tqc_input_close(in);
    unlink(d->path);
    unlink(src);
    return d;
}

START_TEST(test_issue_5_parallel_pairs_paragraphs_in_order)
{
    char note[512];
    docs *d = read_parallel("Storm hits the coast\n\nWinds reached 180 km/h in Beira on Monday.\n\n"
                            "  Schools stay closed.\n",
                            "Tempestade atinge a costa\n\nOs ventos chegaram a 180 km/h na Beira "
                            "na segunda-feira.\n\nAs escolas continuam fechadas.\n",
                            "pt", note, sizeof note);
    ck_assert_int_eq(d->st, TQC_OK);
    ck_assert_str_eq(note, "");
    ck_assert_uint_eq(d->count, 3);
    const tqc_doc *doc = d->items[1];
    ck_assert_str_eq(doc->text, "Winds reached 180 km/h in Beira on Monday.");
    ck_assert_str_eq(doc->segment, "p2");
    ck_assert_ptr_nonnull(doc->source);
    ck_assert_str_eq(doc->source->text, "Os ventos chegaram a 180 km/h na Beira na segunda-feira.");
    ck_assert_str_eq(doc->source->lang, "pt");
    ck_assert_str_eq(doc->lang, "en");
    /* Each pair is placed in the target file: line 5, after the indent. */
    doc = d->items[2];
    ck_assert_str_eq(doc->segment, "p3");
    assert_locate(doc, 0, 5, 3);
    ck_assert_uint_eq(tqc_doc_file_offset(doc, 0), strlen("Storm hits the coast\n\nWinds "
                                                          "reached 180 km/h in Beira on Monday.\n\n  "));
    free_docs(d);
}
END_TEST

START_TEST(test_issue_5_parallel_unequal_counts_align_by_length_and_anchors)
{
    /* The source's second paragraph was dropped; the target gained a first line. */
    char note[1024];
    docs *d = read_parallel("Follow our live blog for the latest news.\n\n"
                            "Storm hits the coast\n\n"
                            "Buses leave at 10:15 and 10:45 from Maputo station, the government said.\n\n"
                            "More than 3.5 million people live in the region, officials said.\n",
                            "Tempestade atinge a costa\n\n"
                            "O Instituto Nacional de Gestão de Desastres pediu aos pescadores de "
                            "toda a costa que ficassem no porto até novo aviso, e às famílias das "
                            "zonas baixas que procurassem abrigo nas escolas.\n\n"
                            "Os autocarros partem às 10h15 e às 10h45 da estação de Maputo, disse o governo.\n\n"
                            "Mais de 3,5 milhões de pessoas vivem na região, disseram as autoridades.\n",
                            NULL, note, sizeof note);
    ck_assert_int_eq(d->st, TQC_OK);
    ck_assert_msg(strstr(note, "has 4 paragraphs and its source") != NULL, "%s", note);
    ck_assert_msg(strstr(note, "target paragraph 1 has no source; source paragraph 2 has no "
                               "translation") != NULL, "%s", note);
    /* The lone paragraphs join their neighbours' pairs (p1 and s2 both the pair of p2
     * and s1); the paragraphs that share numbers and names pair with each other. */
    ck_assert_uint_eq(d->count, 3);
    ck_assert_str_eq(d->items[0]->segment, "p1-2");  /* s1-2: the same numbers */
    ck_assert_ptr_nonnull(strstr(d->items[0]->source->text, "pescadores"));
    ck_assert_str_eq(d->items[1]->segment, "p3");
    ck_assert_ptr_nonnull(strstr(d->items[1]->source->text, "10h15"));
    ck_assert_str_eq(d->items[2]->segment, "p4");
    ck_assert_str_eq(d->items[2]->source->lang, "");
    free_docs(d);
}
END_TEST

START_TEST(test_issue_5_parallel_empty_source)
{
    char note[512];
    docs *d = read_parallel("One.\n\nTwo.\n", "\n", NULL, note, sizeof note);
    ck_assert_uint_eq(d->count, 2);
    ck_assert_ptr_null(d->items[0]->source);
    ck_assert_ptr_nonnull(strstr(note, "has no text; checked without it"));
    free_docs(d);
}
END_TEST

START_TEST(test_issue_5_plain_text_through_the_input_layer)
{
    docs *d = read_all("One line.\n\nTwo.\n", ".txt", TQC_INPUT_AUTO, "en");
    ck_assert_uint_eq(d->count, 1);
    ck_assert_str_eq(d->items[0]->text, "One line.\n\nTwo.\n");
    ck_assert_uint_eq(d->items[0]->map_count, 0);
    ck_assert_ptr_null(d->items[0]->segment);
    assert_locate(d->items[0], find(d->items[0], "Two"), 3, 1);
    free_docs(d);
}
END_TEST

Suite *input_suite(void)
{
    Suite *s = suite_create("input");
    TCase *tc = tcase_create("readers");
    tcase_add_test(tc, test_issue_5_detect_by_extension_and_content);
    tcase_add_test(tc, test_issue_5_html_text_as_a_browser_shows_it);
    tcase_add_test(tc, test_issue_5_html_maps_to_source_lines_and_columns);
    tcase_add_test(tc, test_issue_5_html_inline_boundary_inside_a_run_on);
    tcase_add_test(tc, test_issue_5_html_body_choice);
    tcase_add_test(tc, test_issue_5_html_broken_markup_recovers);
    tcase_add_test(tc, test_issue_5_html_absurd_nesting_refused);
    tcase_add_test(tc, test_issue_5_jsonl_records);
    tcase_add_test(tc, test_issue_5_jsonl_errors_name_the_position);
    tcase_add_test(tc, test_issue_5_xliff12_units);
    tcase_add_test(tc, test_issue_5_xliff20_segments);
    tcase_add_test(tc, test_issue_5_tmx_units);
    tcase_add_test(tc, test_issue_5_xxe_never_reads_the_file);
    tcase_add_test(tc, test_issue_5_billion_laughs_refused);
    tcase_add_test(tc, test_issue_5_xml_errors_name_file_and_position);
    tcase_add_test(tc, test_issue_5_plain_text_through_the_input_layer);
    tcase_add_test(tc, test_issue_5_html_file_spans_and_byte_columns);
    tcase_add_test(tc, test_issue_5_jsonl_byte_columns_count_escapes);
    tcase_add_test(tc, test_issue_5_parallel_pairs_paragraphs_in_order);
    tcase_add_test(tc, test_issue_5_parallel_unequal_counts_align_by_length_and_anchors);
    tcase_add_test(tc, test_issue_5_parallel_empty_source);
    suite_add_tcase(s, tc);
    return s;
}
