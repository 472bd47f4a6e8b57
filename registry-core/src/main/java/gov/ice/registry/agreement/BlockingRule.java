package gov.ice.registry.agreement;

import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.RuleId;
import java.util.List;
import java.util.function.Predicate;

/** Information the registry refuses to see shared, or drafted here at all (DOMAIN.md, B1-B3). */
record BlockingRule(RuleId id, String reason, Predicate<AgreementProfile> blocks) {

  static final BlockingRule B1 = new BlockingRule(
      RuleId.of("B1"),
      "8 U.S.C. § 1367 information (VAWA, T visa, U visa) may not be shared unless a statutory exception is cited",
      p -> p.dataProfile().section1367() && !p.dataProfile().hasExceptionCitation());
  static final BlockingRule B2 = new BlockingRule(
      RuleId.of("B2"),
      "asylum, withholding, CAT, refugee, NACARA, credible fear (8 C.F.R. § 208.6), TPS, SAW, Legalization, LIFE Act,"
          + " S visa, confidential informant or INA § 222(f) visa records may not be shared unless an exception is cited",
      p -> p.dataProfile().protectedApplications() && !p.dataProfile().hasExceptionCitation());
  static final BlockingRule B3 = new BlockingRule(
      RuleId.of("B3"),
      "SECRET and TOP SECRET agreements are drafted on HSDN or C-LAN, never in this unclassified registry",
      p -> p.dataProfile().marking().isClassified());

  static final List<BlockingRule> ALL = List.of(B1, B2, B3);

  static List<BlockingRule> violatedBy(AgreementProfile profile) {
    return ALL.stream().filter(rule -> rule.blocks().test(profile)).toList();
  }
}
