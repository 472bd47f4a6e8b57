package gov.ice.registry.agreement;

import static gov.ice.registry.agreement.AgreementFixtures.profile;
import static gov.ice.registry.agreement.AgreementFixtures.terms;
import static gov.ice.registry.agreement.AgreementFixtures.withTerms;
import static gov.ice.registry.agreement.AgreementFixtures.withTitle;
import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.agreement.api.AgreementProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BaselineElementTest {

  @Test
  @DisplayName("BASELINE_1-5: the complete fixture has no gaps")
  void completeTermsHaveNoGaps() {
    assertThat(BaselineElement.gapsIn(profile())).isEmpty();
  }

  @Test
  @DisplayName("BASELINE_1: a blank title is a gap")
  void baseline1NeedsATitle() {
    assertThat(BaselineElement.gapsIn(withTitle(profile(), " "))).containsExactly(Map.entry(BaselineElement.BASELINE_1, List.of("title")));
  }

  @Test
  @DisplayName("BASELINE_2: purpose and the use's alignment with the original collection")
  void baseline2NeedsPurposeAndAlignment() {
    AgreementProfile profile = withTerms(profile(), terms(t -> t.purpose(null).useAlignment("")));
    assertThat(BaselineElement.gapsIn(profile))
        .containsExactly(Map.entry(BaselineElement.BASELINE_2, List.of("terms.purpose", "terms.useAlignment")));
  }

  @Test
  @DisplayName("BASELINE_2: the routine use is optional")
  void baseline2DoesNotNeedTheRoutineUse() {
    assertThat(BaselineElement.gapsIn(withTerms(profile(), terms(t -> t.routineUse(null))))).isEmpty();
  }

  @Test
  @DisplayName("BASELINE_3: authorities, mission needs and sharing requirements")
  void baseline3NeedsAuthoritiesAndMission() {
    assertThat(BaselineElement.gapsIn(withTerms(profile(), terms(t -> t.authorities(null).missionNeeds(null)))))
        .containsExactly(Map.entry(BaselineElement.BASELINE_3, List.of("terms.authorities", "terms.missionNeeds")));
  }

  @Test
  @DisplayName("BASELINE_4: processes, systems, points of contact, safeguards, retention, markings, dissemination, auditing")
  void baseline4NeedsProcessesAndSafeguards() {
    AgreementProfile profile = withTerms(profile(), terms(t -> t.pointsOfContact().safeguards(null).auditReporting(" ")));
    assertThat(BaselineElement.gapsIn(profile)).containsExactly(
        Map.entry(BaselineElement.BASELINE_4, List.of("terms.pointsOfContact", "terms.safeguards", "terms.auditReporting")));
  }

  @Test
  @DisplayName("BASELINE_5: effective date, a termination provision, information security and disposition")
  void baseline5NeedsDatesSecurityAndDisposition() {
    AgreementProfile profile = withTerms(profile(), terms(t -> t.effectiveDate(null).terminationDate(null).terminationNoticeDays(null)));
    assertThat(BaselineElement.gapsIn(profile)).containsExactly(Map.entry(BaselineElement.BASELINE_5,
        List.of("terms.effectiveDate", "terms.terminationDate or terms.terminationNoticeDays")));
  }

  @Test
  @DisplayName("BASELINE_5: a notice period stands in for a termination date")
  void baseline5AcceptsANoticePeriodInsteadOfADate() {
    assertThat(BaselineElement.gapsIn(withTerms(profile(), terms(t -> t.terminationDate(null))))).isEmpty();
  }

  @Test
  @DisplayName("BASELINE_1-5: a profile without terms lacks elements 2 to 5 and lists them all")
  void listsEveryMissingElement() {
    assertThat(BaselineElement.gapsIn(withTerms(profile(), null)).keySet()).containsExactly(
        BaselineElement.BASELINE_2, BaselineElement.BASELINE_3, BaselineElement.BASELINE_4, BaselineElement.BASELINE_5);
  }
}
