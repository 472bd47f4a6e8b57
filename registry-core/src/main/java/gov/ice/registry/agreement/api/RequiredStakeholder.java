package gov.ice.registry.agreement.api;

import java.util.List;

/**
 * A Key Stakeholder whose concurrence the draft needs, with the ids of the rules that require it.
 * {@code rules} holds the ids by name, as events store them; {@link #ruleIds()} is the typed view.
 */
public record RequiredStakeholder(StakeholderOffice office, List<String> rules) {

  public RequiredStakeholder {
    rules = List.copyOf(rules);
  }

  public List<RuleId> ruleIds() {
    return RuleId.all(rules);
  }

  /** Whether {@code rule} is among the rules that require this stakeholder. */
  public boolean requiredBy(RuleId rule) {
    return rules.contains(rule.name());
  }
}
