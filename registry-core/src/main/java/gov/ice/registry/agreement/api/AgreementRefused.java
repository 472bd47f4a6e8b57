package gov.ice.registry.agreement.api;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A command the agreement refuses. Nothing is stored; {@link #rules()} names the handbook rules
 * behind it, which the HTTP edge answers by name.
 */
public class AgreementRefused extends RuntimeException {

  private final RefusalCode code;
  private final List<RuleId> rules;

  public AgreementRefused(RefusalCode code, String message) {
    this(code, message, List.of());
  }

  public AgreementRefused(RefusalCode code, String message, Collection<RuleId> rules) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
    this.rules = List.copyOf(rules);
  }

  /** A refusal with the rules behind it. */
  public static AgreementRefused under(RefusalCode code, String message, Collection<RuleId> rules) {
    return new AgreementRefused(code, message, rules);
  }

  public RefusalCode code() {
    return code;
  }

  /** The ids of the rules behind the refusal. */
  public List<RuleId> rules() {
    return rules;
  }
}
