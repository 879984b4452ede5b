package io.personastudio.interfaces.web;

import java.io.Serializable;

/** One line of the web chat: who said it (the owner or the persona) and what. */
public record ChatLine(boolean mine, String text) implements Serializable {}
