/* cli_common: what the commands of the command line (cli/main.c, cli/config.c, cli/audit.c)
 * share: where the rule data is, whether to colour, and how a baseline names files. */
#ifndef TQC_CLI_COMMON_H
#define TQC_CLI_COMMON_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* The folder holding rules/ and dictionaries/: $TQC_DATA_DIR, else beside the binary
 * (or one level up) in a source tree, else ../share/tqc when installed, else the
 * compiled-in TQC_DATADIR. */
void tqc_cli_data_dir(char *out, size_t cap);

/* --color WHEN (auto, always, never) for standard output: auto colours a terminal
 * unless NO_COLOR is set or TERM is dumb. */
bool tqc_cli_use_color(const char *when);

/* The folder a baseline's paths are relative to: the baseline file's (the working
 * directory for NULL or -), absolute. false when it does not fit in cap. */
bool tqc_cli_baseline_dir(const char *baseline, char *out, size_t cap);
/* path's key in such a baseline (malloc'd; NULL when out of memory): relative to
 * base_dir when under it, else absolute; standard input is "<stdin>". */
char *tqc_cli_baseline_key(const char *base_dir, const char *path);

/* Makes standard error escape control characters (\xHH): a file name holding ESC then
 * cannot drive the terminal through an error message. Line-buffered. */
void tqc_cli_safe_stderr(void);
/* Standard error as it was, for tqc's own terminal control codes (the audit's progress
 * line: carriage return, erase line), which carry no text from a file. */
FILE *tqc_cli_tty_stderr(void);

/* Ctrl-C and SIGTERM for check and audit. The first sets the stop flag, which checkers
 * consult before each doc and between passes (core/cancel.h: tqc_cancel_after(0, flag)),
 * so that the command winds down and exits 130. A pass still running on a huge document
 * is not waited for: grace_ms after the signal, or at a second one, the process ends
 * there (status 130, `tqc: interrupted` on standard error, a temporary file being
 * written removed). check has nothing to finish: a second is plenty; audit gets longer
 * to write its summary, JSON and database of what was done. */
#define TQC_CLI_STOP_GRACE_MS 1000
#define TQC_CLI_AUDIT_STOP_GRACE_MS 3000
void tqc_cli_stop_install(unsigned grace_ms);
/* No more deadline: the command has wound down. A signal from now on (while a summary
 * or a dashboard is written) ends the process at once, as the grace period's end does. */
void tqc_cli_stop_disarm(void);
const atomic_int *tqc_cli_stop_flag(void);
bool tqc_cli_stopped(void);

#endif
