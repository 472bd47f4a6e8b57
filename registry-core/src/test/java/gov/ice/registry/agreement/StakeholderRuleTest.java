package gov.ice.registry.agreement;

import static gov.ice.registry.agreement.AgreementFixtures.foreignGovernment;
import static gov.ice.registry.agreement.AgreementFixtures.privateSector;
import static gov.ice.registry.agreement.AgreementFixtures.profile;
import static gov.ice.registry.agreement.AgreementFixtures.profileWith;
import static gov.ice.registry.agreement.AgreementFixtures.ruleIds;
import static gov.ice.registry.agreement.AgreementFixtures.withParties;
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
import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.Marking;
import gov.ice.registry.agreement.api.Party;
import gov.ice.registry.agreement.api.PartyKind;
import gov.ice.registry.agreement.api.RequiredStakeholder;
import gov.ice.registry.agreement.api.RuleId;
import gov.ice.registry.agreement.api.StakeholderOffice;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StakeholderRuleTest {

  /** No PII, no marking: only S1 and S2 apply. */
  private static AgreementProfile plain() {
    return profileWith(d -> d.pii(false).marking(Marking.NONE));
  }

  private static Map<StakeholderOffice, List<RuleId>> required(AgreementProfile profile) {
    return StakeholderRule.requiredFor(profile).stream()
        .collect(Collectors.toMap(RequiredStakeholder::office, RequiredStakeholder::rules));
  }

  @Test
  @DisplayName("S1 and S2: every in-scope draft needs IGP, OPP and IGP_RECORDS")
  void s1AndS2ApplyToEveryDraftThatSharesData() {
    assertThat(required(plain())).containsOnly(
        Map.entry(IGP, ruleIds("S1")), Map.entry(OPP, ruleIds("S1")), Map.entry(IGP_RECORDS, ruleIds("S2")));
  }

  @Test
  @DisplayName("S2: a draft where no data leaves ICE needs no records office")
  void s2DoesNotApplyWhenNoDataLeavesIce() {
    assertThat(required(profileWith(d -> d.pii(false).marking(Marking.NONE).receiptOnly(true)))).doesNotContainKey(IGP_RECORDS);
  }

  @Test
  @DisplayName("S3: PII requires IGP_PRIVACY and OPR")
  void s3PiiRequiresPrivacyAndOpr() {
    assertThat(required(profileWith(d -> d.marking(Marking.NONE))))
        .containsEntry(IGP_PRIVACY, ruleIds("S3")).containsEntry(OPR, ruleIds("S3"));
  }

  @Test
  @DisplayName("S3: sensitive PII alone requires IGP_PRIVACY and OPR")
  void s3SensitivePiiRequiresPrivacyAndOpr() {
    assertThat(required(profileWith(d -> d.pii(false).sensitivePii(true).marking(Marking.NONE))))
        .containsKeys(IGP_PRIVACY, OPR);
  }

  @Test
  @DisplayName("S4: CUI, FOUO and LES markings require OPR_SD_SMOU")
  void s4ControlledMarkingsRequireTheSecurityOffice() {
    for (Marking marking : List.of(Marking.CUI, Marking.FOUO, Marking.LES)) {
      assertThat(required(profileWith(d -> d.pii(false).marking(marking)))).containsEntry(OPR_SD_SMOU, ruleIds("S4"));
    }
    assertThat(required(plain())).doesNotContainKey(OPR_SD_SMOU);
  }

  @Test
  @DisplayName("S5: an Intelligence Community party requires HSI_INTEL")
  void s5IntelligenceCommunityPartyRequiresHsiIntel() {
    AgreementProfile profile = withParties(plain(), new Party("National Counterterrorism Center", PartyKind.FEDERAL, "US", true));
    assertThat(required(profile)).containsEntry(HSI_INTEL, ruleIds("S5"));
  }

  @Test
  @DisplayName("S5: IC information requires HSI_INTEL")
  void s5IntelligenceCommunityInformationRequiresHsiIntel() {
    assertThat(required(profileWith(d -> d.pii(false).marking(Marking.NONE).intelligenceCommunityInformation(true))))
        .containsEntry(HSI_INTEL, ruleIds("S5"));
  }

  @Test
  @DisplayName("S6: the Law Enforcement Information Sharing Service requires HSI_LEISI")
  void s6LeisServiceRequiresHsiLeisi() {
    assertThat(required(profileWith(d -> d.pii(false).marking(Marking.NONE).leisService(true))))
        .containsEntry(HSI_LEISI, ruleIds("S6"));
  }

  @Test
  @DisplayName("S7: a foreign government requires HSI_IO and HSI_LEISI")
  void s7ForeignGovernmentRequiresInternationalOperationsAndLeisi() {
    assertThat(required(withParties(plain(), foreignGovernment())))
        .containsEntry(HSI_IO, ruleIds("S7")).containsEntry(HSI_LEISI, ruleIds("S7"));
  }

  @Test
  @DisplayName("S7: an international organization requires HSI_IO and HSI_LEISI")
  void s7InternationalOrganizationRequiresInternationalOperations() {
    Party interpol = new Party("INTERPOL", PartyKind.INTERNATIONAL_ORGANIZATION, "FR", false);
    assertThat(required(withParties(plain(), interpol))).containsKeys(HSI_IO, HSI_LEISI);
  }

  @Test
  @DisplayName("S6 and S7 together: HSI_LEISI is required once, naming both rules")
  void oneStakeholderListsEveryRuleThatRequiresIt() {
    AgreementProfile profile = withParties(profileWith(d -> d.pii(false).marking(Marking.NONE).leisService(true)), foreignGovernment());
    assertThat(required(profile)).containsEntry(HSI_LEISI, ruleIds("S6", "S7"));
  }

  @Test
  @DisplayName("S8: protected classes require OPLA and ODCR")
  void s8ProtectedClassesRequireOplaAndCivilRights() {
    assertThat(required(profileWith(d -> d.pii(false).marking(Marking.NONE).protectedClasses(true))))
        .containsEntry(OPLA, ruleIds("S8")).containsEntry(ODCR, ruleIds("S8"));
  }

  @Test
  @DisplayName("S9: a private-sector party requires OPLA")
  void s9PrivateSectorPartyRequiresOpla() {
    assertThat(required(withParties(plain(), privateSector()))).containsEntry(OPLA, ruleIds("S9"));
  }

  @Test
  @DisplayName("S9: a novel legal issue requires OPLA")
  void s9NovelLegalIssueRequiresOpla() {
    assertThat(required(profileWith(d -> d.pii(false).marking(Marking.NONE).novelLegalIssue(true))))
        .containsEntry(OPLA, ruleIds("S9"));
  }

  @Test
  @DisplayName("S10: an IT interconnection requires OCIO")
  void s10ItInterconnectionRequiresOcio() {
    assertThat(required(profileWith(d -> d.pii(false).marking(Marking.NONE).itInterconnection(true))))
        .containsEntry(OCIO, ruleIds("S10"));
  }

  @Test
  @DisplayName("S1-S4: the standard fixture (PII marked CUI) needs six stakeholders in a stable order")
  void requiredStakeholdersComeInAStableOrder() {
    assertThat(StakeholderRule.requiredFor(profile()).stream().map(RequiredStakeholder::office))
        .containsExactly(IGP, OPP, IGP_RECORDS, IGP_PRIVACY, OPR, OPR_SD_SMOU);
  }

  @Test
  void everyRuleHasTheIdDomainMdGivesIt() {
    assertThat(StakeholderRule.ALL.stream().map(rule -> rule.id().name()))
        .containsExactly("S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9", "S10");
  }
}
