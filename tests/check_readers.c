/* Issue 17: real files as they arrive. XLIFF and TMX in their own languages, segmented
 * XLIFF, XML that is not a format tqc reads, XLIFF integrity problems, BCP 47 codes;
 * HTML character sets, code and hidden text. Every input is written here. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "run/checker.h"
#include "core/doc.h"
#include "read/input.h"
#include "lang/lang.h"
#include "tqc_test.h"

#define MAX_DOCS 16

typedef struct read_result {
    tqc_status st;
    char err[512];
    tqc_doc *docs[MAX_DOCS];
    size_t count;
    char note[512];         /* tqc_input_note's, or "" */
} read_result;

/* Reads content (named name, whose extension picks the format) through the input layer. */
static void read_as(const char *content, size_t len, const char *name, bool from_file,
                    read_result *r)
{
    memset(r, 0, sizeof *r);
    FILE *f = fmemopen((void *)content, len, "r");
    ck_assert_ptr_nonnull(f);
    tqc_input_options io = {.lang = "en", .name = name, .lang_from_file = from_file};
    tqc_input *in = NULL;
    r->st = tqc_input_open_stream(f, &io, &in, r->err, sizeof r->err);
    if (r->st == TQC_OK && tqc_input_note(in))
        snprintf(r->note, sizeof r->note, "%s", tqc_input_note(in));
    while (r->st == TQC_OK) {
        tqc_doc *doc;
        r->st = tqc_input_next(in, &doc, r->err, sizeof r->err);
        if (r->st != TQC_OK || !doc)
            break;
        ck_assert_uint_lt(r->count, MAX_DOCS);
        r->docs[r->count++] = doc;
    }
    tqc_input_close(in);
    fclose(f);
}

static void read_str(const char *content, const char *name, bool from_file, read_result *r)
{
    read_as(content, strlen(content), name, from_file, r);
}

static void release(read_result *r)
{
    for (size_t i = 0; i < r->count; i++)
        tqc_doc_free(r->docs[i]);
    r->count = 0;
}

static const char xliff_fr[] =
    "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\"><file source-language=\"EN-us\" "
    "target-language=\"FR-FR\" datatype=\"plaintext\" original=\"x\"><body>\n"
    "<trans-unit id=\"a\"><source>The talks resume on Monday.</source>"
    "<target>Les discussions reprennent lundi.</target></trans-unit>\n"
    "</body></file></xliff>\n";

START_TEST(test_issue_17_xliff_checked_in_its_declared_language)
{
    read_result r;
    /* --lang auto: the file's languages, in whatever case it writes them. */
    read_str(xliff_fr, "fr.xlf", true, &r);
    ck_assert_int_eq(r.st, TQC_OK);
    ck_assert_uint_eq(r.count, 1);
    ck_assert_str_eq(r.docs[0]->lang, "FR-FR");
    ck_assert_str_eq(r.docs[0]->source->lang, "EN-us");
    release(&r);
    /* A pinned --lang that the file contradicts is still an error. */
    read_str(xliff_fr, "fr.xlf", false, &r);
    ck_assert_int_eq(r.st, TQC_EINPUT);
    ck_assert_ptr_nonnull(strstr(r.err, "target language 'FR-FR'"));
    release(&r);
    /* Undeclared: "" for the caller to tell from the text. */
    read_str("<xliff version=\"1.2\"><file><body><trans-unit id=\"1\"><source>Hi.</source>"
             "<target>Hola.</target></trans-unit></body></file></xliff>", "u.xlf", true, &r);
    ck_assert_int_eq(r.st, TQC_OK);
    ck_assert_uint_eq(r.count, 1);
    ck_assert_str_eq(r.docs[0]->lang, "");
    release(&r);
}
END_TEST

START_TEST(test_issue_17_tmx_checked_in_its_declared_languages)
{
    static const char tmx[] =
        "<tmx version=\"1.4\"><header srclang=\"de-DE\" datatype=\"plaintext\" segtype=\"sentence\" "
        "adminlang=\"en\" o-tmf=\"x\" creationtool=\"t\" creationtoolversion=\"1\"/><body>"
        "<tu tuid=\"7\"><tuv xml:lang=\"DE-de\"><seg>Guten Morgen.</seg></tuv>"
        "<tuv xml:lang=\"it-IT\"><seg>Buongiorno.</seg></tuv></tu></body></tmx>";
    read_result r;
    read_str(tmx, "m.tmx", true, &r);
    ck_assert_int_eq(r.st, TQC_OK);
    ck_assert_uint_eq(r.count, 1);
    ck_assert_str_eq(r.docs[0]->text, "Buongiorno.");
    ck_assert_str_eq(r.docs[0]->lang, "it-IT");
    ck_assert_str_eq(r.docs[0]->source->text, "Guten Morgen.");
    ck_assert_str_eq(r.docs[0]->source->lang, "DE-de");
    release(&r);
}
END_TEST

/* A memory within one language (en-US to en-GB, or a copy): the second variant is the
 * target, not a refusal for want of another language; one in another language, when a
 * unit has it, still wins. */
START_TEST(test_issue_17_tmx_within_one_language)
{
    static const char tmx[] =
        "<tmx version=\"1.4\"><header srclang=\"en-US\" datatype=\"plaintext\"/><body>"
        "<tu><tuv xml:lang=\"en-US\"><seg>The color of the sky.</seg></tuv>"
        "<tuv xml:lang=\"en-GB\"><seg>The colour of the sky.</seg></tuv></tu>"
        "<tu><tuv xml:lang=\"en-US\"><seg>Rain.</seg></tuv>"
        "<tuv xml:lang=\"en-GB\"><seg>Rain.</seg></tuv>"
        "<tuv xml:lang=\"nl\"><seg>Regen.</seg></tuv></tu></body></tmx>";
    read_result r;
    read_str(tmx, "same.tmx", true, &r);
    ck_assert_int_eq(r.st, TQC_OK);
    ck_assert_uint_eq(r.count, 2);
    ck_assert_str_eq(r.docs[0]->text, "The colour of the sky.");
    ck_assert_str_eq(r.docs[0]->lang, "en-GB");
    ck_assert_str_eq(r.docs[0]->source->text, "The color of the sky.");
    ck_assert_str_eq(r.docs[1]->text, "Regen.");
    ck_assert_str_eq(r.docs[1]->lang, "nl");
    release(&r);
}
END_TEST

