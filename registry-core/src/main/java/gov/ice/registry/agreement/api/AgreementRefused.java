package gov.ice.registry.agreement.api;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A command the agreement refuses. Nothing is stored; {@link #ruleIds()} names the handbook rules
 * behind it, and {@link #rules()} their names, as the HTTP edge answers them.
 */
public class AgreementRefused extends RuntimeException {

  private final RefusalCode code;
  private final List<RuleId> rules;

  /** A refusal with the rules behind it given by name (as a problem+json carries them). */
  public AgreementRefused(RefusalCode code, String message, List<String> rules) {
    this(code, message, RuleId.all(rules));
  }

  public AgreementRefused(RefusalCode code, String message) {
    this(code, message, List.<RuleId>of());
  }

  private AgreementRefused(RefusalCode code, String message, Collection<RuleId> rules) {
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

  /** The ids of the rules behind the refusal, by name. */
  public List<String> rules() {
    return RuleId.names(rules);
  }

  public List<RuleId> ruleIds() {
    return rules;
  }
}
