/* The rule catalogue (run/rules.h): the registry's passes and the pipeline's own rules. */
#include "run/rules.h"

#include <stdio.h>
#include <string.h>

#include "pass/pass.h"
#include "run/suppress.h"

/* The pipeline's own rule: run/suppress.c reports a directive that suppressed nothing. */
static const tqc_rule_info unused_suppression = {
    .id = TQC_SUPPRESS_RULE,
    .severity = TQC_SEV_INFO,
    .summary = "a tqc-disable or tqc-enable comment that suppressed nothing",
    .good = "<!-- tqc-disable-next-line repeated-word -->\nthe the",
    .bad = "<!-- tqc-disable-next-line repeated-word -->\nfine",
    .severities = TQC_SEV_BIT(TQC_SEV_INFO),
    .details = "A `tqc-disable`, `tqc-disable-next-line` or `tqc-enable` comment that "
               "suppressed no finding, names an unknown rule or is misspelt, so suppressions "
               "do not outlive the defects they were written for. It is a hint (info): "
               "delete the comment, or correct the rule it names. Identical comments that "
               "did nothing alike, one after another, are reported up to ten; the last of "
               "a longer run stands for the rest, saying how many and from which line.",
};

static tqc_rule_info from_pass(const tqc_pass *p)
{
    return (tqc_rule_info){p->id, p->severity, p->summary, p->good, p->bad,
                             p->severities | TQC_SEV_BIT(p->severity), p->details};
}

size_t tqc_rules_catalogue(tqc_rule_info *out, size_t cap)
{
    for (size_t i = 0; i < tqc_pass_count && i < cap; i++)
        out[i] = from_pass(tqc_passes[i]);
    if (tqc_pass_count < cap)
        out[tqc_pass_count] = unused_suppression;
    return tqc_pass_count + 1;
}

bool tqc_rules_find(const char *id, tqc_rule_info *out)
{
    const tqc_pass *p = tqc_pass_find(id);
    if (p)
        *out = from_pass(p);
    else if (strcmp(id, unused_suppression.id) == 0)
        *out = unused_suppression;
    return p || strcmp(id, unused_suppression.id) == 0;
}

const char *tqc_rules_severities(unsigned set, const char *sep, char *buf, size_t cap)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int s = TQC_SEV_ERROR; s >= TQC_SEV_INFO; s--) {
        if (!(set & TQC_SEV_BIT(s)))
            continue;
        int n = snprintf(buf + used, cap - used, "%s%s", used ? sep : "",
                         tqc_severity_name((tqc_severity)s));
        if (n < 0 || (size_t)n >= cap - used)
            break;
        used += (size_t)n;
    }
    return buf;
}

const char *tqc_rules_doc_url(const char *id, char *buf, size_t cap)
{
    snprintf(buf, cap, "%s/%s.md", TQC_DOCS_URL, id);
    return buf;
}
