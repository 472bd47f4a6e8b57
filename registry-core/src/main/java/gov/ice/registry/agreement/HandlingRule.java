package gov.ice.registry.agreement;

import static gov.ice.registry.agreement.api.DisseminationControl.DL_ONLY;
import static gov.ice.registry.agreement.api.DisseminationControl.FEDCON;
import static gov.ice.registry.agreement.api.DisseminationControl.FED_ONLY;
import static gov.ice.registry.agreement.api.DisseminationControl.NOFORN;
import static gov.ice.registry.agreement.api.DisseminationControl.REL_TO;

import gov.ice.registry.agreement.api.AgreementRefused;
import gov.ice.registry.agreement.api.CuiCategories;
import gov.ice.registry.agreement.api.Handling;
import gov.ice.registry.agreement.api.Marking;
import gov.ice.registry.agreement.api.RefusalCode;
import gov.ice.registry.agreement.api.RuleId;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

/**
 * Handling markings that contradict themselves (DOMAIN.md, rule S4 routes the markings to OPR SD
 * SMOU; these are the checks no marking designated here may fail). Each names what it refuses.
 */
record HandlingRule(RuleId id, String reason, BiPredicate<Marking, Handling> violates) {

  static final HandlingRule HANDLING_1 = new HandlingRule(
      RuleId.of("HANDLING_1"), "REL TO releases to foreign countries and NOFORN forbids it: never both",
      (m, h) -> h.has(REL_TO) && h.has(NOFORN));
  static final HandlingRule HANDLING_2 = new HandlingRule(
      RuleId.of("HANDLING_2"), "DL ONLY needs a dissemination list with at least one user or office",
      (m, h) -> h.has(DL_ONLY) && h.disseminationList().isEmpty());
  static final HandlingRule HANDLING_3 = new HandlingRule(
      RuleId.of("HANDLING_3"), "REL TO lists USA and the other countries as ISO 3166 alpha-3 codes",
      (m, h) -> h.has(REL_TO) && (!h.relTo().contains("USA") || !h.relTo().stream().allMatch(c -> c.matches("[A-Z]{3}"))));
  static final HandlingRule HANDLING_4 = new HandlingRule(
      RuleId.of("HANDLING_4"), "FED ONLY excludes contractors and FEDCON admits them: never both",
      (m, h) -> h.has(FED_ONLY) && h.has(FEDCON));
  static final HandlingRule HANDLING_5 = new HandlingRule(
      RuleId.of("HANDLING_5"), "every CUI category is one of the CUI Registry's list, Specified (SP-) only where its authority is",
      (m, h) -> !h.cuiCategories().stream().allMatch(CuiCategories::accepts));
  static final HandlingRule HANDLING_6 = new HandlingRule(
      RuleId.of("HANDLING_6"), "CUI categories go with the CUI marking, dissemination controls with CUI, FOUO or LES, and countries or a list with their control",
      (m, h) -> (!h.cuiCategories().isEmpty() && m != Marking.CUI)
          || (!h.disseminationControls().isEmpty() && (m == Marking.NONE || m.isClassified()))
          || (!h.relTo().isEmpty() && !h.has(REL_TO))
          || (!h.disseminationList().isEmpty() && !h.has(DL_ONLY)));

  static final List<HandlingRule> ALL = List.of(HANDLING_1, HANDLING_2, HANDLING_3, HANDLING_4, HANDLING_5, HANDLING_6);

  static List<HandlingRule> violatedBy(Marking marking, Handling handling) {
    return ALL.stream().filter(rule -> rule.violates().test(marking, handling)).toList();
  }

  /** Refuses markings any rule finds inconsistent, naming every such rule. */
  static void check(Marking marking, Handling handling) {
    List<HandlingRule> violated = violatedBy(marking, handling);
    if (!violated.isEmpty()) {
      throw AgreementRefused.under(
          RefusalCode.HANDLING_INCONSISTENT,
          violated.stream().map(HandlingRule::reason).collect(Collectors.joining("; ")),
          violated.stream().map(HandlingRule::id).toList());
    }
  }
}
