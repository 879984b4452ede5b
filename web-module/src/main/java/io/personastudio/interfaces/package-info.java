/** The interfaces people and machines use: REST API, health, (later) JSF views. */
package io.personastudio.interfaces;
