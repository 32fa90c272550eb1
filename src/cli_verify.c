/*
 * cli_verify.c: `quoth verify`.  A placeholder until the verify command
 * lands; it keeps the subcommand's exit status honest (2: not done).
 */
#include "cli.h"

int
cli_verify(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_error("verify: not implemented yet");
	return CLI_EXIT_ERROR;
}
