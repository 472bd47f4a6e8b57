package gov.ice.registry.agreement.api;

import java.util.List;
import java.util.Objects;

/** A command the agreement refuses. Nothing is stored; {@link #rules()} names the handbook rules behind it. */
public class AgreementRefused extends RuntimeException {

  private final RefusalCode code;
  private final List<String> rules;

  public AgreementRefused(RefusalCode code, String message, List<String> rules) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
    this.rules = List.copyOf(rules);
  }

  public AgreementRefused(RefusalCode code, String message) {
    this(code, message, List.of());
  }

  public RefusalCode code() {
    return code;
  }

  public List<String> rules() {
    return rules;
  }
}
