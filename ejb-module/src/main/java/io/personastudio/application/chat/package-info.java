/** Talking to personas: the runtime that loads active models and answers, on any node. */
package io.personastudio.application.chat;
