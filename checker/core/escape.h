/* escape: the contents of XML text, escaped as XML requires (JSON: core/json.h). */
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

#endif
