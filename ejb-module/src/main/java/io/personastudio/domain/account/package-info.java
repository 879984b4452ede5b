/** Accounts of the people who upload chats and own personas. */
package io.personastudio.domain.account;
