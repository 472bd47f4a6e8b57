package gov.ice.registry.agreement.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Who approved an exemption, as the office wrote it ({@code "HSI_EAD"}, {@code "hsi ead"}, or a
 * person's name): kept as written, because that is the record, and read as the {@link
 * SignatoryAuthority} it names where a rule needs one (exemption 7). Stored and over HTTP it is its
 * {@link #value()}, a plain JSON string.
 */
public record ApprovingAuthority(String value) {

  public ApprovingAuthority {
    Objects.requireNonNull(value, "value");
  }

  public static ApprovingAuthority of(String value) {
    return new ApprovingAuthority(value);
  }

  /** The signatory authority this names (case, spaces and hyphens aside); empty when it names none. */
  public Optional<SignatoryAuthority> signatoryAuthority() {
    String name = value.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    return Arrays.stream(SignatoryAuthority.values()).filter(a -> a.name().equals(name)).findFirst();
  }

  @Override
  public String toString() {
    return value;
  }
}
