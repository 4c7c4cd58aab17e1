/* audit_html: the dashboard page (see report/audit_html.h). SVG coordinates are computed here;
 * the styles are in one inline sheet, light and dark, with the editors' report's
 * severity colours so the two pages read alike. */
#include "report/audit_html.h"

#include <stdint.h>
#include <string.h>

#include "report/report.h"

#ifndef TQC_VERSION
#define TQC_VERSION "0.1.0"
#endif

/* Chart geometry, in SVG user units (the SVG scales to the page width). */
#define CHART_W 1000
#define RULE_ROW 24
#define RULE_LABEL 190
#define HIST_H 260
#define HIST_LEFT 56
#define HIST_BOTTOM 36
/* Rules shown in the bar chart; the rest are in the JSON summary. */
#define CHART_MAX_RULES 40

static const char *const sev_class[3] = {"info", "warning", "error"};

static void esc(FILE *out, const char *s)
{
    tqc_xml_write_string(out, s, strlen(s), false);
}

static void esc_attr(FILE *out, const char *s)
{
    tqc_xml_write_string(out, s, strlen(s), true);
}

static const char *num(char *buf, uint64_t n)
{
    return tqc_audit_format_count(buf, 32, n);
}

static const char style[] =
    ":root{color-scheme:light dark;--bg:#f6f7f9;--card:#fff;--ink:#1d2330;--mute:#5b6474;"
    "--line:#dde1e7;--err:#d13b2e;--warn:#e59a1c;--info:#3f7fe0;--accent:#4b55c8}"
    "@media (prefers-color-scheme:dark){:root{--bg:#11151c;--card:#1a2029;--ink:#e4e8ef;"
    "--mute:#9aa4b5;--line:#2e3440;--err:#ff7b70;--warn:#f2b54a;--info:#7fb0ff;"
    "--accent:#8e9bff}}"
    "*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--ink);"
    "font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}"
    "main{max-width:1180px;margin:0 auto;padding:24px}"
    "h1{font-size:24px;margin:0 0 4px}h2{font-size:17px;margin:0 0 12px}"
    ".sub{color:var(--mute);margin:0 0 20px;overflow-wrap:anywhere}"
    ".tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(160px,1fr));gap:12px;"
    "margin-bottom:20px}"
    ".tile{background:var(--card);border:1px solid var(--line);border-radius:10px;"
    "padding:12px 14px}.tile b{display:block;font-size:22px;font-variant-numeric:tabular-nums}"
    ".tile span{color:var(--mute);font-size:13px}"
    ".tile.error b{color:var(--err)}.tile.warning b{color:var(--warn)}"
    ".tile.info b{color:var(--info)}"
    ".card{background:var(--card);border:1px solid var(--line);border-radius:10px;"
    "padding:16px 18px;margin-bottom:20px}"
    "svg{width:100%;height:auto;display:block}svg text{fill:var(--ink);font-size:13px}"
    "svg .mute{fill:var(--mute)}svg .grid{stroke:var(--line);stroke-width:1}"
    "svg .error{fill:var(--err)}svg .warning{fill:var(--warn)}svg .info{fill:var(--info)}"
    "svg .bar{fill:var(--accent)}"
    ".legend{display:flex;gap:16px;color:var(--mute);font-size:13px;margin:0 0 8px}"
    ".legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px}"
    ".legend .error{background:var(--err)}.legend .warning{background:var(--warn)}"
    ".legend .info{background:var(--info)}"
    "table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}"
    "th,td{text-align:right;padding:5px 8px;border-bottom:1px solid var(--line);"
    "white-space:nowrap}th{color:var(--mute);font-weight:600;font-size:13px}"
    "td.name,th.name{text-align:left;white-space:normal;overflow-wrap:anywhere}"
    "td .e{color:var(--err)}td .w{color:var(--warn)}td .i{color:var(--info)}"
    "a{color:var(--accent)}.note{color:var(--mute);font-size:13px;margin:8px 0 0}"
    ".rf{display:inline-flex;align-items:center;margin:0 14px 8px 0;font-size:14px}"
    ".rf input{margin:0 6px 0 0}.rf span{color:var(--mute)}"
    "input:focus-visible+label{outline:2px solid var(--accent);outline-offset:2px}"
    "td.by{white-space:normal;text-align:left;color:var(--mute);font-size:13px}"
    "footer{color:var(--mute);font-size:12px;text-align:center;padding:8px 0 24px}";

