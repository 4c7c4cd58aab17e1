/* project: each file's project settings for commands that check many files, from any
 * number of threads (check runs one, audit many workers). The config of a file is the
 * one named (--config) or the nearest `.tqc.ini` above its folder (run/config.h); each is
 * parsed once, and the answer is kept for the folder it was looked up from, so a corpus
 * of many files in few folders walks up and parses once per folder, not per file.
 * Nothing here prints: errors are written to err as "NAME: what is wrong", NAME being
 * how people know the file (as given, or relative to the working directory). */
#ifndef TQC_PROJECT_H
#define TQC_PROJECT_H

#include <stddef.h>

#include "run/checker.h"
#include "run/config.h"
#include "core/status.h"

typedef struct tqc_project tqc_project;

/* A project whose files all use the config at path config (NULL: each file's nearest
 * `.tqc.ini`), under the command line's settings cli (NULL: none; borrowed, so it must
 * outlive the project). The config is read when first needed. NULL when out of memory. */
tqc_project *tqc_project_new(const char *config, const tqc_config_overrides *cli);
/* Frees the project and every config it loaded (settings borrow from them). */
void tqc_project_free(tqc_project *p);

/* The config governing path in *cfg (NULL when none does); a folder is looked up from
 * itself, a file from its folder, standard input ("-" or NULL) from the working
 * directory. Thread-safe. */
tqc_status tqc_project_config(tqc_project *p, const char *path, const tqc_config **cfg,
                              char *err, size_t errlen);
/* path's effective settings (its config, then the command line), freed with
 * tqc_settings_free before the project. Thread-safe. */
tqc_status tqc_project_settings(tqc_project *p, const char *path, tqc_settings **out,
                                char *err, size_t errlen);

/* A checker for settings s (language, dictionaries, word lists, disabled rules and
 * severities), with the rule data in data_dir; own_speller as in tqc_dict_options. */
tqc_status tqc_project_checker(const tqc_settings *s, const char *data_dir, bool own_speller,
                               tqc_checker **out, char *err, size_t errlen);

/* path as people know it: relative to the working directory when under it (written to
 * buf), else path itself. */
const char *tqc_project_shown(const char *path, char *buf, size_t cap);

#endif
