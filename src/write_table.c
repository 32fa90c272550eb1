/*
 * write_table.c: the table format, for people at a terminal.
 *
 * Per document (the CLI_COL_GROUP column) a heading, then the columns
 * marked CLI_COL_TABLE aligned in display columns (utf8proc_charwidth, so
 * CJK and combining marks line up).  Rows are kept until the group ends
 * because widths depend on every row.  Inside a cell, line breaks and runs
 * of white space become one space and control characters are dropped, by
 * cli_table_clean(), the one sanitiser of every table (verify's blocks in
 * cli_verify.c use it too: write_table.h); the CLI_COL_FLEX column gets whatever the terminal width leaves and is cut
 * with an ellipsis, other columns are cut at MAX_COL.
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "write_table.h"

#define MAX_COL 32  /* widest non-flex column, in display columns */
#define MIN_FLEX 12 /* the flex column never shrinks below this */
#define GAP 2       /* spaces between columns */

struct tcell {
	size_t off, len; /* text in the table's arena */
	size_t width;    /* display width of the whole text */
	int num;         /* right-aligned */
};

struct cli_table {
	struct cli_buf text; /* the cells' (cleaned) text */
	struct tcell *cells; /* row-major, nshown per row */
	size_t ncells, cap;
	size_t nshown; /* CLI_COL_TABLE columns */
	size_t rows;
	char *group; /* the current group's value, or NULL */
	int failed;
};

static size_t
cp_width(int32_t cp)
{
	int w = utf8proc_charwidth(cp);

	return w > 0 ? (size_t)w : 0;
}

/* Append s[0..n) cleaned for one table cell; returns its display width.
 * The one sanitiser of every table (write_table.h). */
size_t
cli_table_clean(struct cli_buf *b, const char *s, size_t n)
{
	utf8proc_uint8_t enc[4];
	int32_t cp;
	size_t i = 0, k, width = 0;
	int space = 0, any = 0;

	while (i < n) {
		/* (a run of printable ASCII, one display column a byte, is
		 * copied whole: most of the text) */
		for (k = i; k < n && s[k] > 0x20 && s[k] < 0x7f; k++)
			;
		if (k > i) {
			if (space) {
				cli_buf_putc(b, ' ');
				width++;
				space = 0;
			}
			cli_buf_put(b, s + i, k - i);
			width += k - i;
			any = 1;
			i = k;
			continue;
		}
		k = cli_utf8_next(s + i, n - i, &cp);
		i += k;
		if (cli_is_space(cp)) {
			space = any;
			continue;
		}
		if (utf8proc_category(cp) == UTF8PROC_CATEGORY_CC)
			continue;
		if (space) {
			cli_buf_putc(b, ' ');
			width++;
			space = 0;
		}
		k = (size_t)utf8proc_encode_char(cp, enc);
		cli_buf_put(b, (const char *)enc, k);
		width += cp_width(cp);
		any = 1;
	}
	return width;
}

static struct cli_table *
table_get(struct cli_writer *w)
{
	size_t i;

	if (w->table)
		return w->table;
	w->table = calloc(1, sizeof *w->table);
	if (!w->table) {
		w->out->failed = 1;
		return NULL;
	}
	for (i = 0; i < w->ncols; i++)
		if ((w->cols[i].flags & CLI_COL_TABLE) &&
		    !(w->cols[i].flags & CLI_COL_GROUP))
			w->table->nshown++;
	return w->table;
}

static void
table_reset(struct cli_table *t)
{
	cli_buf_clear(&t->text);
	t->ncells = 0;
	t->rows = 0;
	free(t->group);
	t->group = NULL;
}

static const char *
value_color(const char *s, size_t n)
{
	static const struct {
		const char *value;
		const char *sgr;
	} colors[] = {
	        {"direct", "32"},  {"mixed", "36"},   {"indirect", "33"},
	        {"partial", "35"}, {"exact", "32"},   {"elided", "36"},
	        {"altered", "33"}, {"missing", "31"},
	};
	size_t i;

	for (i = 0; i < sizeof colors / sizeof colors[0]; i++)
		if (strlen(colors[i].value) == n &&
		    memcmp(colors[i].value, s, n) == 0)
			return colors[i].sgr;
	return NULL;
}

