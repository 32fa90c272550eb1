/* fuzz_result.h: the result checks every target runs (fuzz_result.c). */
#ifndef QUOTH_FUZZ_RESULT_H
#define QUOTH_FUZZ_RESULT_H

#include "quoth.h"

/* Walk every accessor of `r`, extracted from a text of `len` bytes with
 * the type mask `types`; abort on a broken promise. */
void fuzz_check_result(const quoth_result *r, size_t len, unsigned types);

#endif
