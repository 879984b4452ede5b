/**
 * Evaluation by the protocol of the shared corpora: time split, Hits@1/20 in two variants, style
 * fidelity against a speaker classifier, unigram F1, distinct-2, verbatim share, latency, and the
 * TF-IDF retrieval baseline on the same split.
 */
package io.personastudio.ml.eval;
