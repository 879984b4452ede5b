/** The ML unit: chat import, persona models, reply/rank/evaluate. Knows nothing of Jakarta EE. */
package io.personastudio.ml;
