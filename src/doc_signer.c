/*
 * doc_signer.c: attribution, the signer of a document that is a cue's
 * subject: "The email, signed by Ida Lund, said", "A statement issued by
 * Kell Media said", "The memo, written by Tom Weir, said".  SPEC: a
 * document's speaker is its issuer, so the speaker is the one after
 * "by" when the participle before it issues documents (classes.txt's
 * send verbs: "signed", "written", "issued"; not "obtained by
 * reporters", "seen by").  Called by the subject reader (subject.c);
 * reads tokens, classes.txt and the speaker parser.
 */
#include "attrib_int.h"
#include "subject_int.h"

bool
qt_document_signer(actx *c, size_t end, speaker *sp, size_t *mention_end,
                   int last_speaker)
{
	size_t y, d, m;
	speaker who;

	if (sp->kind == SK_PRONOUN || sp->b > end || end < 4)
		return false;
	for (y = end - 2; y > sp->a + 1 && end - y < SIGNER_TOKENS; y--) {
		if (!wordeq(c, y, "by") || c->inq[y])
			continue;
		d = is_p(&c->t[y - 2], ',') ? y - 3 : y - 2;
		if (d < sp->a || d + 1 > sp->b ||
		    !class_is(c, y - 1, CL_SEND_VERB) || c->inq[y - 1] ||
		    !qt_doc_noun(c, d, 0, CL_WRITTEN))
			return false;
		m = qt_parse_speaker_fwd(c, y + 1, &who, last_speaker);
		if (m <= y + 1 || who.kind == SK_PRONOUN ||
		    !(m == end || (m + 1 == end && is_p(&c->t[m], ','))))
			return false;
		*sp = who;
		*mention_end = m;
		return true;
	}
	return false;
}
