/* input: turns a file into a sequence of documents, whatever its format: plain text
 * (chunks, read/reader.h), an HTML page (its article body), XLIFF 1.2/2.x and TMX (one doc a
 * segment, with its source text), JSONL (one doc a record). Each format is one reader
 * module (read_<format>.c) behind this one interface; docs read from markup carry a map
 * back to the file (core/doc.h), so findings name the file's own lines.
 * Parsing is hardened: libxml2 never touches the network, loads no DTD and no external
 * entity, and documents that declare entities (billion laughs, XXE) or nest absurdly
 * deep are refused with a clear error. Nothing here prints or exits; each error names
 * the file and, where it is known, the line and column.
 * The caller owns each doc tqc_input_next returns (tqc_doc_free). */
#ifndef TQC_INPUT_H
#define TQC_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "core/doc.h"
#include "core/status.h"

typedef enum tqc_input_format {
    TQC_INPUT_AUTO = 0, /* by extension, then by content (standard input: text) */
    TQC_INPUT_TEXT,
    TQC_INPUT_HTML,
    TQC_INPUT_XLIFF,
    TQC_INPUT_TMX,
    TQC_INPUT_JSONL
} tqc_input_format;

/* Whole-file formats (HTML) are read into memory up to this size: news pages are a
 * few hundred kilobytes, so anything near it is not an article. */
#define TQC_INPUT_MAX_BYTES ((size_t)64 << 20)
/* One JSONL record or one XLIFF/TMX segment may be this large; streaming formats keep
 * memory bounded by it whatever the file's size. */
#define TQC_INPUT_MAX_RECORD ((size_t)16 << 20)
/* Elements nested deeper than this are an attack or a broken generator, not a page or
 * a translation file (libxml2's own default limit for XML is 256 too). */
#define TQC_INPUT_MAX_DEPTH 256

typedef struct tqc_input tqc_input;

typedef struct tqc_input_options {
    tqc_input_format format;
    /* The language the docs are checked as (the checker's). Files that name their
     * target language are matched against it: a TMX unit gives its variant in this
     * language, and an XLIFF or JSONL target in another language is an error. */
    const char *lang;
    /* --lang auto: a bilingual file's own languages win over lang. An XLIFF target is
     * read in the language the file declares (none: doc->lang "" for the caller to
     * tell from the text); a TMX unit's target is its first variant not in the header's
     * srclang. */
    bool lang_from_file;
    const char *name;   /* display name (NULL: the path, or "<stdin>" for "-") */
    /* Parallel plain text (a text input only): the source-language file the target is
     * a translation of, paired with it paragraph by paragraph (see below), and its
     * language code (NULL or "": unknown; the source then serves the passes that need
     * no source profile or dictionary). NULL: no source. */
    const char *source;
    const char *source_lang;
    /* Refuse anything but a regular file, opened without blocking and checked on its
     * descriptor (audit: a FIFO or device must never stall a batch run). */
    bool regular_only;
} tqc_input_options;

/* Parallel plain text: both files are read whole (up to TQC_INPUT_MAX_BYTES each) and
 * split into paragraphs as the segmenter does (blank lines; one a line where lines are
 * longer than a hard-wrapped text's). With as many paragraphs on each side they pair
 * in order. Otherwise they are aligned by length (Gale and Church's method: pairs of
 * one and one, two and one, one and two, or one with none, the target/source length
 * ratio taken from the two files), and tqc_input_note says how: a paragraph left
 * without a counterpart joins its neighbour's pair, so the omission or addition pass
 * weighs it there. Each pair is one doc, placed in the target file by base_*; its
 * segment is "pN" (target paragraph N, or "pN-M"), with "/sK" added when the source
 * paragraphs are numbered otherwise ("p7/s8", "p3-4/s3"). */
#define TQC_INPUT_MAX_PARAGRAPHS ((size_t)1 << 20)

/* Parses "auto", "text", "html", "xliff", "tmx" or "jsonl"; false otherwise. */
bool tqc_input_format_parse(const char *name, tqc_input_format *out);
const char *tqc_input_format_name(tqc_input_format format);
/* The format of path by its extension, then by the first bytes of head[0, len) (may be
 * empty): TQC_INPUT_TEXT when nothing says otherwise. */
tqc_input_format tqc_input_detect(const char *path, const char *head, size_t len);
/* The format of the file at path, as tqc_input_open takes it (its first bytes read;
 * standard input "-" is text). */
tqc_input_format tqc_input_detect_file(const char *path);

/* Opens path ("-": standard input). On failure err names the file and the cause. */
tqc_status tqc_input_open(const char *path, const tqc_input_options *opts, tqc_input **out,
                          char *err, size_t errlen);
/* Reads an open stream instead of a file (any format but text, whose chunk reader
 * needs a path; TQC_INPUT_AUTO is taken from opts->name's extension only). The stream
 * stays the caller's: tqc_input_close does not close it. For embedding and fuzzing. */
tqc_status tqc_input_open_stream(FILE *stream, const tqc_input_options *opts, tqc_input **out,
                                 char *err, size_t errlen);
/* The next doc in *doc (the caller owns it), or NULL at the end of the input. On
 * failure err names the file and the position; the input can be closed, not continued. */
tqc_status tqc_input_next(tqc_input *in, tqc_doc **doc, char *err, size_t errlen);
/* After tqc_input_next failed with TQC_EINPUT: true when the error concerned one record
 * only (a bad JSONL line) and the next call goes on with the records after it, so every
 * valid record is checked and every bad one gets its own error. */
bool tqc_input_resumable(const tqc_input *in);
/* A warning about the doc the last tqc_input_next returned, "PATH:LINE: what" (a JSON
 * Lines id that an earlier record had), or NULL. Valid until the next call. */
const char *tqc_input_warning(const tqc_input *in);
/* Whether head starts with a UTF-16 byte order mark (FF FE or FE FF). A plain-text file
 * that does is decoded to UTF-8 when opened, and positions are those of the UTF-8 text. */
bool tqc_input_utf16_bom(const char *head, size_t n);
/* A note the caller may show about how the input was read, or NULL: parallel text
 * whose paragraph counts differ (what was paired with what). Valid until close. */
const char *tqc_input_note(const tqc_input *in);
/* true when a plain-text file was decoded from UTF-16 (tqc_input_utf16_bom): positions
 * are those of its UTF-8 text, not of the file's bytes. */
bool tqc_input_decoded(const tqc_input *in);
/* The format being read (never TQC_INPUT_AUTO once open). */
tqc_input_format tqc_input_format_of(const tqc_input *in);
void tqc_input_close(tqc_input *in);

#endif
