/** Creating personas from uploaded chats, listing and reading them, for their owners only. */
package io.personastudio.application.persona;
