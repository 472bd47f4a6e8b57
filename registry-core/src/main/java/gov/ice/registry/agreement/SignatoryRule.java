package gov.ice.registry.agreement;

import static gov.ice.registry.agreement.api.InformationCategory.HOMELAND_SECURITY;
import static gov.ice.registry.agreement.api.InformationCategory.IMMIGRATION_ADMINISTRATION;
import static gov.ice.registry.agreement.api.InformationCategory.LAW_ENFORCEMENT;

import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.Directorate;
import gov.ice.registry.agreement.api.InformationCategory;
import gov.ice.registry.agreement.api.RuleId;
import gov.ice.registry.agreement.api.SignatoryAuthority;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * Section X and Appendix H: who may sign for ICE. Each information category needs the signature
 * of its Executive Agent or of a delegate the Executive Agent named for a kind of sharing.
 */
record SignatoryRule(
    RuleId id,
    String description,
    Predicate<AgreementProfile> applies,
    BiFunction<InformationCategory, AgreementProfile, Set<SignatoryAuthority>> authorities) {

  static final SignatoryRule EXECUTIVE_AGENT = new SignatoryRule(
      RuleId.of("SIGNATORY_EA"), "the category's Executive Agent", p -> true, SignatoryRule::executiveAgents);
  static final SignatoryRule LEISI = new SignatoryRule(
      RuleId.of("DELEGATION_LEISI"), "HSI LEISI AD for Law Enforcement Information Sharing Service agreements",
      p -> p.dataProfile().leisService(), only(Set.of(LAW_ENFORCEMENT), SignatoryAuthority.HSI_LEISI_AD));
  static final SignatoryRule INTEL = new SignatoryRule(
      RuleId.of("DELEGATION_INTEL"), "HSI Intel AD for classified or Intelligence Community agreements",
      p -> p.dataProfile().marking().isClassified() || p.hasIntelligenceCommunityParty()
          || p.dataProfile().intelligenceCommunityInformation(),
      only(Set.of(LAW_ENFORCEMENT, HOMELAND_SECURITY), SignatoryAuthority.HSI_INTEL_AD));
  static final SignatoryRule INTERNATIONAL = new SignatoryRule(
      RuleId.of("DELEGATION_IO"), "HSI International Operations for any international agreement",
      AgreementProfile::hasInternationalParty, only(EnumSet.allOf(InformationCategory.class), SignatoryAuthority.HSI_IO));
  static final SignatoryRule CHIS = new SignatoryRule(
      RuleId.of("DELEGATION_CHIS"), "ERO Enforcement AD or ERO Deputy EAD for the Criminal History Information Sharing initiative",
      p -> p.dataProfile().chis(),
      only(Set.of(LAW_ENFORCEMENT, IMMIGRATION_ADMINISTRATION), SignatoryAuthority.ERO_ENFORCEMENT_AD, SignatoryAuthority.ERO_DEAD));
  static final SignatoryRule SECURITY = new SignatoryRule(
      RuleId.of("DELEGATION_SECURITY"), "OPR AD or OPR Deputy for security information",
      p -> p.dataProfile().securityRelated(),
      only(EnumSet.allOf(InformationCategory.class), SignatoryAuthority.OPR_AD, SignatoryAuthority.OPR_DEPUTY));

  static final List<SignatoryRule> ALL = List.of(EXECUTIVE_AGENT, LEISI, INTEL, INTERNATIONAL, CHIS, SECURITY);

  /** The ids of the rules that let {@code authority} sign for {@code category}; empty when none does. */
  static List<RuleId> rulesAllowing(SignatoryAuthority authority, InformationCategory category, AgreementProfile profile) {
    List<RuleId> ids = new ArrayList<>();
    for (SignatoryRule rule : ALL) {
      if (rule.applies().test(profile) && rule.authorities().apply(category, profile).contains(authority)) {
        ids.add(rule.id());
      }
    }
    return ids;
  }

  /** The agreement's categories {@code authority} may sign for. */
  static Set<InformationCategory> categoriesSignableBy(SignatoryAuthority authority, AgreementProfile profile) {
    Set<InformationCategory> categories = EnumSet.noneOf(InformationCategory.class);
    for (InformationCategory category : profile.categories()) {
      if (!rulesAllowing(authority, category, profile).isEmpty()) {
        categories.add(category);
      }
    }
    return categories;
  }

  /** Every authority that may sign for {@code category} on this agreement. */
  static Set<SignatoryAuthority> authoritiesFor(InformationCategory category, AgreementProfile profile) {
    Set<SignatoryAuthority> authorities = EnumSet.noneOf(SignatoryAuthority.class);
    for (SignatoryRule rule : ALL) {
      if (rule.applies().test(profile)) {
        authorities.addAll(rule.authorities().apply(category, profile));
      }
    }
    return authorities;
  }

  /** Law enforcement information belongs to HSI or ERO by the owning directorate; either signs when neither owns it. */
  private static Set<SignatoryAuthority> executiveAgents(InformationCategory category, AgreementProfile profile) {
    return switch (category) {
      case LAW_ENFORCEMENT -> profile.owningDirectorate() == Directorate.HSI ? Set.of(SignatoryAuthority.HSI_EAD)
          : profile.owningDirectorate() == Directorate.ERO ? Set.of(SignatoryAuthority.ERO_EAD)
          : Set.of(SignatoryAuthority.HSI_EAD, SignatoryAuthority.ERO_EAD);
      case HOMELAND_SECURITY -> Set.of(SignatoryAuthority.HSI_EAD);
      case IMMIGRATION_ADMINISTRATION -> Set.of(SignatoryAuthority.ERO_EAD);
      case BUSINESS_OPERATIONS -> Set.of(SignatoryAuthority.MA_EAD);
    };
  }

  private static BiFunction<InformationCategory, AgreementProfile, Set<SignatoryAuthority>> only(
      Set<InformationCategory> categories, SignatoryAuthority... authorities) {
    Set<SignatoryAuthority> granted = Set.of(authorities);
    return (category, profile) -> categories.contains(category) ? granted : Set.of();
  }
}
