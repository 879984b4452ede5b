package io.personastudio.interfaces.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/** Texts of the current view's language, and page messages made from them. */
public final class Texts {

  private Texts() {}

  public static String get(String key, Object... args) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
    String text = bundle.containsKey(key) ? bundle.getString(key) : key;
    return args.length == 0 ? text : new MessageFormat(text, bundle.getLocale()).format(args);
  }

  public static void info(String key, Object... args) {
    add(FacesMessage.SEVERITY_INFO, get(key, args), null);
  }

  public static void error(String key, Object... args) {
    add(FacesMessage.SEVERITY_ERROR, get(key, args), null);
  }

  /** A refusal: the localized summary for its kind, with the service's own detail. */
  static void add(FacesMessage.Severity severity, String summary, String detail) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, summary, detail));
  }
}
