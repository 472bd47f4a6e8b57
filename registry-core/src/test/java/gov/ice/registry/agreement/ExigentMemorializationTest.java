package gov.ice.registry.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.agreement.api.ExigentAuthority;
import gov.ice.registry.agreement.api.ExigentTransfer;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** EXEMPTION_10: five business days to memorialize an exigent transfer, unless a later memorialization was approved. */
class ExigentMemorializationTest {

  private static final LocalDate BEFORE_NEW_YEAR = LocalDate.of(2021, 12, 23);
  private static final LocalDate DEADLINE = LocalDate.of(2022, 1, 3);

  private static ExigentTransfer transfer(ExigentAuthority laterApprovedBy) {
    return new ExigentTransfer(BEFORE_NEW_YEAR, ExigentAuthority.ICE_DIRECTOR, ExigentMemorialization.deadline(BEFORE_NEW_YEAR),
        laterApprovedBy);
  }

  @Test
  void givesAnExigentTransferFiveBusinessDaysToBeMemorialized() {
    assertThat(ExigentMemorialization.BUSINESS_DAYS).isEqualTo(5);
    // Christmas Eve (observed) and New Year's Eve (observed) are not business days.
    assertThat(ExigentMemorialization.deadline(BEFORE_NEW_YEAR)).isEqualTo(DEADLINE);
  }

  @Test
  void isMetByExecutionOnOrBeforeTheDeadline() {
    assertThat(ExigentMemorialization.met(transfer(null), DEADLINE)).isTrue();
    assertThat(ExigentMemorialization.met(transfer(null), DEADLINE.plusDays(1))).isFalse();
    assertThat(ExigentMemorialization.met(transfer(null), null)).isFalse();
  }

  @Test
  void isMetByAnApprovedLaterMemorialization() {
    assertThat(ExigentMemorialization.met(transfer(ExigentAuthority.SECRETARY), null)).isTrue();
    assertThat(ExigentMemorialization.missed(transfer(ExigentAuthority.SECRETARY), null, DEADLINE.plusDays(30))).isFalse();
  }

  @Test
  void isMissedOnlyAfterTheDeadlineWhileUnmet() {
    assertThat(ExigentMemorialization.missed(transfer(null), null, DEADLINE)).isFalse();
    assertThat(ExigentMemorialization.missed(transfer(null), null, DEADLINE.plusDays(1))).isTrue();
    assertThat(ExigentMemorialization.missed(transfer(null), DEADLINE, DEADLINE.plusDays(1))).isFalse();
  }

  @Test
  void readsMissedFromWhatAReadModelKeepsAsItDecidesIt() {
    assertThat(ExigentMemorialization.missed(false, DEADLINE, DEADLINE)).isFalse();
    assertThat(ExigentMemorialization.missed(false, DEADLINE, DEADLINE.plusDays(1))).isTrue();
    assertThat(ExigentMemorialization.missed(true, DEADLINE, DEADLINE.plusDays(1))).isFalse();
    assertThat(ExigentMemorialization.missed(false, DEADLINE, null)).isFalse();
  }

  @Test
  void theLatestMissedDeadlineIsTheDayBefore() {
    // A query selects transfers not met with a deadline on or before this day: the deadline day itself still counts.
    assertThat(ExigentMemorialization.latestMissedDeadline(DEADLINE.plusDays(1))).isEqualTo(DEADLINE);
    assertThat(ExigentMemorialization.missed(false, ExigentMemorialization.latestMissedDeadline(DEADLINE), DEADLINE)).isTrue();
  }

  @Test
  void isNamedForExemptionTen() {
    assertThat(ExigentMemorialization.RULE).isEqualTo(ExemptionRule.EXIGENT_THREAT.id());
    assertThat(ExigentMemorialization.RULE.name()).isEqualTo("EXEMPTION_10");
  }
}
