/*
 * tagger_state.c: what an extractor keeps for its tagger, shared by the
 * threads that extract with it: the built-in weights, loaded at their
 * first use (many runs never need the tagger), and a pool of tagging
 * works that documents reuse (a work keeps the features it resolved).  Called by extract.c (making and
 * freeing) and classes.c (using); calls the tagger only.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tagger.h"

/* What an extractor keeps for its tagger: the built-in weights until
 * their first use, and the works of the documents that tagged. */
struct qt_tagger_state {
	pthread_mutex_t mu;
	atomic_int done; /* 0 not yet, 1 tg is parsed, 2 parsing failed */
	qt_tagger *tg;
	const qt_tagger_image *img; /* the built-in weights, or NULL */
	char path[4096];
	/* the work given back last, claimed with no lock: one thread
	 * taking and giving back a work for each word it asks about
	 * (classes.c's qt_pos_at()) finds it here, 12,000 times on 2 MB of
	 * news, where a lock and an unlock each way cost 1.4M
	 * instructions */
	_Atomic(struct work_node *) slot;
	struct work_node *idle; /* the other works given back */
};

struct work_node {
	qt_tagger_work w; /* (first: a work is its node) */
	struct work_node *next;
};

const qt_tagger *
qt_lang_tagger(const lang_data *ld, bool *failed)
{
	struct qt_tagger_state *ts = ld->tagger_state;
	const qt_tagger *tg;
	quoth_error err;
	int st;

	if (ld->tagger || !ts || !ts->img)
		return ld->tagger;
	st = atomic_load_explicit(&ts->done, memory_order_acquire);
	if (st == 0) {
		pthread_mutex_lock(&ts->mu);
		st = atomic_load_explicit(&ts->done, memory_order_relaxed);
		/* (only memory can fail, and a failure is remembered, not
		 * retried by every caller) */
		if (st == 0) {
			st = qt_tagger_from_image(ts->img, ts->path, &ts->tg,
			                          &err) == QUOTH_OK
			             ? 1
			             : 2;
			atomic_store_explicit(&ts->done, st,
			                      memory_order_release);
		}
		pthread_mutex_unlock(&ts->mu);
	}
	tg = st == 1 ? ts->tg : NULL;
	if (!tg)
		*failed = true;
	return tg;
}

qt_tagger_work *
qt_lang_tagger_work(const lang_data *ld)
{
	struct qt_tagger_state *ts = ld->tagger_state;
	struct work_node *n;

	if (!ts)
		return NULL;
	n = atomic_exchange_explicit(&ts->slot, NULL, memory_order_acquire);
	if (n)
		return &n->w;
	pthread_mutex_lock(&ts->mu);
	n = ts->idle;
	if (n)
		ts->idle = n->next;
	pthread_mutex_unlock(&ts->mu);
	return n ? &n->w : calloc(1, sizeof(*n));
}

void
qt_lang_tagger_work_done(const lang_data *ld, qt_tagger_work *w)
{
	struct qt_tagger_state *ts = ld->tagger_state;
	struct work_node *n = (struct work_node *)w, *none = NULL;

	if (!w)
		return;
	if (atomic_compare_exchange_strong_explicit(&ts->slot, &none, n,
	                                            memory_order_release,
	                                            memory_order_relaxed))
		return;
	pthread_mutex_lock(&ts->mu);
	n->next = ts->idle;
	ts->idle = n;
	pthread_mutex_unlock(&ts->mu);
}

void
qt_tagger_state_free(struct qt_tagger_state *ts)
{
	struct work_node *n, *next;

	if (!ts)
		return;
	n = atomic_load_explicit(&ts->slot, memory_order_acquire);
	if (n) {
		qt_tagger_work_free(&n->w);
		free(n);
	}
	for (n = ts->idle; n; n = next) {
		next = n->next;
		qt_tagger_work_free(&n->w);
		free(n);
	}
	qt_tagger_free(ts->tg);
	pthread_mutex_destroy(&ts->mu);
	free(ts);
}

struct qt_tagger_state *
qt_tagger_state_new(const qt_tagger_image *img, const char *path)
{
	struct qt_tagger_state *ts = calloc(1, sizeof(*ts));

	if (!ts || pthread_mutex_init(&ts->mu, NULL) != 0) {
		free(ts);
		return NULL;
	}
	atomic_init(&ts->slot, NULL);
	if (img) {
		ts->img = img;
		snprintf(ts->path, sizeof(ts->path), "%s", path);
	}
	return ts;
}
