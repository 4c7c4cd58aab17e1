/* cli_audit: the `tqc audit` and `tqc merge` commands: options, the progress line, the
 * SIGINT handler, and the wiring of the audit engine (run/audit.h) to a reporter, the
 * database (report/audit_db.h), the summary files and the dashboard (report/audit_html.h). cli/main.c
 * dispatches to these; they print and return exit codes like the rest of the CLI. */
#ifndef TQC_CLI_AUDIT_H
#define TQC_CLI_AUDIT_H

/* Exit status of an audit stopped by SIGINT (128 + the signal, as shells report it),
 * after it wrote the summary of what was done. */
#define TQC_EXIT_INTERRUPTED 130

/* `tqc audit ...`: argv[0] is "audit". Returns the exit status: 0 done, 2 usage error,
 * unreadable files or an output that could not be written, 130 interrupted. */
int tqc_cli_audit(int argc, char **argv);
/* `tqc merge ...`: argv[0] is "merge". Returns 0 or 2. */
int tqc_cli_merge(int argc, char **argv);

#endif
