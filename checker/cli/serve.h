/* cli_serve: `tqc serve`, the HTTP server (LanguageTool's API, tqc's own, the page),
 * and `tqc lsp`, the language server on standard input and output. Each takes argv
 * after the command's name (argv[0] is the command) and returns the exit status. */
#ifndef TQC_CLI_SERVE_H
#define TQC_CLI_SERVE_H

int tqc_cli_serve(int argc, char **argv);
int tqc_cli_lsp(int argc, char **argv);

#endif