START_TEST(test_issue_17_bcp47_codes_any_case)
{
    char out[32];
    static const char *const cases[][2] = {
        {"FR-FR", "fr-FR"}, {"es-419", "es-419"}, {"pt_BR", "pt-BR"}, {"zh-hans", "zh-Hans"},
        {"ZH-HANT-tw", "zh-Hant-TW"}, {"en", "en"}, {"EN_gb", "en-GB"},
        {"en-US-x-pseudo-accented-long", "en-US-x-pseudo-accented-long"},
        {"sr-latn-rs", "sr-Latn-RS"}, {"en-us-x-ab-abcd", "en-US-x-ab-abcd"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        tqc_lang_canonical(cases[i][0], out, sizeof out);
        ck_assert_str_eq(out, cases[i][1]);
    }
    /* A profile is found by its primary language, the dictionary by the region. */
    tqc_lang *lang;
    char err[256];
    ck_assert_int_eq(tqc_lang_load(TQC_SOURCE_DIR, "PT_br", &lang, err, sizeof err), TQC_OK);
    ck_assert_str_eq(tqc_lang_code(lang), "pt-BR");
    ck_assert_str_eq(tqc_lang_base(lang), "pt");
    ck_assert_ptr_nonnull(tqc_lang_dir(lang));
    ck_assert_str_eq(tqc_lang_setting(lang, "hunspell", ""), "pt_BR");
    tqc_lang_free(lang);
    /* A private-use tail longer than a code is cut, not refused. */
    ck_assert_int_eq(tqc_lang_load(TQC_SOURCE_DIR, "en-US-x-pseudo-accented-and-longer", &lang,
                                   err, sizeof err), TQC_OK);
    ck_assert_str_eq(tqc_lang_code(lang), "en-US-x-pseudo-accented-and");
    tqc_lang_free(lang);
}
END_TEST

START_TEST(test_issue_17_language_without_dictionary_still_checked)
{
    tqc_checker *ck = tqc_test_checker_for("en");
    tqc_checker *zh;
    char err[256];
    ck_assert_int_eq(tqc_checker_for_lang(ck, "ZH-hans", &zh, err, sizeof err), TQC_OK);
    ck_assert(!tqc_checker_has_dict(zh));
    ck_assert_str_eq(tqc_lang_code(tqc_checker_lang(zh)), "zh-Hans");
    /* A repeated word needs no dictionary; a spelling verdict does. */
    const char *text = "Xq zzv zzv blorf.";
    tqc_doc *doc = tqc_doc_new("zh.txt", text, strlen(text), "zh-Hans");
    tqc_findings out;
    tqc_findings_init(&out, doc);
    ck_assert_int_eq(tqc_check_doc(zh, doc, &out), TQC_OK);
    bool repeated = false;
    for (size_t i = 0; i < out.count; i++) {
        ck_assert_str_ne(out.items[i].rule, "spelling");
        repeated |= strcmp(out.items[i].rule, "repeated-word") == 0;
    }
    ck_assert(repeated);
    tqc_findings_release(&out);
    tqc_doc_free(doc);
}
END_TEST

START_TEST(test_issue_17_segmented_xliff_segment_against_segment)
{
    static const char seg[] =
        "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\"><file source-language=\"en\" "
        "target-language=\"de\" datatype=\"plaintext\" original=\"x\"><body>\n"
        "<trans-unit id=\"u1\"><source>One ship sank. Two <g id=\"1\">crews</g> swam.</source>\n"
        "<seg-source><mrk mtype=\"seg\" mid=\"0\">One ship sank.</mrk> "
        "<mrk mtype=\"seg\" mid=\"1\">Two <g id=\"1\">crews</g> swam.</mrk></seg-source>\n"
        "<target><mrk mtype=\"seg\" mid=\"0\">Ein Schiff sank.</mrk> "
        "<mrk mtype=\"seg\" mid=\"1\">Zwei <g id=\"1\">Crews</g> schwammen.</mrk></target>"
        "</trans-unit>\n</body></file></xliff>\n";
    read_result r;
    read_str(seg, "s.xlf", true, &r);
    ck_assert_int_eq(r.st, TQC_OK);
    ck_assert_uint_eq(r.count, 2);
    ck_assert_str_eq(r.docs[0]->segment, "u1/0");
    ck_assert_str_eq(r.docs[0]->text, "Ein Schiff sank.");
    ck_assert_str_eq(r.docs[0]->source->text, "One ship sank.");
    ck_assert_str_eq(r.docs[1]->segment, "u1/1");
    ck_assert_str_eq(r.docs[1]->source->text, "Two crews swam.");
    /* Segment markers are structure: only the g code is an inline code, on both sides. */
    for (size_t i = 0; i < r.count; i++) {
        for (size_t k = 0; k < r.docs[i]->inline_count; k++)
            ck_assert_str_ne(r.docs[i]->inlines[k].tag, "mrk");
        ck_assert_uint_eq(r.docs[i]->inline_count, r.docs[i]->source->inline_count);
    }
    ck_assert_uint_eq(r.docs[1]->inline_count, 2);
    /* And the markup pass says nothing of them. */
    tqc_checker *ck = tqc_test_checker_for("de");
    for (size_t i = 0; i < r.count; i++) {
        tqc_findings out;
        tqc_findings_init(&out, r.docs[i]);
        ck_assert_int_eq(tqc_check_doc(ck, r.docs[i], &out), TQC_OK);
        for (size_t k = 0; k < out.count; k++)
            ck_assert_str_ne(out.items[k].rule, "markup");
        tqc_findings_release(&out);
    }
    release(&r);
}
END_TEST

START_TEST(test_issue_17_xml_that_is_not_a_translation_file)
{
    read_result r;
    read_str("<?xml version=\"1.0\"?>\n<catalog><book>Dune</book></catalog>\n", "c.xlf",
             true, &r);
    ck_assert_int_eq(r.st, TQC_EINPUT);
    ck_assert_ptr_nonnull(strstr(r.err, "not a format tqc reads"));
    ck_assert_ptr_nonnull(strstr(r.err, "<catalog>"));
    read_str("<?xml version=\"1.0\"?>\n<catalog/>\n", "c.tmx", true, &r);
    ck_assert_int_eq(r.st, TQC_EINPUT);
    ck_assert_ptr_nonnull(strstr(r.err, "not a format tqc reads"));
    /* An empty file says so. */
    read_as("", 0, "e.xlf", true, &r);
    ck_assert_int_eq(r.st, TQC_EINPUT);
    ck_assert_ptr_nonnull(strstr(r.err, "empty file"));
    /* One line per problem: libxml2's second line (`Bytes: 0x..`) is not kept. */
    read_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff version=\"1.2\"><file>"
             "<body><trans-unit id=\"1\"><source>caf\xE9 au lait</source></trans-unit>"
             "</body></file></xliff>", "b.xlf", true, &r);
    ck_assert_int_eq(r.st, TQC_EINPUT);
    ck_assert_ptr_null(strchr(r.err, '\n'));
    ck_assert_ptr_null(strstr(r.err, "Bytes:"));
    release(&r);
}
END_TEST

