/** MicroProfile Health: liveness of the node, readiness of the database and schema. */
package io.personastudio.interfaces.health;
