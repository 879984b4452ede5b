/** Text features shared by the models and the evaluation: tokens, vocabulary, sparse TF-IDF. */
package io.personastudio.ml.text;
