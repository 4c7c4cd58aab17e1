/* Text: `FILE:LINE:COL: SEVERITY: MESSAGE [RULE]` (COL in bytes: the form vim's quickfix and
 * Emacs' compile-mode parse), then the source line with the span underlined and the
 * suggestions. Long lines are shown as a window around the span. */
#include "report/report.h"

#include <string.h>
#include <utf8proc.h>

#include "core/text.h"

/* Columns of context shown either side of a span on a long line. */
#define TEXT_CONTEXT 40

#define ANSI_RESET "\033[0m"
#define ANSI_BOLD "\033[1m"
#define ANSI_RED "\033[1;31m"
#define ANSI_MAGENTA "\033[1;35m"
#define ANSI_CYAN "\033[1;36m"
#define ANSI_GREEN "\033[32m"
#define ANSI_DIM "\033[2m"

static const char *sev_color(tqc_severity sev)
{
    return sev == TQC_SEV_ERROR ? ANSI_RED : sev == TQC_SEV_WARNING ? ANSI_MAGENTA : ANSI_CYAN;
}

static const char *c(const tqc_reporter *r, const char *code)
{
    return r->color ? code : "";
}

/* Display width of text[a, b): tabs count as one column (they are printed as spaces). */
static size_t width(const char *t, size_t a, size_t b)
{
    size_t w = 0;
    for (size_t i = a; i < b;) {
        int32_t cp;
        i += tqc_text_decode(t + i, b - i, &cp);
        int cw = cp < 0 ? 1 : cp == '\t' ? 1 : utf8proc_charwidth(cp);
        w += cw > 0 ? (size_t)cw : 0;
    }
    return w;
}

/* Moves off back to a code point boundary. */
static size_t boundary(const char *t, size_t lo, size_t off)
{
    while (off > lo && ((unsigned char)t[off] & 0xC0) == 0x80)
        off--;
    return off;
}

/* Prints text[a, b) with tabs as spaces and control bytes and bidi controls as '?'
 * (a U+202E would reorder the rest of the terminal line). */
static void put_visible(FILE *out, const char *t, size_t a, size_t b)
{
    size_t run = a; /* printable bytes since run, written at once (a call per character
                       was a third of the time of a run with many findings) */
    for (size_t i = a; i < b;) {
        int32_t cp;
        size_t n = tqc_text_decode(t + i, b - i, &cp);
        bool tab = cp == '\t';
        if (tab || cp < 0 || tqc_text_is_control(cp) || tqc_text_is_bidi_control(cp)) {
            fwrite(t + run, 1, i - run, out);
            fputc(tab ? ' ' : '?', out);
            run = i + n;
        }
        i += n;
    }
    fwrite(t + run, 1, b - run, out);
}

static void text_finding(tqc_reporter *r, const tqc_doc *doc, const tqc_finding *f)
{
    FILE *o = r->out;
    /* The column in bytes, as vim's quickfix and gcc-style tools read it (README). */
    size_t line, col;
    tqc_doc_locate(doc, f->span.start, &line, &col);
    col = tqc_doc_byte_column(doc, f->span.start);
    /* The name and the message (which quotes the text) may hold control characters:
     * escaped, so a file cannot drive the reader's terminal. */
    fputs(c(r, ANSI_BOLD), o);
    tqc_text_fputs_safe(doc->name, o);
    fprintf(o, ":%zu:%zu:%s %s%s:%s ", line, col, c(r, ANSI_RESET), c(r, sev_color(f->severity)),
            tqc_severity_name(f->severity), c(r, ANSI_RESET));
    tqc_text_fputs_safe(f->message, o);
    fprintf(o, " %s[%s%s%s]%s\n", c(r, ANSI_DIM), f->rule, f->also ? "," : "",
            f->also ? f->also : "", c(r, ANSI_RESET));

    tqc_span ls = tqc_doc_line_span(doc, f->span.start);
    size_t span_end = f->span.end < ls.end ? f->span.end : ls.end;
    size_t a = ls.start, b = ls.end;
    /* Clip long lines to a window around the span, marking the cuts. */
    if (f->span.start - a > TEXT_CONTEXT * 2)
        a = boundary(doc->text, ls.start, f->span.start - TEXT_CONTEXT);
    if (b > span_end && b - span_end > TEXT_CONTEXT * 2)
        b = boundary(doc->text, ls.start, span_end + TEXT_CONTEXT);
    /* A span longer than a screen (a phrase looping for a megabyte) is cut as well: its
     * start shows where it is. */
    if (span_end - f->span.start > TEXT_CONTEXT * 4) {
        span_end = boundary(doc->text, f->span.start, f->span.start + TEXT_CONTEXT * 4);
        b = span_end;
    }
    const char *lead = a > ls.start ? "..." : "";
    char gutter[32];
    int gw = snprintf(gutter, sizeof gutter, "%zu", line);
    fprintf(o, " %s | %s", gutter, lead);
    put_visible(o, doc->text, a, f->span.start);
    fputs(c(r, sev_color(f->severity)), o);
    put_visible(o, doc->text, f->span.start, span_end);
    fputs(c(r, ANSI_RESET), o);
    put_visible(o, doc->text, span_end, b);
    fprintf(o, "%s\n", b < ls.end ? "..." : "");

    size_t pad = strlen(lead) + width(doc->text, a, f->span.start);
    size_t len = width(doc->text, f->span.start, span_end);
    fprintf(o, " %*s | %*s%s^", gw, "", (int)pad, "", c(r, sev_color(f->severity)));
    for (size_t i = 1; i < len; i++)
        fputc('~', o);
    fprintf(o, "%s\n", c(r, ANSI_RESET));
    if (f->suggestion_count) {
        fprintf(o, " %*s | %*s%s", gw, "", (int)pad, "", c(r, ANSI_GREEN));
        for (size_t i = 0; i < f->suggestion_count; i++) {
            fputs(i ? ", " : "", o);
            tqc_text_fputs_safe(f->suggestions[i], o);
        }
        fprintf(o, "%s\n", c(r, ANSI_RESET));
    }
}

static void text_finish(tqc_reporter *r, const tqc_run_stats *st)
{
    size_t total = st->findings[0] + st->findings[1] + st->findings[2];
    if (total == 0)
        return;
    fprintf(r->out, "%zu error%s, %zu warning%s, %zu info in %zu file%s\n",
            st->findings[TQC_SEV_ERROR], st->findings[TQC_SEV_ERROR] == 1 ? "" : "s",
            st->findings[TQC_SEV_WARNING], st->findings[TQC_SEV_WARNING] == 1 ? "" : "s",
            st->findings[TQC_SEV_INFO], st->files, st->files == 1 ? "" : "s");
}

void tqc_report_text_init(tqc_reporter *r)
{
    r->finding = text_finding;
    r->finish = text_finish;
}
