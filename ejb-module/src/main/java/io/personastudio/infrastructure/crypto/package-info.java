/** Encryption at rest of chat content: AES-256-GCM with named keys that can rotate. */
package io.personastudio.infrastructure.crypto;
