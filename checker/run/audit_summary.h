/* audit_summary: what a corpus audit found, in numbers: totals, per rule, per severity,
 * per language, per folder, the distribution of defect density (findings per 1,000
 * words) over articles and the worst articles. Everything in it is a count or a bounded
 * list, so a summary has the same size for ten articles or ten million, two summaries
 * merge exactly (the merge of partial audits equals the audit of the whole), and it
 * round-trips through JSON. Times and throughput are kept beside the counts but are
 * never part of what "equal" means.
 * A summary owns its strings. Nothing here prints except the writers, to the FILE given. */
#ifndef TQC_AUDIT_SUMMARY_H
#define TQC_AUDIT_SUMMARY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/finding.h"
#include "core/status.h"
#include "core/strmap.h"

/* The worst articles kept: enough for a page of the dashboard; top-K of a union is the
 * top-K of the parts' top-Ks, so merging stays exact. */
#define TQC_AUDIT_WORST 20
/* Articles shorter than this are not ranked among the worst: one finding in a 30-word
 * caption is 33 per 1,000 words and says nothing about the feed. */
#define TQC_AUDIT_WORST_MIN_WORDS 100
/* The density histogram: fixed bins (so merging is a sum) of this width in findings per
 * 1,000 words; the last bin holds everything from (BINS - 1) * WIDTH up. */
#define TQC_AUDIT_HIST_BINS 30
#define TQC_AUDIT_HIST_WIDTH 2.0

/* Counts under one key: a rule id, a language or a folder. For rules only findings
 * are counted. */
typedef struct tqc_audit_tally {
    const char *key;            /* owned by the summary's key map */
    uint64_t files, articles, words, bytes;
    uint64_t findings[3];       /* by severity */
} tqc_audit_tally;

/* The most rules an article keeps counts for (tqc has fewer); a rule beyond is counted
 * in its totals only. */
#define TQC_AUDIT_ARTICLE_RULES 80

/* An article's findings of one rule, for the dashboard's rule filter. */
typedef struct tqc_audit_rule_count {
    char *rule;                 /* owned when in a summary */
    uint64_t count;
} tqc_audit_rule_count;

/* One article (a file, or a record of a JSON Lines file) and its findings. */
typedef struct tqc_audit_article {
    char *name;                 /* owned when in a summary */
    char *folder, *lang;        /* owned when in a summary */
    uint64_t words;
    uint64_t findings[3];
    /* Its findings per rule (at most TQC_AUDIT_ARTICLE_RULES), owned when in a summary,
     * where they are sorted by count (descending), then rule; may be none. */
    tqc_audit_rule_count *rules;
    size_t rule_count;
} tqc_audit_article;

/* Adds n findings of rule to rules[0, *count) (room for cap): rule's entry, or a new
 * one that borrows rule when there is room. */
void tqc_audit_rule_count_add(tqc_audit_rule_count *rules, size_t *count, size_t cap,
                              const char *rule, uint64_t n);

typedef struct tqc_audit_summary {
    /* Counts: what "equal" compares. */
    uint64_t files;             /* files checked (wholly, or partly before failing) */
    uint64_t articles, words, bytes;
    uint64_t findings[3];
    uint64_t failed;            /* files that could not be read */
    uint64_t unchanged;         /* --incremental: files skipped, checksum unchanged */
    uint64_t hidden, binary, excluded; /* files skipped by the walk */
    uint64_t not_done;          /* files walked but not checked (interrupted) */
    tqc_audit_tally *rules, *langs, *folders; /* in first-seen order; sorted on output */
    size_t rule_count, lang_count, folder_count;
    uint64_t empty;             /* articles without a word (not in the histogram) */
    uint64_t clean;             /* articles with words and no finding */
    uint64_t bins[TQC_AUDIT_HIST_BINS];
    tqc_audit_article worst[TQC_AUDIT_WORST]; /* worst first */
    size_t worst_count;
    /* Circumstances: reported, never compared. */
    double seconds;             /* wall time (merged: the sum of the parts') */
    unsigned jobs;
    bool interrupted;           /* stopped early (SIGINT): the counts cover what was done */
    uint64_t parts;             /* audits merged into this one (1 for one audit) */
    bool failed_alloc;          /* an allocation failed: the counts are incomplete */
    /* Private: key -> index maps for the three tallies. */
    tqc_strmap *rule_ix, *lang_ix, *folder_ix;
    size_t rule_cap, lang_cap, folder_cap;
} tqc_audit_summary;

