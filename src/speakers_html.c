/* speakers_html.c (CLI): `quoth speakers -f html` (the page comes with the
 * shared HTML helpers of cli_html.c). */
#include "speakers_audit.h"

void
cli_audit_html(struct cli_buf *b, const struct audit_view *v)
{
	(void)v;
	cli_buf_puts(b, "<!DOCTYPE html>\n");
}