static void tile(FILE *out, const char *cls, const char *value, const char *label)
{
    fprintf(out, "<div class=\"tile %s\"><b>%s</b><span>%s</span></div>\n", cls, value, label);
}

static void tiles(FILE *out, const tqc_audit_summary *s)
{
    char b[32], v[64];
    fputs("<section class=\"tiles\">\n", out);
    tile(out, "", num(b, s->files), "files checked");
    tile(out, "", num(b, s->articles), "articles");
    tile(out, "", num(b, s->words), "words");
    tile(out, "", tqc_audit_format_bytes(v, sizeof v, s->bytes), "of text");
    uint64_t total = tqc_audit_total(s->findings);
    tile(out, "", num(b, total), "findings");
    snprintf(v, sizeof v, "%.2f", tqc_audit_density(total, s->words));
    tile(out, "", v, "findings per 1,000 words");
    tile(out, "error", num(b, s->findings[TQC_SEV_ERROR]), "errors");
    tile(out, "warning", num(b, s->findings[TQC_SEV_WARNING]), "warnings");
    tile(out, "info", num(b, s->findings[TQC_SEV_INFO]), "info");
    if (s->seconds > 0) {
        snprintf(v, sizeof v, "%.2f MB/s", (double)s->bytes / 1e6 / s->seconds);
        tile(out, "", v, s->parts > 1 ? "per machine-second" : "throughput");
        snprintf(v, sizeof v, "%.0f", (double)s->articles / s->seconds);
        tile(out, "", v, "articles per second");
    }
    snprintf(v, sizeof v, "%llu / %llu", (unsigned long long)(s->hidden + s->binary + s->excluded),
             (unsigned long long)s->failed);
    tile(out, "", v, "skipped / failed files");
    fputs("</section>\n", out);
}

/* Horizontal bars, one per rule, stacked by severity. */
static void rule_chart(FILE *out, const tqc_audit_summary *s)
{
    size_t rows = s->rule_count < CHART_MAX_RULES ? s->rule_count : CHART_MAX_RULES;
    fputs("<section class=\"card\"><h2>Findings per rule</h2>\n"
          "<p class=\"legend\"><span><i class=\"error\"></i>error</span><span><i "
          "class=\"warning\"></i>warning</span><span><i class=\"info\"></i>info</span></p>\n",
          out);
    if (rows == 0) {
        fputs("<p class=\"note\">No findings.</p></section>\n", out);
        return;
    }
    uint64_t max = 1;
    for (size_t i = 0; i < rows; i++)
        if (tqc_audit_total(s->rules[i].findings) > max)
            max = tqc_audit_total(s->rules[i].findings);
    int h = (int)rows * RULE_ROW + 8;
    double span = CHART_W - RULE_LABEL - 70;
    fprintf(out, "<svg viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"Findings per rule\">\n",
            CHART_W, h);
    char b[32];
    for (size_t i = 0; i < rows; i++) {
        const tqc_audit_tally *t = &s->rules[i];
        int y = (int)i * RULE_ROW + 4;
        fprintf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", RULE_LABEL - 8, y + 15);
        esc(out, t->key);
        fputs("</text>", out);
        double x = RULE_LABEL;
        for (int k = 2; k >= 0; k--) {
            if (!t->findings[k])
                continue;
            double w = span * (double)t->findings[k] / (double)max;
            if (w < 1)
                w = 1;
            fprintf(out, "<rect class=\"%s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
                    "rx=\"2\"><title>", sev_class[k], x, y + 2, w, RULE_ROW - 6);
            esc(out, t->key);
            fprintf(out, " %s: %s</title></rect>", sev_class[k], num(b, t->findings[k]));
            x += w;
        }
        fprintf(out, "<text class=\"mute\" x=\"%.1f\" y=\"%d\">%s</text>\n", x + 6, y + 15,
                num(b, tqc_audit_total(t->findings)));
    }
    fputs("</svg>\n", out);
    if (rows < s->rule_count)
        fprintf(out, "<p class=\"note\">%zu more rules in the JSON summary.</p>\n",
                s->rule_count - rows);
    fputs("</section>\n", out);
}

