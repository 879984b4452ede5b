/** The account page: change the password, download my data, delete the account. */
package io.personastudio.interfaces.web.account;