START_TEST(test_issue_17_xliff_integrity_problems)
{
    static const char bad[] =
        "<xliff version=\"1.2\"><file source-language=\"en\" target-language=\"fr\" "
        "datatype=\"plaintext\" original=\"x\"><body>\n"
        "<trans-unit id=\"1\"><source>One.</source><target>Un.</target></trans-unit>\n"
        "<trans-unit id=\"1\"><source>Two.</source><target>Deux.</target></trans-unit>\n"
        "<trans-unit id=\"3\"><source>Three.</source>"
        "<target xml:lang=\"de\">Drei.</target></trans-unit>\n"
        "<trans-unit id=\"4\"><target>Quatre.</target></trans-unit>\n"
        "</body></file></xliff>";
    read_result r;
    read_str(bad, "bad.xlf", true, &r);
    ck_assert_int_eq(r.st, TQC_OK);
    ck_assert_uint_eq(r.count, 4);
    ck_assert_uint_eq(r.docs[0]->problem_count, 0);
    ck_assert_uint_eq(r.docs[1]->problem_count, 1);
    ck_assert_ptr_nonnull(strstr(r.docs[1]->problems[0], "unit id '1' is used twice"));
    ck_assert_uint_eq(r.docs[2]->problem_count, 1);
    ck_assert_ptr_nonnull(strstr(r.docs[2]->problems[0], "<target> in 'de'"));
    ck_assert_uint_eq(r.docs[3]->problem_count, 1);
    ck_assert_ptr_nonnull(strstr(r.docs[3]->problems[0], "without a <source>"));
    release(&r);
    /* The same ids in two <file>s, and a target language written in another case, are
     * fine. */
    read_str("<xliff version=\"1.2\"><file source-language=\"en\" target-language=\"fr-FR\" "
             "datatype=\"plaintext\" original=\"a\"><body><trans-unit id=\"1\"><source>A.</source>"
             "<target xml:lang=\"FR-fr\">A.</target></trans-unit></body></file>"
             "<file source-language=\"en\" target-language=\"fr-FR\" datatype=\"plaintext\" "
             "original=\"b\"><body><trans-unit id=\"1\"><source>B.</source><target>B.</target>"
             "</trans-unit></body></file></xliff>", "ok.xlf", true, &r);
    ck_assert_int_eq(r.st, TQC_OK);
    ck_assert_uint_eq(r.count, 2);
    ck_assert_uint_eq(r.docs[0]->problem_count + r.docs[1]->problem_count, 0);
    release(&r);
    /* XLIFF 2: a source inherits xml:lang from its ancestors, the nearest winning. */
    read_str("<xliff version=\"2.0\" srcLang=\"de\" trgLang=\"it\" xml:lang=\"pl\">"
             "<file id=\"f\" xml:lang=\"cs\"><unit id=\"u\" xml:lang=\"de\"><segment>"
             "<source>Hallo.</source><target>Ciao.</target></segment></unit>"
             "<group id=\"g\" xml:lang=\"sk\"><unit id=\"v\"><segment><source>Tschüss.</source>"
             "<target>Ciao.</target></segment></unit></group></file></xliff>", "v2.xlf", true, &r);
    ck_assert_int_eq(r.st, TQC_OK);
    ck_assert_uint_eq(r.count, 2);
    ck_assert_uint_eq(r.docs[0]->problem_count, 0);
    ck_assert_uint_eq(r.docs[1]->problem_count, 1);
    ck_assert_ptr_nonnull(strstr(r.docs[1]->problems[0], "<source> in 'sk'"));
    release(&r);
    /* A 2.x target in a file without trgLang. */
    read_str("<xliff version=\"2.0\" srcLang=\"de\"><file id=\"f\"><unit id=\"u\"><segment>"
             "<source>Hallo.</source><target>Ciao.</target></segment></unit></file></xliff>",
             "n.xlf", true, &r);
    ck_assert_uint_eq(r.count, 1);
    ck_assert_uint_eq(r.docs[0]->problem_count, 1);
    ck_assert_ptr_nonnull(strstr(r.docs[0]->problems[0], "trgLang"));
    release(&r);
}
END_TEST

/* The findings of rule that doc gets from a checker of code. */
static size_t findings_of(const char *code, tqc_doc *doc, const char *rule)
{
    tqc_findings out;
    tqc_findings_init(&out, doc);
    ck_assert_int_eq(tqc_check_doc(tqc_test_checker_for(code), doc, &out), TQC_OK);
    size_t n = 0;
    for (size_t i = 0; i < out.count; i++)
        n += strcmp(out.items[i].rule, rule) == 0 || (out.items[i].also &&
                                                      strstr(out.items[i].also, rule));
    tqc_findings_release(&out);
    return n;
}

