/* escape: XML string contents, for every writer of XML (JSON is jansson's: core/json.h). */
#include "core/escape.h"

#include "core/text.h"

void tqc_xml_write_string(FILE *out, const char *s, size_t len, bool attr)
{
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t n = tqc_text_decode(s + i, len - i, &cp);
        switch (cp) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&apos;", out); break;
        case '\t': fputs(attr ? "&#9;" : "\t", out); break;
        case '\n': fputs(attr ? "&#10;" : "\n", out); break;
        case '\r': fputs("&#13;", out); break; /* a raw CR would be read as a line break */
        default:
            if (cp < 0x20 || cp == 0xFFFE || cp == 0xFFFF)
                fputs("\xEF\xBF\xBD", out); /* not allowed in XML 1.0, even as &#n; */
            else
                fwrite(s + i, 1, n, out);
            break;
        }
        i += n;
    }
}
