/*
 * subject_int.h: helpers shared by the subject readers (subject.c,
 * link.c, cues_subject.c), defined in words.c and link_phrases.c.  Not
 * installed.
 */
#ifndef QUOTH_SUBJECT_INT_H
#define QUOTH_SUBJECT_INT_H

#include "attrib_int.h"

bool qt_party_tag(const actx *c, size_t a, size_t b);
bool qt_plural_person_at(const actx *c, size_t h);
bool qt_plural_head_prep(const actx *c, size_t h);
/* link_phrases.c */
size_t qt_affiliation_at(const actx *c, size_t j);
size_t qt_described_at(const actx *c, size_t j, speaker *sp);
size_t qt_described_before_cue(const actx *c, size_t j, speaker *sp);
/* doc_signer.c: the signer of a document subject ending before the
 * cue at end, "The email, signed by Ida Lund, said", "A statement
 * issued by Kell Media said": *sp becomes the one after "by" (SPEC: a
 * document's speaker is its issuer).  False, *sp untouched, when the
 * subject *sp is no such document. */
#define SIGNER_TOKENS 12
bool qt_document_signer(actx *c, size_t end, speaker *sp, size_t *mention_end,
                        int last_speaker);

#endif