START_TEST(test_issue_17_html_charset_as_browsers_do)
{
    read_result r;
    /* UTF-8 with its <meta> after a non-ASCII title: read as UTF-8, no mojibake. */
    read_str("<html><head><title>Caf\xC3\xA9 \xC3\xA0 Lyon</title><meta charset=\"utf-8\">"
             "</head><body><p>Le caf\xC3\xA9 est tr\xC3\xA8s bon.</p></body></html>",
             "a.html", false, &r);
    ck_assert_int_eq(r.st, TQC_OK);
    ck_assert_str_eq(r.docs[0]->text, "Le caf\xC3\xA9 est tr\xC3\xA8s bon.");
    ck_assert_str_eq(r.note, "");
    ck_assert_uint_eq(findings_of("fr", r.docs[0], "encoding"), 0);
    release(&r);
    /* UTF-8 with no declaration at all. */
    read_str("<p>Die Stra\xC3\x9F\x65 war gr\xC3\xBCn.</p>", "b.html", false, &r);
    ck_assert_str_eq(r.docs[0]->text, "Die Stra\xC3\x9F\x65 war gr\xC3\xBCn.");
    ck_assert(!r.docs[0]->map_decoded);
    ck_assert(tqc_doc_span_exact(r.docs[0], tqc_span_make(0, 3)));
    release(&r);
    /* A declaration the bytes contradict: read as what they are, with a note. */
    read_str("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
             "charset=gb2312\"></head><body><p>S\xC3\xA3o Paulo \xC3\xA9 grande.</p></body></html>",
             "c.html", false, &r);
    ck_assert_str_eq(r.docs[0]->text, "S\xC3\xA3o Paulo \xC3\xA9 grande.");
    ck_assert_ptr_nonnull(strstr(r.note, "c.html: declares charset 'gb2312'"));
    ck_assert_ptr_nonnull(strstr(r.note, "UTF-8"));
    release(&r);
    /* A legacy page with no declaration: Windows-1252, decoded. */
    read_str("<p>Le caf\xE9 co\xFBte \x80 2.</p>", "d.html", false, &r);
    ck_assert_str_eq(r.docs[0]->text, "Le caf\xC3\xA9 co\xC3\xBBte \xE2\x82\xAC 2.");
    /* Its map is of the decoded copy: no edit may be placed in the file's bytes. */
    ck_assert(r.docs[0]->map_decoded);
    ck_assert(!tqc_doc_span_exact(r.docs[0], tqc_span_make(0, 2)));
    release(&r);
    /* A declared legacy charset the bytes agree with. */
    read_str("<html><head><meta charset='GBK'></head><body><p>\xD6\xD0\xCE\xC4\xA1\xA3</p>"
             "</body></html>", "e.html", false, &r);
    ck_assert_str_eq(r.docs[0]->text, "\xE4\xB8\xAD\xE6\x96\x87\xE3\x80\x82");
    ck_assert_str_eq(r.note, "");
    release(&r);
    /* Numeric references to 128-159 are Windows-1252's characters, as browsers show
     * them (an em dash, curly quotes), not C1 controls that read as mojibake; a control
     * the page's bytes hold is left for the encoding pass to find. */
    read_str("<p>Good news for the port &#151; and &#147;safe&#148; ground, at &#128;5.</p>"
             "<p>A stray \xC2\x97 control.</p>", "f.html", false, &r);
    ck_assert_str_eq(r.docs[0]->text, "Good news for the port \xE2\x80\x94 and \xE2\x80\x9C"
                     "safe\xE2\x80\x9D ground, at \xE2\x82\xAC" "5.\n\nA stray \xC2\x97 control.");
    ck_assert_uint_eq(findings_of("en", r.docs[0], "encoding"), 1);
    release(&r);
}
END_TEST

START_TEST(test_issue_17_html_code_and_hidden_text_are_not_prose)
{
    static const char page[] =
        "<html><body><article>\n"
        "<p>Run <code>mkae  cleen</code> now.</p>\n"
        "<pre>int main() { retrun 0;; }</pre>\n"
        "<p>Type <kbd>Ctrl</kbd>, see <samp>Eror</samp>, set <var>xx</var>.</p>\n"
        "<p hidden>Hiddden.</p><p style=\"color:red; Display : None\">Nevver.</p>\n"
        "<div aria-hidden=\"true\">Icoon</div><span style=\"visibility:hidden\">Invisibble</span>\n"
        "<table><tr><td>2019</td><td>1,234</td><td>5.6%</td></tr></table>\n"
        "<table><tr><td>A table of words stays.</td></tr></table>\n"
        "<p style=\"max-display:none\">The the end.</p>\n"
        "</article></body></html>\n";
    read_result r;
    read_str(page, "code.html", false, &r);
    ck_assert_int_eq(r.st, TQC_OK);
    ck_assert_uint_eq(r.count, 1);
    tqc_doc *doc = r.docs[0];
    ck_assert_str_eq(doc->text, "Run now.\n\nType , see , set .\n\nA table of words stays."
                                "\n\nThe the end.");
    /* Offsets around what was dropped stay the page's own. */
    size_t at = (size_t)(strstr(doc->text, "The the") - doc->text), line, col;
    tqc_doc_locate(doc, at, &line, &col);
    ck_assert_uint_eq(line, 9);
    ck_assert_uint_eq(col, 29);
    ck_assert_uint_eq(tqc_doc_file_offset(doc, at), (size_t)(strstr(page, "The the") - page));
    release(&r);
}
END_TEST

/* Words an inline element marks as another language than the page's are left out, a
 * hole marked by a standalone code; the page's own language, a block in another language
 * and a page that declares none are kept. */
