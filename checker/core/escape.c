/* escape: XML and HTML string contents, for every writer of either (JSON is jansson's:
 * core/json.h). */
#include "core/escape.h"

#include "core/text.h"

/* One escaper, three flavours: XML text, XML attribute values, HTML. */
static void write_escaped(FILE *out, const char *s, size_t len, bool attr, bool html)
{
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t n = tqc_text_decode(s + i, len - i, &cp);
        switch (cp) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs(html ? "&#39;" : "&apos;", out); break;
        case '\t': fputs(attr ? "&#9;" : "\t", out); break;
        case '\n': fputs(attr ? "&#10;" : "\n", out); break;
        case '\r':
            if (!html)
                fputs("&#13;", out); /* a raw CR would be read as a line break */
            else if (!(i + 1 < len && s[i + 1] == '\n'))
                fputc('\n', out);
            break;
        default:
            /* Not allowed in XML 1.0, even as &#n;; in HTML, C1 controls neither. */
            if (cp < 0x20 || cp == 0xFFFE || cp == 0xFFFF ||
                (html && (cp == 0x7F || (cp >= 0x80 && cp < 0xA0))))
                fputs("\xEF\xBF\xBD", out);
            else
                fwrite(s + i, 1, n, out);
            break;
        }
        i += n;
    }
}

void tqc_xml_write_string(FILE *out, const char *s, size_t len, bool attr)
{
    write_escaped(out, s, len, attr, false);
}

void tqc_html_write_string(FILE *out, const char *s, size_t len)
{
    write_escaped(out, s, len, false, true);
}
