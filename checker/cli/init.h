/* cli_init: `tqc init` writes a commented .tqc.ini, every setting at its default. */
#ifndef TQC_CLI_INIT_H
#define TQC_CLI_INIT_H

/* tqc init [--force] [DIR]: returns the exit status (0 written, 2 not). */
int tqc_cli_init(int argc, char **argv);

#endif