START_TEST(test_issue_17_html_foreign_words_marked_by_lang)
{
    static const char page[] =
        "<html lang=\"en-US\"><body><article>\n"
        "<p>The word <i lang=\"ja-Latn\">utage</i> means a feast, <i lang=\"EN\">colour</i> "
        "and <span lang=\"fr\">le chien</span> too.</p>\n"
        "<p lang=\"pt\">Um bloco inteiro.</p>\n"
        "</article></body></html>\n";
    read_result r;
    read_str(page, "lang.html", false, &r);
    ck_assert_int_eq(r.st, TQC_OK);
    ck_assert_uint_eq(r.count, 1);
    const tqc_doc *doc = r.docs[0];
    ck_assert_str_eq(doc->text, "The word means a feast, colour and too.\n\nUm bloco inteiro.");
    size_t holes = 0;
    for (size_t i = 0; i < doc->inline_count; i++)
        holes += doc->inlines[i].kind == TQC_INLINE_STANDALONE;
    ck_assert_uint_eq(holes, 2);
    release(&r);
    read_str("<html><body><p>The word <i lang=\"ja\">utage</i> stays.</p></body></html>",
             "nolang.html", false, &r);
    ck_assert_int_eq(r.st, TQC_OK);
    ck_assert_str_eq(r.docs[0]->text, "The word utage stays.");
    release(&r);
}
END_TEST

#define STORY "Gale-force winds closed the port on Tuesday, and ferries to the islands " \
              "were cancelled until further notice, the harbour master said."

START_TEST(test_issue_17_html_the_article_and_only_the_article)
{
    read_result r;
    /* The first article is a teaser; the story is split over sibling sections; the
     * comments below it are not the story. */
    read_str("<html><body><header class=\"site-header\"><a href=\"/\">Home</a></header>"
             "<article class=\"teaser\"><h3><a href=\"/x\">Another story entirely</a></h3>"
             "<p>A teaser, with a comma.</p></article><div id=\"story\"><h1>Storm</h1>"
             "<section><p>" STORY "</p><p>" STORY "</p></section>"
             "<section><p>" STORY "</p><p>Last one, " STORY "</p></section></div>"
             "<div class=\"comments\"><p>Great article, thanks, really, I mean it, truly.</p>"
             "</div></body></html>", "t.html", false, &r);
    ck_assert_int_eq(r.st, TQC_OK);
    const char *text = r.docs[0]->text;
    ck_assert_ptr_null(strstr(text, "teaser"));
    ck_assert_ptr_null(strstr(text, "Great article"));
    ck_assert_ptr_nonnull(strstr(text, "Last one, "));
    ck_assert_uint_eq(r.docs[0]->len >= 4 * strlen(STORY), 1);
    release(&r);
    /* Text in divs without paragraphs; a kudos list beside it is left out. */
    read_str("<html><body><div class=\"nav\"><a href=\"/\">Home</a> <a href=\"/a\">A</a></div>"
             "<div class=\"entry\"><div>" STORY "</div><div>" STORY "</div></div>"
             "<div class=\"kudos\">Liked by: ann, bob, cid, dan, eve, fay, gus, hal</div>"
             "</body></html>", "d.html", false, &r);
    ck_assert_str_eq(r.docs[0]->text, STORY "\n\n" STORY);
    release(&r);
}
END_TEST

START_TEST(test_issue_17_html_link_paragraph_is_residue)
{
    read_result r;
    read_str("<html><body><article><p>" STORY "</p>"
             "<p><a href=\"/2024/other\">Minister resigns after a row over spending</a></p>"
             "<p>" STORY "</p><p>The mayor visited <a href=\"/m\">the port</a> with the "
             "engineers on Wednesday morning.</p><p>" STORY "</p></article></body></html>",
             "l.html", false, &r);
    ck_assert_int_eq(r.st, TQC_OK);
    tqc_doc *doc = r.docs[0];
    tqc_findings out;
    tqc_findings_init(&out, doc);
    ck_assert_int_eq(tqc_check_doc(tqc_test_checker_for("en"), doc, &out), TQC_OK);
    size_t hits = 0;
    for (size_t i = 0; i < out.count; i++) {
        const tqc_finding *f = &out.items[i];
        if (strcmp(f->rule, "stray-heading") != 0)
            continue;
        hits++;
        ck_assert_uint_eq(f->span.start, (size_t)(strstr(doc->text, "Minister") - doc->text));
    }
    /* Once: a link inside a sentence is prose. */
    ck_assert_uint_eq(hits, 1);
    tqc_findings_release(&out);
    release(&r);
}
END_TEST

/* Issue 18: an inline element with nothing to tell but its name keeps no record, and a
 * text event's length is a varint before its bytes: the text, the marks (nested ones at
 * one offset, in document order) and the map are as they were, also for a run of text
 * long enough for a three-byte length. */
START_TEST(test_issue_18_html_inline_leaves_and_long_text)
{
    size_t cap = 40000;
    char *page = malloc(cap), *expect = malloc(cap);
    ck_assert_ptr_nonnull(page);
    ck_assert_ptr_nonnull(expect);
    int head = snprintf(page, cap, "<html><body><p>So <b>The</b> <i><em>plan</em></i> ");
    ck_assert_int_gt(head, 0);
    /* Words told apart (w0 w1...): libxml2 hands a long text over in pieces, each
     * placed in the page by its bytes. */
    size_t long_at = (size_t)head, at = long_at;
    for (unsigned i = 0; at - long_at < 20000; i++)
        at += (size_t)snprintf(page + at, cap - at, "%sw%u", i ? " " : "", i);
    size_t long_len = at - long_at;
    snprintf(page + at, cap - at, "</p></body></html>");
    memcpy(expect, "So The plan ", 12);
    memcpy(expect + 12, page + long_at, long_len);
    expect[12 + long_len] = '\0';
    read_result r;
    read_str(page, "i.html", false, &r);
    ck_assert_int_eq(r.st, TQC_OK);
    ck_assert_uint_eq(r.count, 1);
    const tqc_doc *doc = r.docs[0];
    ck_assert_str_eq(doc->text, expect);
    static const struct { const char *tag; int kind; size_t offset; } marks[] = {
        {"b", TQC_INLINE_OPEN, 3}, {"b", TQC_INLINE_CLOSE, 6}, {"i", TQC_INLINE_OPEN, 7},
        {"em", TQC_INLINE_OPEN, 7}, {"em", TQC_INLINE_CLOSE, 11}, {"i", TQC_INLINE_CLOSE, 11},
    };
    ck_assert_uint_eq(doc->inline_count, sizeof marks / sizeof marks[0]);
    for (size_t i = 0; i < doc->inline_count; i++) {
        ck_assert_str_eq(doc->inlines[i].tag, marks[i].tag);
        ck_assert_int_eq(doc->inlines[i].kind, marks[i].kind);
        ck_assert_uint_eq(doc->inlines[i].offset, marks[i].offset);
        ck_assert_ptr_null(tqc_doc_inline_id(&doc->inlines[i]));
    }
    /* Placed in the page: a word between tags, and the long text's last byte. */
    ck_assert_uint_eq(tqc_doc_file_offset(doc, 7), (size_t)(strstr(page, "plan") - page));
    ck_assert(tqc_doc_span_exact(doc, tqc_span_make(7, 11)));
    ck_assert_uint_eq(tqc_doc_file_offset(doc, 12 + long_len - 1), long_at + long_len - 1);
    release(&r);
    free(page);
    free(expect);
}
END_TEST

