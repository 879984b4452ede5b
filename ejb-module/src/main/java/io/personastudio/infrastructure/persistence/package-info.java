/** The PostgreSQL schema (Flyway migrations in {@code db/migration}) and its state. */
package io.personastudio.infrastructure.persistence;
