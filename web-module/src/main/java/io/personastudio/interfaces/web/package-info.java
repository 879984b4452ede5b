/**
 * The website: JSF (PrimeFaces) backing beans. Every text comes from the {@code messages} bundles
 * (English, Russian); every id a page receives is checked against the signed-in account by the
 * application services.
 */
package io.personastudio.interfaces.web;
