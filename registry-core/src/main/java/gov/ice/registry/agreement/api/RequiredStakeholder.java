package gov.ice.registry.agreement.api;

import java.util.List;

/** A Key Stakeholder whose concurrence the draft needs, with the ids of the rules that require it. */
public record RequiredStakeholder(StakeholderOffice office, List<RuleId> rules) {

  public RequiredStakeholder {
    rules = List.copyOf(rules);
  }

  /** Whether {@code rule} is among the rules that require this stakeholder. */
  public boolean requiredBy(RuleId rule) {
    return rules.contains(rule);
  }
}
