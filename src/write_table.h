/*
 * write_table.h: the table's one sanitiser (src/write_table.c), for every
 * text a table shows: the generic table's cells and headings, and the
 * blocks of `quoth verify -f table` (cli_verify.c).  Articles, sources
 * and file names may hold escape sequences ("\x1b]0;title\x07" sets a
 * terminal's title, "\x1b[2J" clears it); none may reach the terminal.
 */
#ifndef QUOTH_WRITE_TABLE_H
#define QUOTH_WRITE_TABLE_H

#include "cli.h"

/*
 * Append s[0..n) to b fit for a terminal: invalid UTF-8 becomes U+FFFD,
 * control characters (Unicode Cc: ESC, BEL, C1 controls) are dropped,
 * line breaks and runs of white space become one space, leading and
 * trailing white space goes.  Returns the display width appended.
 */
size_t cli_table_clean(struct cli_buf *b, const char *s, size_t n);

#endif
