package io.personastudio.application.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.personastudio.domain.DomainException;
import io.personastudio.testing.ShippedWar;
import jakarta.inject.Inject;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** In the container: the EJB service writes through JPA and reads back from PostgreSQL. */
@ExtendWith(ArquillianExtension.class)
class AccountServiceIT {

  @Deployment
  static WebArchive deployment() {
    return ShippedWar.withTest(AccountServiceIT.class);
  }

  @Inject AccountService accounts;

  @Inject PasswordHashing passwords;

  @Test
  void aRegisteredAccountIsFoundByIdAndByEmailInAnyCase() {
    String email = "round-" + UUID.randomUUID() + "@example.org";

    AccountView created = accounts.register(new Registration(email, " Bea ", "plum-Tree-77"));

    assertThat(created.displayName()).isEqualTo("Bea");
    assertThat(accounts.find(created.id())).contains(created);
    assertThat(accounts.findByEmail(email.toUpperCase()))
        .map(AccountView::id)
        .contains(created.id());
  }

  @Test
  void anInvalidAddressIsRefusedBeforeAnythingIsWritten() {
    assertThatThrownBy(
            () -> accounts.register(new Registration("not-an-address", "X", "plum-Tree-77")))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("not valid");
  }

  @Test
  void storedHashesVerifyOnlyTheirOwnPassword() {
    String hash = passwords.hash("plum-Tree-77");

    assertThat(passwords.matches("plum-Tree-77", hash)).isTrue();
    assertThat(passwords.matches("plum-Tree-78", hash)).isFalse();
  }
}
