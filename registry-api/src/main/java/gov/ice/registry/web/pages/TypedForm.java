package gov.ice.registry.web.pages;

import java.util.Map;

/**
 * What the user typed into the form that was refused, so the page shown again keeps it: nothing
 * typed is lost. Other forms on the page start empty.
 */
public record TypedForm(String action, Map<String, String> values) {

  static final TypedForm NONE = new TypedForm("", Map.of());

  /** The value typed into {@code field} of {@code form}, or {@code fallback}. */
  public String v(String form, String field, String fallback) {
    if (!action.equals(form)) {
      return fallback;
    }
    String value = values.get(field);
    return value == null ? fallback : value;
  }

  public String v(String form, String field) {
    return v(form, field, "");
  }

  public boolean is(String form, String field, String value) {
    return action.equals(form) && value.equals(values.get(field));
  }

  public boolean failed(String form) {
    return action.equals(form);
  }
}
