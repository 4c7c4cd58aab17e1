/* escape: the contents of XML and HTML text, escaped as each requires (JSON:
 * core/json.h). */
#ifndef TQC_ESCAPE_H
#define TQC_ESCAPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Writes the len bytes at s as XML 1.0 character data, or an attribute value when attr
 * (no quotes): & < > " ' escaped, and in attributes tab, CR and LF too so they survive
 * attribute normalisation. Characters XML forbids (C0 controls, U+FFFE, U+FFFF) and
 * invalid UTF-8 bytes become U+FFFD. */
void tqc_xml_write_string(FILE *out, const char *s, size_t len, bool attr);
/* The same for HTML text or an attribute value (quoted by the caller): a CR before LF
 * is dropped and a lone CR becomes LF (what a browser would do anyway); C1 controls and
 * DEL become U+FFFD too. */
void tqc_html_write_string(FILE *out, const char *s, size_t len);

#endif
