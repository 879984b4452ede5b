/**
 * Who is signed in, for the website and the API: one authentication mechanism (session for pages,
 * MP-JWT bearer tokens for {@code /api}), the database identity store, throttling of failed
 * sign-ins, security headers and cookie settings.
 */
package io.personastudio.interfaces.web.security;