/* Append at most `width` display columns of s[0..n), ending with an
 * ellipsis when cut; returns the display width written. */
static size_t
put_cut(struct cli_buf *b, const char *s, size_t n, size_t full, size_t width)
{
	int32_t cp;
	size_t i = 0, k, w = 0, cw;

	if (full <= width) {
		cli_buf_put(b, s, n);
		return full;
	}
	if (width == 0)
		return 0;
	while (i < n) {
		k = cli_utf8_next(s + i, n - i, &cp);
		cw = cp_width(cp);
		if (w + cw > width - 1)
			break;
		w += cw;
		i += k;
	}
	/* A cut cell must not end in a space before the ellipsis. */
	while (i > 0 && s[i - 1] == ' ') {
		i--;
		w--;
	}
	cli_buf_put(b, s, i);
	cli_buf_puts(b, "\xE2\x80\xA6");
	return w + 1;
}

static void
pad(struct cli_buf *b, size_t n)
{
	while (n-- > 0)
		cli_buf_putc(b, ' ');
}

/* Append one line held in `line`, without trailing spaces. */
static void
put_line(struct cli_buf *out, struct cli_buf *line)
{
	size_t n = line->len;

	while (n > 0 && line->ptr[n - 1] == ' ')
		n--;
	cli_buf_put(out, line->ptr, n);
	cli_buf_putc(out, '\n');
	cli_buf_clear(line);
}

static void
render(struct cli_writer *w, struct cli_table *t)
{
	struct cli_buf line = {0};
	const struct cli_column *col;
	const struct tcell *c;
	size_t *width = NULL, *index = NULL;
	size_t i, j, r, used = 0, flex = (size_t)-1, wrote, len;
	const char *sgr, *s;

	if (t->failed) {
		w->out->failed = 1;
		goto done;
	}
	/* The heading: the document, and how many rows it has. */
	if (w->color)
		cli_buf_puts(w->out, "\x1b[1m");
	if (t->group)
		cli_buf_printf(w->out, "%s: ", t->group);
	if (t->rows == 0)
		cli_buf_printf(w->out, "no %ss", w->noun);
	else
		cli_buf_printf(w->out, "%zu %s%s", t->rows, w->noun,
		               t->rows == 1 ? "" : "s");
	if (w->color)
		cli_buf_puts(w->out, "\x1b[0m");
	cli_buf_putc(w->out, '\n');
	if (t->rows == 0 || t->nshown == 0)
		goto done;

	width = calloc(t->nshown, sizeof *width);
	index = calloc(t->nshown, sizeof *index);
	if (!width || !index) {
		w->out->failed = 1;
		goto done;
	}
	for (i = j = 0; i < w->ncols; i++)
		if ((w->cols[i].flags & CLI_COL_TABLE) &&
		    !(w->cols[i].flags & CLI_COL_GROUP))
			index[j++] = i;
	for (j = 0; j < t->nshown; j++) {
		col = &w->cols[index[j]];
		width[j] = strlen(col->name);
		for (r = 0; r < t->rows; r++) {
			c = &t->cells[r * t->nshown + j];
			if (c->width > width[j])
				width[j] = c->width;
		}
		if (col->flags & CLI_COL_FLEX) {
			flex = j;
			continue;
		}
		if (width[j] > MAX_COL)
			width[j] = MAX_COL;
		used += width[j];
	}
	used += GAP * (t->nshown - 1);
	if (flex != (size_t)-1) {
		size_t room = used < w->width ? w->width - used : 0;

		if (room < MIN_FLEX)
			room = MIN_FLEX;
		if (width[flex] > room)
			width[flex] = room;
	}

	/* Header row; numbers and their names align right. */
	for (j = 0; j < t->nshown; j++) {
		col = &w->cols[index[j]];
		len = strlen(col->name);
		if (j)
			pad(&line, GAP);
		if (t->cells[j].num)
			pad(&line, width[j] - len);
		if (w->color)
			cli_buf_puts(&line, "\x1b[1m");
		cli_buf_puts(&line, col->name);
		if (w->color)
			cli_buf_puts(&line, "\x1b[0m");
		if (!t->cells[j].num)
			pad(&line, width[j] - len);
	}
	put_line(w->out, &line);

	for (r = 0; r < t->rows; r++) {
		for (j = 0; j < t->nshown; j++) {
			c = &t->cells[r * t->nshown + j];
			s = t->text.ptr ? t->text.ptr + c->off : "";
			len = c->len;
			if (j)
				pad(&line, GAP);
			if (c->num && c->width < width[j])
				pad(&line, width[j] - c->width);
			sgr = NULL;
			if (w->color &&
			    (w->cols[index[j]].flags & CLI_COL_COLOR))
				sgr = value_color(s, len);
			if (sgr)
				cli_buf_printf(&line, "\x1b[%sm", sgr);
			wrote = put_cut(&line, s, len, c->width, width[j]);
			if (sgr)
				cli_buf_puts(&line, "\x1b[0m");
			if (!c->num)
				pad(&line, width[j] - wrote);
		}
		put_line(w->out, &line);
	}
	if (line.failed)
		w->out->failed = 1;
done:
	cli_buf_free(&line);
	free(width);
	free(index);
	table_reset(t);
}

