/* cli_help: each command's help, the one source of `tqc --help`, `tqc CMD --help`,
 * `tqc help CMD` and the man page (`tqc help --man`); and the rule documentation of
 * `tqc rules RULE`, `tqc explain RULE` and docs/rules/ (`tqc explain --markdown`). */
#ifndef TQC_CLI_HELP_H
#define TQC_CLI_HELP_H

#include <stdbool.h>
#include <stdio.h>

/* Whether tqc has this command. */
bool tqc_cli_is_command(const char *name);
/* Prints command's help (NULL: the overview) to out; false for an unknown command. */
bool tqc_cli_help_print(const char *command, FILE *out);
/* Whether argv[1, argc) asks for help (-h or --help before any --). */
bool tqc_cli_wants_help(int argc, char **argv);
/* tqc help [--man | --commands | COMMAND]: returns the exit status. */
int tqc_cli_help(int argc, char **argv);
/* tqc rules [--ids] [RULE...] and tqc explain [--markdown] RULE...: the exit status. */
int tqc_cli_rules(int argc, char **argv, bool explain);

#endif
