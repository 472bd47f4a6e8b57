package gov.ice.registry.agreement;

import static gov.ice.registry.agreement.AgreementFixtures.dhsComponent;
import static gov.ice.registry.agreement.AgreementFixtures.profile;
import static gov.ice.registry.agreement.AgreementFixtures.profileWith;
import static gov.ice.registry.agreement.AgreementFixtures.withExemption;
import static gov.ice.registry.agreement.AgreementFixtures.withKind;
import static gov.ice.registry.agreement.AgreementFixtures.withParties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.ice.registry.agreement.api.AgreementKind;
import gov.ice.registry.agreement.api.AgreementRefused;
import gov.ice.registry.agreement.api.Exemption;
import gov.ice.registry.agreement.api.Party;
import gov.ice.registry.agreement.api.PartyKind;
import gov.ice.registry.agreement.api.RefusalCode;
import gov.ice.registry.agreement.api.RuleId;
import gov.ice.registry.agreement.api.Scope;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ScopeRuleTest {

  @Test
  @DisplayName("SCOPE_IN: ICE information to a party external to DHS")
  void externalSharingIsInScope() {
    assertThat(ScopeRule.decide(profile())).isEqualTo(ScopeRule.IN_SCOPE);
    assertThat(ScopeRule.processApplies(Scope.IN_SCOPE, profile())).isTrue();
  }

  @Test
  @DisplayName("SCOPE_ONE_DHS: a MOR among DHS components is out of scope")
  void oneDhsRuleMakesInternalSharingAMemorandumOfRecord() {
    Party cbp = dhsComponent();
    Party uscis = new Party("U.S. Citizenship and Immigration Services", PartyKind.DHS_COMPONENT, "US", false);
    var mor = withKind(withParties(profile(), cbp, uscis), AgreementKind.MOR);
    assertThat(ScopeRule.decide(mor).scope()).isEqualTo(Scope.OUT_OF_SCOPE_INTERNAL);
    assertThat(ScopeRule.processApplies(Scope.OUT_OF_SCOPE_INTERNAL, mor)).isFalse();
  }

  @Test
  @DisplayName("SCOPE_ONE_DHS: sharing inside DHS recorded as an MOU is refused: record it as a MOR")
  void internalSharingMustBeRecordedAsMor() {
    assertThatThrownBy(() -> ScopeRule.decide(withParties(profile(), dhsComponent())))
        .isInstanceOfSatisfying(AgreementRefused.class, r -> {
          assertThat(r.code()).isEqualTo(RefusalCode.PROFILE_INVALID);
          assertThat(r.rules()).containsExactly(RuleId.of("SCOPE_ONE_DHS"));
        });
  }

  @Test
  @DisplayName("SCOPE_ONE_DHS: a MOR with a party external to DHS is refused")
  void morWithExternalPartyIsRefused() {
    assertThatThrownBy(() -> ScopeRule.decide(withKind(profile(), AgreementKind.MOR)))
        .isInstanceOfSatisfying(AgreementRefused.class, r -> assertThat(r.rules()).containsExactly(RuleId.of("SCOPE_ONE_DHS")));
  }

  @Test
  @DisplayName("SCOPE_RECEIPT_ONLY: ICE only receives, or only accesses an external system")
  void receiptOnlyIsOutOfScope() {
    assertThat(ScopeRule.decide(profileWith(d -> d.receiptOnly(true)))).isEqualTo(ScopeRule.RECEIPT_ONLY);
  }

  @Test
  @DisplayName("SCOPE_DHS_LEVEL: bulk PII for a new purpose goes to DHS")
  void bulkPiiForNewPurposeIsDhsLevel() {
    assertThat(ScopeRule.decide(profileWith(d -> d.bulkTransfer(true).newPurpose(true)))).isEqualTo(ScopeRule.DHS_LEVEL);
    assertThat(ScopeRule.decide(profileWith(d -> d.bulkTransfer(true)))).isEqualTo(ScopeRule.IN_SCOPE);
    assertThat(ScopeRule.decide(profileWith(d -> d.pii(false).bulkTransfer(true).newPurpose(true)))).isEqualTo(ScopeRule.IN_SCOPE);
  }

  @Test
  @DisplayName("SCOPE_DHS_LEVEL: several DHS components sharing goes to DHS")
  void severalComponentsSharingIsDhsLevel() {
    assertThat(ScopeRule.decide(profileWith(d -> d.multipleDhsComponents(true)))).isEqualTo(ScopeRule.DHS_LEVEL);
  }

  @Test
  @DisplayName("EXEMPTION_4: an exempt agreement is registered without the process")
  void exemptAgreementSkipsTheProcess() {
    var exempt = withExemption(profile(), Exemption.of(4, "contracted vendor", null, null));
    assertThat(ScopeRule.decide(exempt).scope()).isEqualTo(Scope.EXEMPT);
    assertThat(ScopeRule.decide(exempt).id()).isEqualTo(RuleId.of("EXEMPTION_4"));
    assertThat(ScopeRule.processApplies(Scope.EXEMPT, exempt)).isFalse();
  }

  @Test
  @DisplayName("EXEMPTION_10: exigent sharing is exempt up front but must still be memorialized through the process")
  void exigentThreatStillGoesThroughTheProcess() {
    var exigent = withExemption(profile(), Exemption.of(10, "imminent threat", null, null));
    assertThat(ScopeRule.decide(exigent).scope()).isEqualTo(Scope.EXEMPT);
    assertThat(ScopeRule.processApplies(Scope.EXEMPT, exigent)).isTrue();
  }
}
