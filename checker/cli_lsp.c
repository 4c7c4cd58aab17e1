/* cli_lsp: `tqc lsp`, a language server on standard input and output (cli_serve.h). */
#include "cli_serve.h"

#include <stdio.h>

int tqc_cli_lsp(int argc, char **argv)
{
    fputs("tqc lsp: not built yet\n", stderr);
    return 2;
}
