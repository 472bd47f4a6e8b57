package gov.ice.registry.web.pages;

import gov.ice.registry.agreement.api.RuleId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The Key Stakeholder rules (docs/domain.md, "Rules and their ids") in plain words, for the agreement page. */
final class StakeholderReasons {

  private static final Map<RuleId, String> WORDS = Map.ofEntries(
      Map.entry(RuleId.of("S1"), "every in-scope agreement needs IGP and OPP"),
      Map.entry(RuleId.of("S2"), "data leaves ICE (records management)"),
      Map.entry(RuleId.of("S3"), "it shares PII or sensitive PII (privacy)"),
      Map.entry(RuleId.of("S4"), "the data carries CUI, FOUO, LES or classified markings"),
      Map.entry(RuleId.of("S5"), "an Intelligence Community party, or IC information"),
      Map.entry(RuleId.of("S6"), "it falls under the Law Enforcement Information Sharing Service"),
      Map.entry(RuleId.of("S7"), "a foreign government or international organization is a party"),
      Map.entry(RuleId.of("S8"), "protected classes or constitutionally protected activity"),
      Map.entry(RuleId.of("S9"), "a private-sector party, or a novel legal issue"),
      Map.entry(RuleId.of("S10"), "an IT interconnection or new technical solution"));

  private StakeholderReasons() {}

  static String of(List<RuleId> rules) {
    return rules.stream().map(r -> WORDS.getOrDefault(r, r.name())).collect(Collectors.joining("; "));
  }

  /** The rules' ids as the page shows them: "S3, S4". */
  static String ids(List<RuleId> rules) {
    return String.join(", ", RuleId.names(rules));
  }
}
