/* config: project configuration. A `.tqc.ini` holds top-level settings and per-glob
 * sections that override them for the files they match:
 *
 *     lang = en
 *     fail-on = warning
 *     words = words/newsroom.txt, words/names.txt   # paths relative to this file
 *     words.pt = words/pt.txt                        # only for Portuguese files
 *     disable = boilerplate
 *     severity.capitalization = info
 *     [GLOB]                     # e.g. content/pt/ then ** then .html (tqc_glob_match)
 *     lang = pt
 *
 * The config for a file is the nearest `.tqc.ini` walking up from the file's folder,
 * stopping after a folder that holds `.git` (the repository root) or at `/`.
 * A file's effective settings are the built-in defaults, then the top-level keys, then
 * every section whose glob matches the file (in file order), then the command line;
 * scalars (lang, fail-on, dict-dir) are replaced, word lists accumulate, disable and
 * enable apply in that order. Every setting remembers where it came from.
 * Parse errors name the file and line. Nothing here prints or exits; paths are made
 * absolute lexically (no symbolic link is resolved), so a config and the files it
 * governs must be named through the same folders. */
#ifndef TQC_CONFIG_H
#define TQC_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "core/finding.h"
#include "core/status.h"

#define TQC_CONFIG_NAME ".tqc.ini"
/* A config is a few dozen lines; anything this big is not one. */
#define TQC_CONFIG_MAX_BYTES ((size_t)1 << 20)
/* Longest path or glob handled; longer ones are refused with an error. */
#define TQC_CONFIG_MAX_PATH 4096

typedef struct tqc_config tqc_config;

/* Parses the len bytes at text as the config at path (which places relative paths and
 * globs; it need not exist). Word lists and dict-dir folders must exist. On failure err
 * reads "PATH:LINE: what is wrong" (TQC_EINPUT) and *out is NULL. */
tqc_status tqc_config_parse(const char *path, const char *text, size_t len, tqc_config **out,
                            char *err, size_t errlen);
/* Reads and parses the file at path. */
tqc_status tqc_config_load(const char *path, tqc_config **out, char *err, size_t errlen);
void tqc_config_free(tqc_config *cfg);
/* The config's absolute path and folder; valid until tqc_config_free. */
const char *tqc_config_path(const tqc_config *cfg);
const char *tqc_config_dir(const tqc_config *cfg);

/* Walks up from folder dir for TQC_CONFIG_NAME as described above; writes the absolute
 * path to out. TQC_ENOTFOUND when there is none, TQC_ELIMIT when a path is too long. */
tqc_status tqc_config_find(const char *dir, char *out, size_t cap);

/* path made absolute (against the working directory) with `.`, `..` and repeated
 * slashes removed lexically. false when it does not fit in cap. */
bool tqc_config_abspath(const char *path, char *out, size_t cap);

/* Glob matching as sections use it, on a path relative to the config's folder: `*`
 * and `?` match within one path component, `**` across components (`**` then `/` also
 * matches no folder at all), `[a-z]`, `[!x]`, `{html,htm}` and `\` escapes. A glob
 * without `/` matches the file name in any folder; a leading `/` changes nothing (globs
 * with a slash are already relative to the config's folder). */
bool tqc_glob_match(const char *glob, const char *path);
/* NULL when glob is well formed, else what is wrong with it (static text). */
const char *tqc_glob_check(const char *glob);

/* Where a setting came from. */
typedef enum tqc_origin_kind { TQC_FROM_DEFAULT, TQC_FROM_CONFIG, TQC_FROM_CLI } tqc_origin_kind;
typedef struct tqc_origin {
    tqc_origin_kind kind;
    const char *file;       /* the config (TQC_FROM_CONFIG) */
    size_t line;
    const char *section;    /* the glob of its section, or NULL for the top level */
} tqc_origin;

/* The rules a config may name: every pass of the registry, then unused-suppression
 * (run/suppress.h), which the command line reports. */
size_t tqc_config_rule_count(void);
const char *tqc_config_rule_id(size_t i);
tqc_severity tqc_config_rule_default(size_t i);
/* The index of rule id, or SIZE_MAX when no rule has it. */
size_t tqc_config_rule_index(const char *id);

typedef struct tqc_rule_setting {
    const char *id;
    bool enabled;
    tqc_origin enabled_from;
    tqc_severity severity;  /* the default severity unless severity_set */
    bool severity_set;
    tqc_origin severity_from;
} tqc_rule_setting;

typedef struct tqc_word_setting {
    const char *path;
    const char *key;        /* `words`, `words.pt`...; "--words" from the command line */
    tqc_origin from;
} tqc_word_setting;

/* What the command line says; it wins over every config. NULL / false: not given. */
typedef struct tqc_config_overrides {
    const char *lang;
    bool fail_on_set;
    tqc_severity fail_on;
    const char *dict_dir;
    const char *const *words;
    size_t word_count;
    const char *const *disabled;
    size_t disabled_count;
} tqc_config_overrides;

/* A file's effective settings. Strings are borrowed from the config and the overrides:
 * valid while both live. */
typedef struct tqc_settings {
    const tqc_config *config;   /* NULL when no config applies */
    const char *lang;
    tqc_origin lang_from;
    tqc_severity fail_on;
    tqc_origin fail_on_from;
    const char *dict_dir;       /* colon-separated folders, or NULL */
    tqc_origin dict_dir_from;
    tqc_word_setting *words;    /* in order: config levels, then the command line */
    size_t word_count;
    tqc_rule_setting *rules;    /* tqc_config_rule_count() of them, in that order */
    size_t rule_count;
    char *dict_buf;             /* owned storage behind dict_dir */
} tqc_settings;

/* The settings of the file at path (absolute or relative to the working directory;
 * NULL for standard input, which only the top level applies to) under cfg (NULL: no
 * config) and the command line (NULL: none). *out is freed with tqc_settings_free. */
tqc_status tqc_settings_resolve(const tqc_config *cfg, const char *path,
                                const tqc_config_overrides *cli, tqc_settings **out);
void tqc_settings_free(tqc_settings *s);
/* true when a checker made for a would check exactly as one made for b would: same
 * language, dictionaries, word lists, enabled rules and severities. */
bool tqc_settings_same_checker(const tqc_settings *a, const tqc_settings *b);
/* The setting of rule id, or NULL when there is no such rule. */
const tqc_rule_setting *tqc_settings_rule(const tqc_settings *s, const char *id);

#endif