/* An empty summary (parts = 1). false when out of memory. */
bool tqc_audit_summary_init(tqc_audit_summary *s);
/* Frees what s owns; s may be zeroed or initialised. */
void tqc_audit_summary_free(tqc_audit_summary *s);

/* Findings per 1,000 words (0 for no words). */
double tqc_audit_density(uint64_t findings, uint64_t words);
/* The histogram bin of a density. */
size_t tqc_audit_bin(double density);

/* Counts one finding of rule at severity. Returns s's copy of rule (it lives as long as
 * s), for an article's rule counts; NULL when out of memory. */
const char *tqc_audit_summary_add_finding(tqc_audit_summary *s, const char *rule,
                                          tqc_severity sev);
/* s's copy of rule (made with a tally of no findings when new; NULL when out of memory),
 * for an article's rule counts read from elsewhere before its findings are counted. */
const char *tqc_audit_summary_rule_key(tqc_audit_summary *s, const char *rule);
/* Counts one file of bytes in folder and lang (each may be NULL: not tallied). */
void tqc_audit_summary_add_file(tqc_audit_summary *s, const char *folder, const char *lang,
                                uint64_t bytes);
/* Counts one article: words and findings into the totals, its folder and language, the
 * histogram and, when it ranks, the worst list (its strings and rule counts are copied). The findings
 * themselves are counted by rule with tqc_audit_summary_add_finding. */
void tqc_audit_summary_add_article(tqc_audit_summary *s, const tqc_audit_article *a);

/* Adds every count of src into dst (the parts' times add up; interrupted if either was). */
void tqc_audit_summary_merge(tqc_audit_summary *dst, const tqc_audit_summary *src);

/* The total of findings[3]. */
uint64_t tqc_audit_total(const uint64_t findings[3]);
/* The density below which half of the articles with words lie, from the histogram: the
 * upper edge of the bin that holds the median (an upper bound, exact to a bin). */
double tqc_audit_summary_median(const tqc_audit_summary *s);
/* Sorts the tallies for output: rules by findings (descending) then id, languages and
 * folders by name. Merging and adding still work afterwards. */
void tqc_audit_summary_sort(tqc_audit_summary *s);

/* Writes s as JSON, one array element a line and every time-dependent value on a line
 * of its own (`"seconds"`, `"throughput"`, `"jobs"`), so two summaries can be compared
 * with diff after dropping those lines. Sorts s first. false when out of memory (or a
 * write error, which also shows in ferror(out)). */
bool tqc_audit_summary_write_json(FILE *out, tqc_audit_summary *s);
/* Reads a summary written by tqc_audit_summary_write_json from text[0, len) into s
 * (initialised by the call). With used NULL the text must hold exactly one summary;
 * otherwise *used gets the bytes read (the summary and the white space after it), so a
 * stream of summaries (one a line, as a Hadoop reducer gets them) reads in a loop.
 * On failure err says where and why (TQC_EINPUT); s is then freed. */
tqc_status tqc_audit_summary_read_json(const char *text, size_t len, size_t *used,
                                       tqc_audit_summary *s, char *err, size_t errlen);
/* n with thousands separators ("1,234,567") into buf (cap >= 27 holds any); returns buf. */
const char *tqc_audit_format_count(char *buf, size_t cap, uint64_t n);
/* n bytes for people ("812 bytes", "29.6 kB", "1.2 MB", "1.05 GB") into buf; returns buf. */
const char *tqc_audit_format_bytes(char *buf, size_t cap, uint64_t n);
/* Writes the summary for people: totals, throughput, tables per rule, severity,
 * language and folder (the `max_rows` largest; 0: all), the density distribution and
 * the worst articles. Sorts s first. */
void tqc_audit_summary_write_text(FILE *out, tqc_audit_summary *s, size_t max_rows);

#endif
