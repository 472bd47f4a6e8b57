package gov.ice.registry.agreement;

import static gov.ice.registry.agreement.AgreementFixtures.foreignGovernment;
import static gov.ice.registry.agreement.AgreementFixtures.profile;
import static gov.ice.registry.agreement.AgreementFixtures.profileWith;
import static gov.ice.registry.agreement.AgreementFixtures.withCategories;
import static gov.ice.registry.agreement.AgreementFixtures.withOwningDirectorate;
import static gov.ice.registry.agreement.AgreementFixtures.withParties;
import static gov.ice.registry.agreement.api.InformationCategory.BUSINESS_OPERATIONS;
import static gov.ice.registry.agreement.api.InformationCategory.HOMELAND_SECURITY;
import static gov.ice.registry.agreement.api.InformationCategory.IMMIGRATION_ADMINISTRATION;
import static gov.ice.registry.agreement.api.InformationCategory.LAW_ENFORCEMENT;
import static gov.ice.registry.agreement.api.SignatoryAuthority.ERO_DEAD;
import static gov.ice.registry.agreement.api.SignatoryAuthority.ERO_EAD;
import static gov.ice.registry.agreement.api.SignatoryAuthority.ERO_ENFORCEMENT_AD;
import static gov.ice.registry.agreement.api.SignatoryAuthority.HSI_EAD;
import static gov.ice.registry.agreement.api.SignatoryAuthority.HSI_INTEL_AD;
import static gov.ice.registry.agreement.api.SignatoryAuthority.HSI_IO;
import static gov.ice.registry.agreement.api.SignatoryAuthority.HSI_LEISI_AD;
import static gov.ice.registry.agreement.api.SignatoryAuthority.MA_EAD;
import static gov.ice.registry.agreement.api.SignatoryAuthority.OPR_AD;
import static gov.ice.registry.agreement.api.SignatoryAuthority.OPR_DEPUTY;
import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.Directorate;
import gov.ice.registry.agreement.api.Party;
import gov.ice.registry.agreement.api.PartyKind;
import gov.ice.registry.agreement.api.RuleId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SignatoryRuleTest {

  @Test
  @DisplayName("SIGNATORY_EA: law enforcement information is signed by the owning directorate's EAD")
  void lawEnforcementIsSignedByTheOwningDirectoratesEad() {
    assertThat(SignatoryRule.authoritiesFor(LAW_ENFORCEMENT, profile())).containsExactly(HSI_EAD);
    assertThat(SignatoryRule.authoritiesFor(LAW_ENFORCEMENT, withOwningDirectorate(profile(), Directorate.ERO)))
        .containsExactly(ERO_EAD);
    assertThat(SignatoryRule.authoritiesFor(LAW_ENFORCEMENT, withOwningDirectorate(profile(), Directorate.MA)))
        .containsExactlyInAnyOrder(HSI_EAD, ERO_EAD);
    assertThat(SignatoryRule.rulesAllowing(HSI_EAD, LAW_ENFORCEMENT, profile())).containsExactly(RuleId.of("SIGNATORY_EA"));
  }

  @Test
  @DisplayName("SIGNATORY_EA: homeland security HSI EAD, immigration administration ERO EAD, business operations M&A EAD")
  void eachCategoryHasItsExecutiveAgent() {
    AgreementProfile all = withCategories(profile(), HOMELAND_SECURITY, IMMIGRATION_ADMINISTRATION, BUSINESS_OPERATIONS);
    assertThat(SignatoryRule.authoritiesFor(HOMELAND_SECURITY, all)).containsExactly(HSI_EAD);
    assertThat(SignatoryRule.authoritiesFor(IMMIGRATION_ADMINISTRATION, all)).containsExactly(ERO_EAD);
    assertThat(SignatoryRule.authoritiesFor(BUSINESS_OPERATIONS, all)).containsExactly(MA_EAD);
    assertThat(SignatoryRule.categoriesSignableBy(MA_EAD, all)).containsExactly(BUSINESS_OPERATIONS);
  }

  @Test
  @DisplayName("DELEGATION_LEISI: HSI LEISI AD signs LEIS Service agreements for law enforcement information")
  void leisiSignsLeisServiceAgreements() {
    AgreementProfile leis = profileWith(d -> d.leisService(true));
    assertThat(SignatoryRule.rulesAllowing(HSI_LEISI_AD, LAW_ENFORCEMENT, leis)).containsExactly(RuleId.of("DELEGATION_LEISI"));
    assertThat(SignatoryRule.rulesAllowing(HSI_LEISI_AD, LAW_ENFORCEMENT, profile())).isEmpty();
    assertThat(SignatoryRule.rulesAllowing(HSI_LEISI_AD, HOMELAND_SECURITY, withCategories(leis, HOMELAND_SECURITY))).isEmpty();
  }

  @Test
  @DisplayName("DELEGATION_INTEL: HSI Intel AD signs IC agreements for law enforcement or homeland security")
  void intelSignsIntelligenceCommunityAgreements() {
    AgreementProfile ic = withParties(profile(), new Party("Defense Intelligence Agency", PartyKind.FEDERAL, "US", true));
    assertThat(SignatoryRule.rulesAllowing(HSI_INTEL_AD, LAW_ENFORCEMENT, ic)).containsExactly(RuleId.of("DELEGATION_INTEL"));
    assertThat(SignatoryRule.rulesAllowing(HSI_INTEL_AD, HOMELAND_SECURITY, withCategories(ic, HOMELAND_SECURITY)))
        .containsExactly(RuleId.of("DELEGATION_INTEL"));
    assertThat(SignatoryRule.categoriesSignableBy(HSI_INTEL_AD, profile())).isEmpty();
  }

  @Test
  @DisplayName("DELEGATION_IO: HSI IO signs any international agreement, whatever the category")
  void internationalOperationsSignsInternationalAgreements() {
    AgreementProfile international = withCategories(withParties(profile(), foreignGovernment()), LAW_ENFORCEMENT, BUSINESS_OPERATIONS);
    assertThat(SignatoryRule.categoriesSignableBy(HSI_IO, international)).containsExactlyInAnyOrder(LAW_ENFORCEMENT, BUSINESS_OPERATIONS);
    assertThat(SignatoryRule.categoriesSignableBy(HSI_IO, profile())).isEmpty();
  }

  @Test
  @DisplayName("DELEGATION_CHIS: ERO Enforcement AD or ERO Deputy EAD sign for the Criminal History Information Sharing initiative")
  void eroSignsCriminalHistorySharing() {
    AgreementProfile chis = profileWith(d -> d.chis(true));
    assertThat(SignatoryRule.rulesAllowing(ERO_ENFORCEMENT_AD, LAW_ENFORCEMENT, chis)).containsExactly(RuleId.of("DELEGATION_CHIS"));
    assertThat(SignatoryRule.rulesAllowing(ERO_DEAD, LAW_ENFORCEMENT, chis)).containsExactly(RuleId.of("DELEGATION_CHIS"));
    assertThat(SignatoryRule.rulesAllowing(ERO_DEAD, LAW_ENFORCEMENT, profile())).isEmpty();
  }

  @Test
  @DisplayName("DELEGATION_SECURITY: OPR AD or OPR Deputy sign for security information")
  void oprSignsSecurityInformation() {
    AgreementProfile security = withCategories(profileWith(d -> d.securityRelated(true)), BUSINESS_OPERATIONS);
    assertThat(SignatoryRule.rulesAllowing(OPR_AD, BUSINESS_OPERATIONS, security)).containsExactly(RuleId.of("DELEGATION_SECURITY"));
    assertThat(SignatoryRule.rulesAllowing(OPR_DEPUTY, BUSINESS_OPERATIONS, security)).containsExactly(RuleId.of("DELEGATION_SECURITY"));
    assertThat(SignatoryRule.authoritiesFor(BUSINESS_OPERATIONS, security)).containsExactlyInAnyOrder(MA_EAD, OPR_AD, OPR_DEPUTY);
  }
}
