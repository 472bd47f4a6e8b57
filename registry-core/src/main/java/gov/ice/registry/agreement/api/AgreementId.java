package gov.ice.registry.agreement.api;

import java.util.Objects;

/** An agreement's identity. Axon stores {@link #toString()} as the aggregate identifier, so it returns the raw value. */
public record AgreementId(String value) {

  public AgreementId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("an agreement id is not blank");
    }
  }

  public static AgreementId of(String value) {
    return new AgreementId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
