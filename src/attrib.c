/*
 * attrib.c: cue and speaker linking (in progress).
 */
#include "private.h"

bool
attribute(const quoth_extractor *ex, const char *text, token_list *tl,
          quoth_result *r)
{
	size_t i;

	(void)ex;
	(void)text;
	(void)tl;
	for (i = 0; i < r->nq; i++)
		r->q[i].rule = "none";
	return true;
}
