package io.personastudio.application.account;

import io.personastudio.domain.DomainException;
import io.personastudio.domain.account.Account;
import io.personastudio.domain.account.EmailAddress;
import io.personastudio.domain.account.PasswordPolicy;
import io.personastudio.infrastructure.config.StudioConfig;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * What a person decides about their own account: a new password, and deleting the account with
 * everything it owns. (Their data as JSON is {@link AccountExport}.)
 */
@Stateless
public class AccountPrivacy {

  private static final Logger LOG = Logger.getLogger(AccountPrivacy.class.getName());

  @PersistenceContext(unitName = "persona")
  EntityManager em;

  @Inject PasswordHashing passwords;
  @Inject StudioConfig config;

  /** Replaces the password after checking the current one; the new one obeys the rules. */
  public void changePassword(UUID accountId, String current, String next) {
    Account account = existing(accountId);
    if (current == null || !passwords.matches(current, account.passwordHash())) {
      throw new DomainException(
          DomainException.Kind.FORBIDDEN, "The current password is not correct.");
    }
    PasswordPolicy.check(next, new EmailAddress(account.email()));
    if (next.equals(current)) {
      throw DomainException.invalid("The new password must differ from the current one.");
    }
    account.passwordChanged(passwords.hash(next));
  }

  /**
   * Deletes the account once its e-mail address is typed as confirmation: personas, imported
   * messages, models, runs, tokens (the schema cascades from the account), the Telegram bindings of
   * its personas (kept without foreign key) and uploads not yet imported. Trainings in flight are
   * cancelled first, in the same transaction.
   */
  public void delete(UUID accountId, String confirmation) {
    Account account = existing(accountId);
    if (confirmation == null
        || !confirmation
            .strip()
            .toLowerCase(Locale.ROOT)
            .equals(account.email().toLowerCase(Locale.ROOT))) {
      throw DomainException.invalid("Type the account's e-mail address to confirm the deletion.");
    }
    List<UUID> pendingUploads =
        uuids(
            "SELECT c.id FROM chat_import c JOIN persona p ON p.id = c.persona_id"
                + " WHERE p.owner_id = ? AND c.imported_at IS NULL",
            accountId);
    em.createNativeQuery(
            "UPDATE training_run SET status = 'CANCELLED' WHERE owner_id = ?"
                + " AND status IN ('QUEUED', 'RUNNING')")
        .setParameter(1, accountId)
        .executeUpdate();
    em.createNativeQuery(
            "DELETE FROM telegram_binding WHERE persona_id IN"
                + " (SELECT id FROM persona WHERE owner_id = ?)")
        .setParameter(1, accountId)
        .executeUpdate();
    em.remove(account);
    em.flush();
    // files after the flush: a deletion the database refused keeps them
    pendingUploads.forEach(id -> deleteQuietly(config.uploads().resolve(id + ".upload")));
  }

  private Account existing(UUID accountId) {
    Account account = accountId == null ? null : em.find(Account.class, accountId);
    if (account == null) {
      throw DomainException.notFound("No such account.");
    }
    return account;
  }

  @SuppressWarnings("unchecked")
  private List<UUID> uuids(String sql, UUID parameter) {
    return ((List<Object>) em.createNativeQuery(sql).setParameter(1, parameter).getResultList())
        .stream().map(o -> o instanceof UUID u ? u : UUID.fromString(o.toString())).toList();
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warning("Could not delete the upload " + file + " of a deleted account: " + e);
    }
  }
}
