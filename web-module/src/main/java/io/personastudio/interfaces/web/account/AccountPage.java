package io.personastudio.interfaces.web.account;

import io.personastudio.application.account.AccountExport;
import io.personastudio.application.account.AccountPrivacy;
import io.personastudio.application.account.AccountService;
import io.personastudio.application.account.AccountView;
import io.personastudio.interfaces.web.CurrentAccount;
import io.personastudio.interfaces.web.Texts;
import io.personastudio.interfaces.web.security.ClientAddress;
import io.personastudio.interfaces.web.security.CredentialsVersions;
import io.personastudio.interfaces.web.security.PasswordChange;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/** Change the password, download my data, delete the account. */
@Named("account")
@RequestScoped
public class AccountPage {

  static final String EXPORT_FILE = "persona-studio-my-data.json";

  @Inject ClientAddress clientAddress;
  @Inject AccountService accounts;
  @Inject AccountPrivacy privacy;
  @Inject AccountExport export;
  @Inject PasswordChange passwords;
  @Inject CurrentAccount current;
  @Inject CredentialsVersions versions;

  private AccountView view;
  private String currentPassword;
  private String newPassword;
  private String confirmEmail;

  public AccountView getView() {
    if (view == null) {
      view = accounts.find(current.id()).orElseThrow();
    }
    return view;
  }

  public void changePassword() {
    HttpServletRequest request = request();
    boolean done =
        passwords.change(current.id(), currentPassword, newPassword, clientAddress.of(request));
    currentPassword = null;
    newPassword = null;
    if (!done) {
      Texts.error("signin.throttled");
      return;
    }
    // whoever held the old session id (or watched the old password) loses the session; every
    // other session of the account is signed out on its next request, this one stays
    request.changeSessionId();
    versions.keepSignedIn(request, current.id());
    Texts.info("account.password.changed");
  }

  public void download() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    external.responseReset();
    external.setResponseContentType("application/json");
    external.setResponseCharacterEncoding("UTF-8");
    external.setResponseHeader(
        "Content-Disposition", "attachment; filename=\"" + EXPORT_FILE + "\"");
    export.write(current.id(), external.getResponseOutputStream());
    faces.responseComplete();
  }

  public String delete() throws ServletException {
    privacy.delete(current.id(), confirmEmail);
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    request().logout();
    external.invalidateSession();
    return "/signin.xhtml?faces-redirect=true&deleted=true";
  }

  private static HttpServletRequest request() {
    return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
  }

  public String getCurrentPassword() {
    return currentPassword;
  }

  public void setCurrentPassword(String currentPassword) {
    this.currentPassword = currentPassword;
  }

  public String getNewPassword() {
    return newPassword;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }

  public String getConfirmEmail() {
    return confirmEmail;
  }

  public void setConfirmEmail(String confirmEmail) {
    this.confirmEmail = confirmEmail;
  }
}
