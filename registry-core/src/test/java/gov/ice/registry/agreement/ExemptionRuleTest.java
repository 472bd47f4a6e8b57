package gov.ice.registry.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.ice.registry.agreement.api.AgreementDirectory;
import gov.ice.registry.agreement.api.AgreementRefused;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.Exemption;
import gov.ice.registry.agreement.api.ExemptionNumber;
import gov.ice.registry.agreement.api.RefusalCode;
import gov.ice.registry.agreement.api.RuleId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExemptionRuleTest {

  private static final Map<String, AgreementStatus> REGISTRY = Map.of(
      "parent-active", AgreementStatus.ACTIVE,
      "parent-draft", AgreementStatus.DRAFT,
      "parent-terminated", AgreementStatus.TERMINATED);

  private static final AgreementDirectory DIRECTORY = id -> Optional.ofNullable(REGISTRY.get(id.value()));

  private static void assertRefused(Exemption exemption, String rule) {
    assertThatThrownBy(() -> ExemptionRule.check(exemption, DIRECTORY))
        .isInstanceOfSatisfying(AgreementRefused.class, refused -> {
          assertThat(refused.code()).isEqualTo(RefusalCode.EXEMPTION_INVALID);
          assertThat(refused.rules()).containsExactly(RuleId.of(rule));
        });
  }

  @Test
  @DisplayName("EXEMPTION_1 to EXEMPTION_16: Appendix B has sixteen exemptions, numbered and named")
  void appendixBHasSixteenExemptions() {
    assertThat(ExemptionRule.ALL).hasSize(16);
    assertThat(ExemptionRule.ALL.stream().map(rule -> rule.id().name())).containsExactly(
        "EXEMPTION_1", "EXEMPTION_2", "EXEMPTION_3", "EXEMPTION_4", "EXEMPTION_5", "EXEMPTION_6", "EXEMPTION_7", "EXEMPTION_8",
        "EXEMPTION_9", "EXEMPTION_10", "EXEMPTION_11", "EXEMPTION_12", "EXEMPTION_13", "EXEMPTION_14", "EXEMPTION_15",
        "EXEMPTION_16");
  }

  @ParameterizedTest(name = "EXEMPTION_{0} holds with a reason")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 8, 10, 11, 15, 16})
  void exemptionsWithoutConditionsHoldWithAReason(int number) {
    assertThat(ExemptionRule.check(Exemption.of(number, "the stated reason", null, null), DIRECTORY).id())
        .isEqualTo(RuleId.of("EXEMPTION_" + number));
  }

  @Test
  @DisplayName("APPENDIX_B: exemption 17 does not exist")
  void refusesAnUnknownExemptionNumber() {
    assertRefused(Exemption.of(17, "reason", null, null), "APPENDIX_B");
  }

  @Test
  @DisplayName("EXEMPTION_1: an exemption states its reason")
  void refusesAnExemptionWithoutReason() {
    assertRefused(Exemption.of(1, " ", null, null), "EXEMPTION_1");
  }

  @Test
  @DisplayName("EXEMPTION_7: sensitive law enforcement needs the approving EAD (HSI or ERO)")
  void exemption7NeedsTheApprovingEad() {
    assertRefused(Exemption.of(7, "undercover operation", null, null), "EXEMPTION_7");
    assertRefused(Exemption.of(7, "undercover operation", "OPR_AD", null), "EXEMPTION_7");
    assertThat(ExemptionRule.check(Exemption.of(7, "undercover operation", "HSI_EAD", null), DIRECTORY).number()).isEqualTo(ExemptionNumber.of(7));
    assertThat(ExemptionRule.check(Exemption.of(7, "undercover operation", "ero ead", null), DIRECTORY).number()).isEqualTo(ExemptionNumber.of(7));
  }

  @ParameterizedTest(name = "EXEMPTION_{0} rests on an executed, active parent ISAA")
  @ValueSource(ints = {9, 12, 13, 14})
  void followOnExemptionsNeedAnActiveParent(int number) {
    String rule = "EXEMPTION_" + number;
    assertRefused(Exemption.of(number, "follow-on", null, null), rule);
    assertRefused(Exemption.of(number, "follow-on", null, "no-such-agreement"), rule);
    assertRefused(Exemption.of(number, "follow-on", null, "parent-draft"), rule);
    assertRefused(Exemption.of(number, "follow-on", null, "parent-terminated"), rule);
    assertThat(ExemptionRule.check(Exemption.of(number, "follow-on", null, "parent-active"), DIRECTORY).id()).isEqualTo(RuleId.of(rule));
  }
}