/* A "nice" step for an axis up to max with about n ticks: 1, 2 or 5 times a power of 10
 * (computed without libm: tqc links none). */
static double nice_step(double max, int n)
{
    double raw = max / n;
    if (raw <= 1)
        return 1;
    double p = 1;
    while (p * 10 <= raw)
        p *= 10;
    double m = raw / p;
    return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

/* Vertical bars: articles per density bin. */
static void histogram(FILE *out, const tqc_audit_summary *s)
{
    fputs("<section class=\"card\"><h2>Defect density per article</h2>\n", out);
    size_t last = 0;
    uint64_t max = 0, n = 0;
    for (size_t i = 0; i < TQC_AUDIT_HIST_BINS; i++) {
        n += s->bins[i];
        if (s->bins[i]) {
            last = i;
            if (s->bins[i] > max)
                max = s->bins[i];
        }
    }
    if (n == 0) {
        fputs("<p class=\"note\">No article with words.</p></section>\n", out);
        return;
    }
    size_t bins = last + 1 < 10 ? 10 : last + 1;
    double step = nice_step((double)max, 4);
    double top = (double)(uint64_t)(((double)max + step - 1) / step) * step;
    int plot_w = CHART_W - HIST_LEFT - 10, plot_h = HIST_H - HIST_BOTTOM - 10;
    double bw = (double)plot_w / (double)bins;
    fprintf(out, "<svg viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"Articles by findings "
            "per 1,000 words\">\n", CHART_W, HIST_H);
    char b[32];
    for (double v = 0; v <= top + step / 2; v += step) {
        double y = 10 + plot_h - plot_h * v / top;
        fprintf(out, "<line class=\"grid\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>"
                "<text class=\"mute\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
                HIST_LEFT, CHART_W - 10, y, y, HIST_LEFT - 6, y + 4, num(b, (uint64_t)v));
    }
    size_t label_every = bins > 20 ? 5 : bins > 10 ? 2 : 1;
    for (size_t i = 0; i < bins; i++) {
        double x = HIST_LEFT + bw * (double)i;
        double h = plot_h * (double)s->bins[i] / top;
        char range[48];
        if (i == TQC_AUDIT_HIST_BINS - 1)
            snprintf(range, sizeof range, "%g or more", i * TQC_AUDIT_HIST_WIDTH);
        else
            snprintf(range, sizeof range, "%g to %g", i * TQC_AUDIT_HIST_WIDTH,
                     (i + 1) * TQC_AUDIT_HIST_WIDTH);
        if (s->bins[i])
            fprintf(out, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                    "height=\"%.1f\" rx=\"1.5\"><title>%s articles: %s findings per 1,000 "
                    "words</title></rect>\n", x + 1, 10 + plot_h - h, bw - 2, h,
                    num(b, s->bins[i]), range);
        if (i % label_every == 0)
            fprintf(out, "<text class=\"mute\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">"
                    "%g%s</text>\n", x, HIST_H - HIST_BOTTOM + 20, i * TQC_AUDIT_HIST_WIDTH,
                    i == TQC_AUDIT_HIST_BINS - 1 ? "+" : "");
    }
    fprintf(out, "<text class=\"mute\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">findings per "
            "1,000 words</text>\n</svg>\n", HIST_LEFT + plot_w / 2, HIST_H - 2);
    char c1[32], c2[32];
    fprintf(out, "<p class=\"note\">%s of %s articles with words have no finding; the median "
            "is below %g per 1,000 words.", num(c1, s->clean), num(c2, n),
            tqc_audit_summary_median(s));
    if (s->empty)
        fprintf(out, " %s articles without words are not counted.", num(c1, s->empty));
    fputs("</p></section>\n", out);
}

static void counts_cells(FILE *out, const uint64_t f[3])
{
    char b[4][32];
    fprintf(out, "<td><span class=\"e\">%s</span></td><td><span class=\"w\">%s</span></td>"
            "<td><span class=\"i\">%s</span></td><td>%s</td>", num(b[0], f[TQC_SEV_ERROR]),
            num(b[1], f[TQC_SEV_WARNING]), num(b[2], f[TQC_SEV_INFO]),
            num(b[3], tqc_audit_total(f)));
}

/* The index of rule among s's rule tallies (the filter's ids), or SIZE_MAX. */
static size_t rule_index(const tqc_audit_summary *s, const char *rule)
{
    for (size_t i = 0; i < s->rule_count; i++)
        if (strcmp(s->rules[i].key, rule) == 0)
            return i;
    return SIZE_MAX;
}

/* How many of the worst articles have findings of rule i. */
static size_t worst_with_rule(const tqc_audit_summary *s, size_t i)
{
    size_t n = 0;
    for (size_t k = 0; k < s->worst_count; k++)
        for (size_t r = 0; r < s->worst[k].rule_count; r++)
            n += strcmp(s->worst[k].rules[r].rule, s->rules[i].key) == 0;
    return n;
}

/* The rule filter works without script (the page has none): a radio button per rule
 * before the table, and for each one a style that hides the rows without that rule and
 * the other rules' counts. Radio buttons are reached with Tab and moved with the arrows. */
static void filter_style(FILE *out, const tqc_audit_summary *s)
{
    for (size_t i = 0; i < s->rule_count; i++)
        if (worst_with_rule(s, i))
            fprintf(out, "#rf%zu:checked~table tbody tr:not(.r%zu),"
                    "#rf%zu:checked~table td.by span:not(.k%zu){display:none}", i, i, i, i);
}

static void filter_buttons(FILE *out, const tqc_audit_summary *s)
{
    bool any = false;
    for (size_t i = 0; i < s->rule_count && !any; i++)
        any = worst_with_rule(s, i) > 0;
    if (!any)
        return;
    fputs("<p class=\"note\" id=\"rf-label\">Show the articles with findings of:</p>\n"
          "<input type=\"radio\" name=\"rule\" id=\"rf-all\" class=\"rf\" checked "
          "aria-describedby=\"rf-label\"><label class=\"rf\" for=\"rf-all\">any rule</label>\n",
          out);
    for (size_t i = 0; i < s->rule_count; i++) {
        size_t n = worst_with_rule(s, i);
        if (!n)
            continue;
        fprintf(out, "<input type=\"radio\" name=\"rule\" id=\"rf%zu\" class=\"rf\" "
                "aria-describedby=\"rf-label\"><label class=\"rf\" for=\"rf%zu\">", i, i);
        esc(out, s->rules[i].key);
        fprintf(out, "&nbsp;<span>(%zu)</span></label>\n", n);
    }
}

static void worst_table(FILE *out, const tqc_audit_summary *s, const char *const *links)
{
    fprintf(out, "<section class=\"card\"><h2>Worst articles</h2>\n");
    if (!s->worst_count) {
        fprintf(out, "<p class=\"note\">No article of at least %d words has a finding."
                "</p></section>\n", TQC_AUDIT_WORST_MIN_WORDS);
        return;
    }
    filter_buttons(out, s);
    fputs("<table><thead><tr><th>#</th><th class=\"name\">article</th><th class=\"name\">"
          "folder</th><th>words</th><th>error</th><th>warning</th><th>info</th><th>total</th>"
          "<th>per 1,000 words</th><th class=\"name\">by rule</th></tr></thead><tbody>\n", out);
    char b[32];
    for (size_t i = 0; i < s->worst_count; i++) {
        const tqc_audit_article *a = &s->worst[i];
        fputs("<tr class=\"a", out);
        for (size_t r = 0; r < a->rule_count; r++) {
            size_t k = rule_index(s, a->rules[r].rule);
            if (k != SIZE_MAX)
                fprintf(out, " r%zu", k);
        }
        fprintf(out, "\"><td>%zu</td><td class=\"name\">", i + 1);
        if (links && links[i]) {
            fputs("<a href=\"", out);
            esc_attr(out, links[i]);
            fputs("\">", out);
            esc(out, a->name);
            fputs("</a>", out);
        } else {
            esc(out, a->name);
        }
        fputs("</td><td class=\"name\">", out);
        esc(out, a->folder);
        fprintf(out, "</td><td>%s</td>", num(b, a->words));
        counts_cells(out, a->findings);
        fprintf(out, "<td>%.2f</td><td class=\"by\">",
                tqc_audit_density(tqc_audit_total(a->findings), a->words));
        for (size_t r = 0; r < a->rule_count; r++) {
            size_t k = rule_index(s, a->rules[r].rule);
            fprintf(out, "<span class=\"k%zu\">", k == SIZE_MAX ? s->rule_count : k);
            esc(out, a->rules[r].rule);
            fprintf(out, "&nbsp;%s%s</span>", num(b, a->rules[r].count),
                    r + 1 < a->rule_count ? ", " : "");
        }
        fputs("</td></tr>\n", out);
    }
    fprintf(out, "</tbody></table><p class=\"note\">Articles of at least %d words, ranked by "
            "errors, then warnings.%s The filter shows those of them with findings of one "
            "rule, and their count.</p></section>\n", TQC_AUDIT_WORST_MIN_WORDS,
            links ? " Each links to its annotated view." : "");
}

static void tally_table(FILE *out, const char *title, const char *keyname,
                        const tqc_audit_tally *arr, size_t n)
{
    if (!n)
        return;
    fprintf(out, "<section class=\"card\"><h2>%s</h2>\n<table><thead><tr><th class=\"name\">"
            "%s</th><th>files</th><th>articles</th><th>words</th><th>error</th><th>warning</th>"
            "<th>info</th><th>total</th><th>per 1,000 words</th></tr></thead><tbody>\n", title,
            keyname);
    char b[3][32];
    for (size_t i = 0; i < n; i++) {
        const tqc_audit_tally *t = &arr[i];
        fputs("<tr><td class=\"name\">", out);
        esc(out, t->key);
        fprintf(out, "</td><td>%s</td><td>%s</td><td>%s</td>", num(b[0], t->files),
                num(b[1], t->articles), num(b[2], t->words));
        counts_cells(out, t->findings);
        fprintf(out, "<td>%.2f</td></tr>\n",
                tqc_audit_density(tqc_audit_total(t->findings), t->words));
    }
    fputs("</tbody></table></section>\n", out);
}

void tqc_audit_html_write(FILE *out, tqc_audit_summary *s, const char *title,
                          const char *const *links)
{
    tqc_audit_summary_sort(s);
    fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
          "style-src 'unsafe-inline'; img-src data:\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<title>tqc audit: ", out);
    esc(out, title ? title : "");
    fprintf(out, "</title>\n<style>%s", style);
    filter_style(out, s);
    fputs("</style></head><body><main>\n<h1>Translation quality audit</h1>\n<p class=\"sub\">",
          out);
    esc(out, title ? title : "");
    if (s->parts > 1)
        fprintf(out, " &middot; %llu audits merged", (unsigned long long)s->parts);
    if (s->interrupted)
        fputs(" &middot; <strong>interrupted</strong>: the numbers cover what was done", out);
    fputs("</p>\n", out);
    tiles(out, s);
    rule_chart(out, s);
    histogram(out, s);
    worst_table(out, s, links);
    tally_table(out, "By folder", "folder", s->folders, s->folder_count);
    tally_table(out, "By language", "language", s->langs, s->lang_count);
    fprintf(out, "</main><footer>Made by tqc %s.</footer></body></html>\n", TQC_VERSION);
}
