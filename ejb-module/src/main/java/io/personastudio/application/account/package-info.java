/** Registering and looking up accounts. */
package io.personastudio.application.account;
