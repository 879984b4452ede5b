/** The access-token page: create (shown once, deep link, QR code), list and revoke. */
package io.personastudio.interfaces.web.tokens;
