/** Infrastructure: persistence (JPA, migrations), batch, cluster coordination. */
package io.personastudio.infrastructure;