void
cli_table_group(struct cli_writer *w, const char *s, size_t n)
{
	struct cli_table *t = table_get(w);
	struct cli_buf b = {0};

	if (!t)
		return;
	cli_table_clean(&b, s ? s : "", s ? n : 0);
	if (b.failed) {
		t->failed = 1;
		return;
	}
	if (t->group && strcmp(t->group, b.ptr ? b.ptr : "") == 0) {
		cli_buf_free(&b);
		return;
	}
	if (t->group || t->rows)
		render(w, t);
	t->group = b.ptr ? b.ptr : calloc(1, 1);
	if (!t->group)
		t->failed = 1;
}

void
cli_table_cell(struct cli_writer *w, const struct cli_cell *c)
{
	const struct cli_column *col = &w->cols[w->col];
	struct cli_table *t;
	struct tcell *cell, *p;
	size_t ncap;

	if (col->flags & CLI_COL_GROUP) {
		if (c->kind == CLI_CELL_STR || c->kind == CLI_CELL_NUM)
			cli_table_group(w, c->s, c->n);
		return;
	}
	if (!(col->flags & CLI_COL_TABLE))
		return;
	t = table_get(w);
	if (!t)
		return;
	if (t->ncells == t->cap) {
		ncap = t->cap ? t->cap * 2 : 64;
		p = ncap > (size_t)-1 / sizeof *p
		            ? NULL
		            : realloc(t->cells, ncap * sizeof *p);
		if (!p) {
			t->failed = 1;
			return;
		}
		t->cells = p;
		t->cap = ncap;
	}
	cell = &t->cells[t->ncells++];
	cell->off = t->text.len;
	cell->width = 0;
	cell->num = c->kind == CLI_CELL_NUM;
	if (c->kind == CLI_CELL_STR || c->kind == CLI_CELL_NUM ||
	    c->kind == CLI_CELL_BOOL)
		cell->width = cli_table_clean(&t->text, c->s, c->n);
	cell->len = t->text.len - cell->off;
	if (t->text.failed)
		t->failed = 1;
}

void
cli_table_row_end(struct cli_writer *w)
{
	struct cli_table *t = table_get(w);

	if (t)
		t->rows++;
}

void
cli_table_finish(struct cli_writer *w)
{
	struct cli_table *t = w->table;

	if (!t)
		return;
	if (t->group || t->rows)
		render(w, t);
	cli_buf_free(&t->text);
	free(t->cells);
	free(t->group);
	free(t);
	w->table = NULL;
}
