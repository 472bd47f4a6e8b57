package gov.ice.registry.agreement.api;

import static gov.ice.registry.agreement.AgreementFixtures.ruleIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RuleIdTest {

  @Test
  void sortsAsTheHandbookListsRules() {
    List<RuleId> sorted = Stream.of("S10", "S2", "B1", "S1", "EXEMPTION_10", "EXEMPTION_9").map(RuleId::of).sorted().toList();

    assertThat(RuleId.names(sorted)).containsExactly("B1", "EXEMPTION_9", "EXEMPTION_10", "S1", "S2", "S10");
  }

  @Test
  void isItsNameInEveryTextualForm() {
    RuleId s3 = RuleId.of("S3");

    assertThat(s3).hasToString("S3");
    assertThat(RuleId.names(List.of(s3))).containsExactly("S3");
  }

  @Test
  void isNeverBlank() {
    assertThatThrownBy(() -> RuleId.of(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RuleId.of(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void aRefusalCarriesItsRules() {
    AgreementRefused refused = AgreementRefused.under(RefusalCode.SHARING_BLOCKED, "blocked", List.of(RuleId.of("B1")));

    assertThat(refused.rules()).containsExactly(RuleId.of("B1"));
    assertThat(new AgreementRefused(RefusalCode.SHARING_BLOCKED, "blocked").rules()).isEmpty();
  }

  @Test
  void aRequiredStakeholderAnswersWhichRulesRequireIt() {
    RequiredStakeholder opla = new RequiredStakeholder(StakeholderOffice.OPLA, ruleIds("S8", "S9"));

    assertThat(opla.rules()).containsExactly(RuleId.of("S8"), RuleId.of("S9"));
    assertThat(opla.requiredBy(RuleId.of("S9"))).isTrue();
    assertThat(opla.requiredBy(RuleId.of("S1"))).isFalse();
  }
}
