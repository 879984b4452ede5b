/** Personas: whose writing is imitated, from which chat, with which active model. */
package io.personastudio.domain.persona;
