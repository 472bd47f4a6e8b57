package gov.ice.registry.agreement;

import static gov.ice.registry.agreement.api.StakeholderOffice.HSI_INTEL;
import static gov.ice.registry.agreement.api.StakeholderOffice.HSI_IO;
import static gov.ice.registry.agreement.api.StakeholderOffice.HSI_LEISI;
import static gov.ice.registry.agreement.api.StakeholderOffice.IGP;
import static gov.ice.registry.agreement.api.StakeholderOffice.IGP_PRIVACY;
import static gov.ice.registry.agreement.api.StakeholderOffice.IGP_RECORDS;
import static gov.ice.registry.agreement.api.StakeholderOffice.OCIO;
import static gov.ice.registry.agreement.api.StakeholderOffice.ODCR;
import static gov.ice.registry.agreement.api.StakeholderOffice.OPLA;
import static gov.ice.registry.agreement.api.StakeholderOffice.OPP;
import static gov.ice.registry.agreement.api.StakeholderOffice.OPR;
import static gov.ice.registry.agreement.api.StakeholderOffice.OPR_SD_SMOU;

import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.PartyKind;
import gov.ice.registry.agreement.api.RequiredStakeholder;
import gov.ice.registry.agreement.api.RuleId;
import gov.ice.registry.agreement.api.StakeholderOffice;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A rule of sections VI and VII (and Appendices E, F, H) that makes a Key Stakeholder's
 * concurrence necessary. The rules apply to drafts that go through the ISAA process; the ids are
 * DOMAIN.md's, so the registry can say why each stakeholder is required.
 */
record StakeholderRule(RuleId id, String when, Predicate<AgreementProfile> applies, Set<StakeholderOffice> requires) {

  static final StakeholderRule S1 = new StakeholderRule(
      RuleId.of("S1"), "always, in scope", p -> true, Set.of(IGP, OPP));
  static final StakeholderRule S2 = new StakeholderRule(
      RuleId.of("S2"), "data leaves ICE", p -> !p.dataProfile().receiptOnly(), Set.of(IGP_RECORDS));
  static final StakeholderRule S3 = new StakeholderRule(
      RuleId.of("S3"), "PII or sensitive PII", p -> p.dataProfile().pii() || p.dataProfile().sensitivePii(), Set.of(IGP_PRIVACY, OPR));
  static final StakeholderRule S4 = new StakeholderRule(
      RuleId.of("S4"), "CUI/FOUO/LES or classified markings", p -> p.dataProfile().marking().isControlledOrClassified(), Set.of(OPR_SD_SMOU));
  static final StakeholderRule S5 = new StakeholderRule(
      RuleId.of("S5"), "an Intelligence Community party, or IC information",
      p -> p.hasIntelligenceCommunityParty() || p.dataProfile().intelligenceCommunityInformation(), Set.of(HSI_INTEL));
  static final StakeholderRule S6 = new StakeholderRule(
      RuleId.of("S6"), "falls under the Law Enforcement Information Sharing Service", p -> p.dataProfile().leisService(), Set.of(HSI_LEISI));
  static final StakeholderRule S7 = new StakeholderRule(
      RuleId.of("S7"), "a foreign government or international organization", AgreementProfile::hasInternationalParty, Set.of(HSI_IO, HSI_LEISI));
  static final StakeholderRule S8 = new StakeholderRule(
      RuleId.of("S8"), "protected classes or constitutionally protected activity", p -> p.dataProfile().protectedClasses(), Set.of(OPLA, ODCR));
  static final StakeholderRule S9 = new StakeholderRule(
      RuleId.of("S9"), "a private-sector party, or a novel legal issue",
      p -> p.hasPartyOfKind(PartyKind.PRIVATE_SECTOR) || p.dataProfile().novelLegalIssue(), Set.of(OPLA));
  static final StakeholderRule S10 = new StakeholderRule(
      RuleId.of("S10"), "an IT interconnection or new technical solution", p -> p.dataProfile().itInterconnection(), Set.of(OCIO));

  static final List<StakeholderRule> ALL = List.of(S1, S2, S3, S4, S5, S6, S7, S8, S9, S10);

  /** The stakeholders a draft needs, each with every rule that requires it, in a stable order. */
  static List<RequiredStakeholder> requiredFor(AgreementProfile profile) {
    Map<StakeholderOffice, List<RuleId>> rulesByOffice = new EnumMap<>(StakeholderOffice.class);
    for (StakeholderRule rule : ALL) {
      if (rule.applies().test(profile)) {
        rule.requires().forEach(office -> rulesByOffice.computeIfAbsent(office, o -> new ArrayList<>()).add(rule.id()));
      }
    }
    return rulesByOffice.entrySet().stream().map(e -> new RequiredStakeholder(e.getKey(), e.getValue())).toList();
  }
}
