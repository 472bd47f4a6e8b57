package gov.ice.registry.agreement.api;

/**
 * A stable identifier of a party in a scheme its systems already use, e.g. {@code ORI} (the FBI's
 * Originating Agency Identifier of a law enforcement agency) with its value; how the sharing gate
 * knows a partner without matching names.
 */
public record PartyIdentifier(String scheme, String value) {

  /** One spelling per identifier: the scheme in upper case, both trimmed. */
  public PartyIdentifier {
    scheme = scheme == null ? null : scheme.trim().toUpperCase(java.util.Locale.ROOT);
    value = value == null ? null : value.trim();
  }

  public boolean sameAs(String otherScheme, String otherValue) {
    return otherScheme != null && otherValue != null && scheme != null && value != null
        && scheme.equals(otherScheme.trim().toUpperCase(java.util.Locale.ROOT)) && value.equalsIgnoreCase(otherValue.trim());
  }
}