/* Tag and topic lists after a label, in a paragraph, a list item or a block with many
 * commas, a page's tool bar, a sign-up box and an element of class `hidden` are chrome;
 * a sentence with three links is prose. */
START_TEST(test_issue_17_html_link_lists_and_tool_bars_are_chrome)
{
    read_result r;
    read_str("<html><body><div class=\"entry\"><div class=\"entry-toolbar\">"
             "<strong>Pass it on</strong> <a href=\"#c\">Open the talk</a><div>Press the "
             "button to send what you read here to your friends</div></div>"
             "<p>" STORY "</p><p>The plan was drawn up by <a href=\"/a\">the council</a>, "
             "<a href=\"/b\">the port authority</a> and <a href=\"/c\">the ferry "
             "operators</a> over the whole of last winter.</p><p>" STORY "</p>"
             "<p class=\"labels\"><strong>Filed:</strong> <a href=\"/t/1\">weather</a>, "
             "<a href=\"/t/2\">harbours</a>, <a href=\"/t/3\">island ferries</a></p>"
             "<ul>\n          <li class=\"x\">\n            <strong>Also</strong>\n            "
             "<span><a href=\"/t/4\">winds</a> <a href=\"/t/5\">tides</a> "
             "<a href=\"/t/6\">boats</a></span>\n          </li>\n        </ul>"
             "<div class=\"post-labels\"><a href=\"/1\">a1</a>, <a href=\"/2\">b2</a>, "
             "<a href=\"/3\">c3</a>, <a href=\"/4\">d4</a>, <a href=\"/5\">e5</a>, "
             "<a href=\"/6\">f6</a>, <a href=\"/7\">g7</a>, <a href=\"/8\">h8</a>, "
             "<a href=\"/9\">i9</a>, <a href=\"/10\">j10</a>, <a href=\"/11\">k11</a>, "
             "<a href=\"/12\">l12</a></div>"
             "<p><a class=\"more hidden\" href=\"#more\">Go on with the story</a></p>"
             "<div class=\"box-signup\"><b>The morning letter, free in your inbox</b></div>"
             "</div></body></html>", "tags.html", false, &r);
    ck_assert_int_eq(r.st, TQC_OK);
    const char *text = r.docs[0]->text;
    ck_assert_ptr_nonnull(strstr(text, "the ferry operators over the whole"));
    ck_assert_ptr_null(strstr(text, "Pass it on"));
    ck_assert_ptr_null(strstr(text, "Filed"));
    ck_assert_ptr_null(strstr(text, "tides"));
    ck_assert_ptr_null(strstr(text, "k11"));
    ck_assert_ptr_null(strstr(text, "Go on"));
    ck_assert_ptr_null(strstr(text, "morning letter"));
    release(&r);
}
END_TEST

/* A tag the text names (`from the &lt;title&gt; element`) is a hint at most; a tag
 * double escaping left glued to its words, or closed, stays a warning. */
START_TEST(test_issue_17_html_tag_named_in_prose_is_a_hint)
{
    read_result r;
    read_str("<html><body><article><p>" STORY "</p><p>Each page takes its name from the "
             "&lt;title&gt; element and its summary from &lt;meta&gt; lines, the guide "
             "explains.</p><p>The old copy still read a bit of wreck&lt;/font&gt; in the "
             "middle, and &lt;b&gt;bold&lt;/b&gt; words too.</p><p>" STORY "</p></article>"
             "</body></html>", "m.html", false, &r);
    ck_assert_int_eq(r.st, TQC_OK);
    tqc_doc *doc = r.docs[0];
    tqc_findings out;
    tqc_findings_init(&out, doc);
    ck_assert_int_eq(tqc_check_doc(tqc_test_checker_for("en"), doc, &out), TQC_OK);
    size_t hints = 0, warnings = 0;
    for (size_t i = 0; i < out.count; i++) {
        const tqc_finding *f = &out.items[i];
        if (strcmp(f->rule, "markup") != 0)
            continue;
        const char *at = doc->text + f->span.start;
        if (f->severity == TQC_SEV_INFO) {
            hints++;
            ck_assert(strncmp(at, "<title>", 7) == 0 || strncmp(at, "<meta>", 6) == 0);
        } else {
            warnings++;
            ck_assert(strncmp(at, "</font>", 7) == 0 || strncmp(at, "<b>", 3) == 0 ||
                      strncmp(at, "</b>", 4) == 0);
        }
    }
    ck_assert_uint_eq(hints, 2);
    ck_assert_uint_eq(warnings, 3);
    tqc_findings_release(&out);
    release(&r);
}
END_TEST

/* Issue 17, real pages: a paragraph of a `pre` whose lines have the shape of a
 * configuration file, a command line or a header (a comment mark or a prompt first,
 * columns, a field's name, a program's line end) is code, not prose, whatever its share
 * of letters; prose set in `pre` (two spaces only after a sentence's mark or a bullet,
 * a line ending with a colon) stays. */
