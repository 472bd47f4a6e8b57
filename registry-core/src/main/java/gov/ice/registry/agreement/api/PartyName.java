package gov.ice.registry.agreement.api;

import java.util.Locale;
import java.util.Objects;

/**
 * A party's name as a signature gives it, with ICE itself as {@link #ICE}. Two names {@link
 * #matches match} when they name the same party: trimmed, case ignored. A signature the agreement
 * recorded holds the name as the registry matched it ({@link #ICE}, or the name the profile
 * spells), so recorded names compare with {@link #equals}. Stored and over HTTP it is its {@link
 * #value()}, a plain JSON string.
 */
public record PartyName(String value) {

  /** ICE, the party every agreement has and no profile lists among its other parties. */
  public static final PartyName ICE = new PartyName("ICE");

  public PartyName {
    Objects.requireNonNull(value, "value");
  }

  public static PartyName of(String value) {
    return new PartyName(value);
  }

  /** Whether this name, as someone wrote it, names ICE. */
  public boolean isIce() {
    return matches(ICE);
  }

  /** Whether both name the same party: trimmed, case ignored. */
  public boolean matches(PartyName other) {
    return other != null && key().equals(other.key());
  }

  public boolean isBlank() {
    return value.isBlank();
  }

  private String key() {
    return value.trim().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return value;
  }
}
