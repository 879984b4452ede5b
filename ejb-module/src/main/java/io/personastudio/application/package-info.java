/** Application services: the use cases, as transactional EJBs that the interfaces call. */
package io.personastudio.application;
