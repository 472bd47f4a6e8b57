package gov.ice.registry.web.pages;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The Key Stakeholder rules (README, "Rules and their ids") in plain words, for the agreement page. */
final class StakeholderReasons {

  private static final Map<String, String> WORDS = Map.ofEntries(
      Map.entry("S1", "every in-scope agreement needs IGP and OPP"),
      Map.entry("S2", "data leaves ICE (records management)"),
      Map.entry("S3", "it shares PII or sensitive PII (privacy)"),
      Map.entry("S4", "the data carries CUI, FOUO, LES or classified markings"),
      Map.entry("S5", "an Intelligence Community party, or IC information"),
      Map.entry("S6", "it falls under the Law Enforcement Information Sharing Service"),
      Map.entry("S7", "a foreign government or international organization is a party"),
      Map.entry("S8", "protected classes or constitutionally protected activity"),
      Map.entry("S9", "a private-sector party, or a novel legal issue"),
      Map.entry("S10", "an IT interconnection or new technical solution"));

  private StakeholderReasons() {}

  static String of(List<String> rules) {
    return rules.stream().map(r -> WORDS.getOrDefault(r, r)).collect(Collectors.joining("; "));
  }
}
