package io.personastudio.interfaces.web;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/** The language of the site: the browser's first supported choice until the visitor switches. */
@Named("language")
@SessionScoped
public class Language implements Serializable {

  private static final long serialVersionUID = 1L;
  static final List<String> SUPPORTED = List.of("en", "ru");

  private String chosen;

  public Locale getLocale() {
    if (chosen == null) {
      chosen = fromBrowser();
    }
    return Locale.forLanguageTag(chosen);
  }

  public String getCode() {
    return getLocale().getLanguage();
  }

  public List<String> getSupported() {
    return SUPPORTED;
  }

  public void switchTo(String code) {
    if (SUPPORTED.contains(code)) {
      chosen = code;
      FacesContext.getCurrentInstance().getViewRoot().setLocale(Locale.forLanguageTag(code));
    }
  }

  private static String fromBrowser() {
    var locales = FacesContext.getCurrentInstance().getExternalContext().getRequestLocales();
    while (locales.hasNext()) {
      String language = locales.next().getLanguage();
      if (SUPPORTED.contains(language)) {
        return language;
      }
    }
    return SUPPORTED.get(0);
  }
}
