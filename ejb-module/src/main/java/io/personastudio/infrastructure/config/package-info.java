/** Run-time configuration of a node, read through MicroProfile Config (env vars win). */
package io.personastudio.infrastructure.config;