START_TEST(test_issue_17_html_pre_lines_shaped_as_code)
{
    read_result r;
    read_str("<html><body><article><p>" STORY "</p><pre>\n"
             "# the table of the disks that the system mounts when it starts up\n"
             "/dev/sr0      /media/cdrom0   udf,iso9660 user,noauto   0   0\n"
             "/dev/fd0      /media/floppy   auto        rw,user,noauto 0  0\n\n"
             "Package: sample-data\nDepends: firefox-esr | <a href=\"/w\">www-browser</a>, perl\n\n"
             "$ mount /media/cdrom0\n\n"
             "   The committee met on Tuesday.  It agreed to wait\n"
             "   for the report, which is due in May, as follows:\n"
             "   *  first the budget, then the staff\n"
             "   *  and the rest of the plan after that\n"
             "</pre><p>" STORY "</p></article></body></html>", "pre.html", false, &r);
    ck_assert_int_eq(r.st, TQC_OK);
    const char *text = r.docs[0]->text;
    ck_assert_ptr_null(strstr(text, "noauto"));
    ck_assert_ptr_null(strstr(text, "the table of the disks"));
    ck_assert_ptr_null(strstr(text, "Depends"));
    ck_assert_ptr_null(strstr(text, "mount"));
    ck_assert_ptr_nonnull(strstr(text, "It agreed to wait"));
    ck_assert_ptr_nonnull(strstr(text, "then the staff"));
    /* A link inside the code left out goes with it, marking nothing in the prose. */
    for (size_t i = 0; i < r.docs[0]->inline_count; i++)
        ck_assert_str_ne(r.docs[0]->inlines[i].tag, "a");
    release(&r);
}
END_TEST

/* All findings of rule on a page read as English: how many at warning or above into
 * *warnings, and the first one's message into msg (cap bytes). */
static size_t page_findings(const char *page, const char *rule, size_t *warnings, char *msg,
                            size_t cap)
{
    read_result r;
    read_str(page, "s.html", false, &r);
    ck_assert_int_eq(r.st, TQC_OK);
    tqc_findings out;
    tqc_findings_init(&out, r.docs[0]);
    ck_assert_int_eq(tqc_check_doc(tqc_test_checker_for("en"), r.docs[0], &out), TQC_OK);
    size_t n = 0;
    *warnings = 0;
    for (size_t i = 0; i < out.count; i++) {
        if (strcmp(out.items[i].rule, rule) != 0)
            continue;
        if (n++ == 0)
            snprintf(msg, cap, "%s", out.items[i].message);
        *warnings += out.items[i].severity >= TQC_SEV_WARNING;
    }
    tqc_findings_release(&out);
    release(&r);
    return n;
}

/* Issue 17, real pages: an unknown word the page sets in italics (`i`, `cite`, `dfn`: a
 * word of another language, a term, a title) or in a paragraph that holds code (left-out
 * `code`, a file name, a command's vowelless name) is one a spell checker cannot judge: a hint. The same slip in
 * plain prose, after the italics close, or in mere emphasis stays a warning. */
START_TEST(test_issue_17_html_italics_and_code_make_unknown_words_hints)
{
#define PAGE(p) "<html><body><article><p>" STORY "</p><p>" p "</p></article></body></html>"
    size_t warnings;
    char msg[512];
    ck_assert_uint_eq(page_findings(PAGE("The ministry <i>acceptakt</i> the letter."), "spelling",
                                    &warnings, msg, sizeof msg), 1);
    ck_assert_uint_eq(warnings, 0);
    ck_assert_msg(strstr(msg, "italics"), "%s", msg);
    ck_assert_uint_eq(page_findings(PAGE("Her <cite>acceptakt</cite> report was read."),
                                    "spelling", &warnings, msg, sizeof msg), 1);
    ck_assert_uint_eq(warnings, 0);
    ck_assert_uint_eq(page_findings(PAGE("Set <code>x</code> and the acceptakt step runs."),
                                    "spelling", &warnings, msg, sizeof msg), 1);
    ck_assert_uint_eq(warnings, 0);
    ck_assert_uint_eq(page_findings(PAGE("Edit app.js and the acceptakt step runs."),
                                    "spelling", &warnings, msg, sizeof msg), 1);
    ck_assert_uint_eq(warnings, 0);
    page_findings(PAGE("The server runs klmd and the acceptakt step."), "spelling", &warnings,
                  msg, sizeof msg);
    ck_assert_uint_eq(warnings, 0);
    page_findings(PAGE("The ministry acceptakt the letter."), "spelling", &warnings, msg,
                  sizeof msg);
    ck_assert_uint_eq(warnings, 1);
    page_findings(PAGE("The <i>ministry</i> acceptakt the letter."), "spelling", &warnings, msg,
                  sizeof msg);
    ck_assert_uint_eq(warnings, 1);
    page_findings(PAGE("The ministry <em>acceptakt</em> the letter."), "spelling", &warnings,
                  msg, sizeof msg);
    ck_assert_uint_eq(warnings, 1);
    page_findings("<html><body><article><p>Set <code>x</code> first.</p><p>" STORY "</p><p>The "
                  "ministry acceptakt the letter.</p></article></body></html>", "spelling",
                  &warnings, msg, sizeof msg);
    ck_assert_uint_eq(warnings, 1);
#undef PAGE
}
END_TEST

/* Findings of rule at warning or above on a page read as English. */
static size_t page_warnings(const char *page, const char *rule)
{
    read_result r;
    read_str(page, "w.html", false, &r);
    ck_assert_int_eq(r.st, TQC_OK);
    tqc_findings out;
    tqc_findings_init(&out, r.docs[0]);
    ck_assert_int_eq(tqc_check_doc(tqc_test_checker_for("en"), r.docs[0], &out), TQC_OK);
    size_t n = 0;
    for (size_t i = 0; i < out.count; i++)
        n += strcmp(out.items[i].rule, rule) == 0 && out.items[i].severity >= TQC_SEV_WARNING;
    tqc_findings_release(&out);
    release(&r);
    return n;
}

