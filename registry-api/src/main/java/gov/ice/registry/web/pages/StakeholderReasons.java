package gov.ice.registry.web.pages;

import gov.ice.registry.agreement.api.RuleId;
import gov.ice.registry.projection.export.Labels;
import gov.ice.registry.projection.export.Labels.Kind;
import java.util.List;
import java.util.stream.Collectors;

/** The Key Stakeholder rules (docs/domain.md, "Rules and their ids") in plain words, from the label table, for the agreement page. */
final class StakeholderReasons {

  private StakeholderReasons() {}

  static String of(List<RuleId> rules) {
    return rules.stream().map(r -> Labels.of(Kind.RULE, r.name())).collect(Collectors.joining("; "));
  }

  /** The rules' ids as the page shows them: "S3, S4". */
  static String ids(List<RuleId> rules) {
    return String.join(", ", RuleId.names(rules));
  }
}
