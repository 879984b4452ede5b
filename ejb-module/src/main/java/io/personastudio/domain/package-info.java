/** The domain model: what Persona Studio is about, free of JSF, JAX-RS, Telegram and DJL types. */
package io.personastudio.domain;