/* Issue 17, real pages: an element with no text (an anchor target before a heading and
 * after it, as DocBook writes them) bounds no words: the heading between them is no
 * paragraph of one link. */
START_TEST(test_issue_17_html_empty_anchors_bound_nothing)
{
    static const char page[] =
        "<html><body><article><p>" STORY "</p><div><h4><a id=\"s2\"></a>5.2.1. Removing "
        "the old packages from the system</h4></div><a id=\"ix\" class=\"indexterm\"></a>"
        "<p>" STORY "</p></article></body></html>";
    ck_assert_uint_eq(page_warnings(page, "stray-heading"), 0);
    read_result r;
    read_str(page, "a.html", false, &r);
    for (size_t i = 0; i < r.docs[0]->inline_count; i++)
        ck_assert_str_ne(r.docs[0]->inlines[i].tag, "a");
    release(&r);
}
END_TEST

/* An empty element before a heading (`<span id="s2"></span><h4>`, as Sphinx writes
 * anchors) opens and closes where the break before the heading goes: its close moves
 * past the break with its open, so the marks stay sorted by offset and the passes' binary
 * searches find the heading (a sorted array broke on the first such pair). */
START_TEST(test_issue_17_html_inline_marks_sorted_after_empty_element)
{
    static const char page[] =
        "<html><body><article><p>" STORY "</p><section><span id=\"s2\"></span><h4><span "
        "class=\"section-number\">5.2. </span>Removing the old files<a class=\"headerlink\" "
        "href=\"#s2\">\xc2\xb6</a></h4><p>" STORY " Run <code>clean</code> first.</p>"
        "<span id=\"s3\"></span><h4>Adding new files</h4><p>" STORY "</p></section>"
        "</article></body></html>";
    read_result r;
    read_str(page, "a.html", false, &r);
    const tqc_doc *d = r.docs[0];
    ck_assert_uint_gt(d->inline_count, 4);
    for (size_t i = 1; i < d->inline_count; i++)
        ck_assert_uint_le(d->inlines[i - 1].offset, d->inlines[i].offset);
    release(&r);
}
END_TEST

/* A list item is the page's own structure: a call to the reader there (a list of what a
 * program does), even after code left out at its start, is a hint; the same line as a
 * paragraph between paragraphs of prose is a line of chrome. */
START_TEST(test_issue_17_html_list_item_is_the_page_own)
{
#define ITEMS(open, close) "<html><body><article><p>" STORY "</p><" open ">" \
    "<" close "><code>x</code> - Manage your downloads and comments</" close ">" \
    "<" close "><code>y</code> - Watch videos and view photos</" close "></" open "><p>" STORY \
    "</p></article></body></html>"
    ck_assert_uint_eq(page_warnings(ITEMS("ul", "li"), "boilerplate"), 0);
    ck_assert_uint_gt(page_warnings(ITEMS("div", "p"), "boilerplate"), 0);
#undef ITEMS
}
END_TEST

/* Left-out code or foreign words next to a bracket leave its space behind: a hole, not
 * a space inside the bracket; a space typed there still is one. */
START_TEST(test_issue_17_html_hole_next_to_a_bracket)
{
    ck_assert_uint_eq(page_warnings("<html lang=\"en\"><body><p>The author (<span lang=\"ja\">"
                                    "\xe6\x9d\xbe\xe8\xb0\xb7</span> <i>Matsutani</i>) wrote "
                                    "a long letter to the editors.</p></body></html>", "spacing"), 0);
    ck_assert_uint_eq(page_warnings("<html><body><p>Run the tool (<code>make</code> first) "
                                    "before the tests start.</p></body></html>", "spacing"), 0);
    ck_assert_uint_gt(page_warnings("<html lang=\"en\"><body><p>The author ( Matsutani) wrote "
                                    "a long letter to the editors.</p></body></html>", "spacing"), 0);
}
END_TEST

Suite *readers_suite(void)
{
    Suite *s = suite_create("readers");
    TCase *tc = tcase_create("issue17");
    tcase_add_test(tc, test_issue_17_xliff_checked_in_its_declared_language);
    tcase_add_test(tc, test_issue_17_tmx_checked_in_its_declared_languages);
    tcase_add_test(tc, test_issue_17_tmx_within_one_language);
    tcase_add_test(tc, test_issue_17_bcp47_codes_any_case);
    tcase_add_test(tc, test_issue_17_language_without_dictionary_still_checked);
    tcase_add_test(tc, test_issue_17_segmented_xliff_segment_against_segment);
    tcase_add_test(tc, test_issue_17_xml_that_is_not_a_translation_file);
    tcase_add_test(tc, test_issue_17_xliff_integrity_problems);
    tcase_add_test(tc, test_issue_17_html_charset_as_browsers_do);
    tcase_add_test(tc, test_issue_17_html_code_and_hidden_text_are_not_prose);
    tcase_add_test(tc, test_issue_17_html_foreign_words_marked_by_lang);
    tcase_add_test(tc, test_issue_17_html_hole_next_to_a_bracket);
    tcase_add_test(tc, test_issue_17_html_inline_marks_sorted_after_empty_element);
    tcase_add_test(tc, test_issue_17_html_the_article_and_only_the_article);
    tcase_add_test(tc, test_issue_18_html_inline_leaves_and_long_text);
    tcase_add_test(tc, test_issue_17_html_link_paragraph_is_residue);
    tcase_add_test(tc, test_issue_17_html_link_lists_and_tool_bars_are_chrome);
    tcase_add_test(tc, test_issue_17_html_tag_named_in_prose_is_a_hint);
    tcase_add_test(tc, test_issue_17_html_list_item_is_the_page_own);
    tcase_add_test(tc, test_issue_17_html_pre_lines_shaped_as_code);
    tcase_add_test(tc, test_issue_17_html_empty_anchors_bound_nothing);
    tcase_add_test(tc, test_issue_17_html_italics_and_code_make_unknown_words_hints);
    suite_add_tcase(s, tc);
    return s;
}
