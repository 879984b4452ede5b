/**
 * The persona model: a relevance dual encoder (trained with DJL, evaluated in plain Java), a
 * character n-gram style model of the person against the others, BM25 retrieval over the person's
 * own replies, the reply policy combining them, and the versioned artifact format.
 */
package io.personastudio.ml.model;
