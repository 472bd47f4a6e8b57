package gov.ice.registry.agreement;

import gov.ice.registry.agreement.api.IssueReminder;
import gov.ice.registry.agreement.api.RefusalCode;
import gov.ice.registry.agreement.api.ReminderIssued;
import gov.ice.registry.agreement.api.ReminderStep;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Reminders: only for a step still open, only once its wait reached the threshold in business days, and once. */
class ReminderTest extends AgreementTestSupport {

  /** Monday; ten business days later is Tuesday 17 November, Veterans Day (Wednesday 11) excluded. */
  static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);

  static IssueReminder remind(ReminderStep step, String holder, LocalDate asOf) {
    return new IssueReminder(ID, step, holder, 1, MONDAY, 10, asOf);
  }

  @Test
  void remindsAnOfficeWhoseConcurrenceWaitedTenBusinessDays() {
    fixture.given(history(drafted()))
        .when(remind(ReminderStep.CONCURRENCE, "IGP", LocalDate.of(2026, 11, 17)))
        .expectEvents(new ReminderIssued(ID, ReminderStep.CONCURRENCE, "IGP", 1, MONDAY, 10, LocalDate.of(2026, 11, 17)));
  }

  @Test
  void refusesAReminderBeforeTheThresholdCountingTheHolidayOut() {
    fixture.given(history(drafted()))
        .when(remind(ReminderStep.CONCURRENCE, "IGP", LocalDate.of(2026, 11, 16)))
        .expectException(refused(RefusalCode.NOT_DUE, "REMINDER"));
  }

  @Test
  void recordsTheSameReminderOnce() {
    fixture.given(history(plus(drafted(), remind(ReminderStep.CONCURRENCE, "IGP", LocalDate.of(2026, 11, 17)))))
        .when(remind(ReminderStep.CONCURRENCE, "IGP", LocalDate.of(2026, 11, 18)))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void remindsNobodyWhoHasAnswered() {
    fixture.given(history(readyForClearance()))
        .when(remind(ReminderStep.CONCURRENCE, "IGP", LocalDate.of(2026, 11, 20)))
        .expectException(refused(RefusalCode.NOT_DUE, "REMINDER"));
  }

  @Test
  void remindsIgpOfAClearanceRequestAndNobodyOnceItIsDecided() {
    fixture.given(history(inClearance()))
        .when(remind(ReminderStep.CLEARANCE, "IGP", LocalDate.of(2026, 11, 20)))
        .expectEvents(new ReminderIssued(ID, ReminderStep.CLEARANCE, "IGP", 1, MONDAY, 10, LocalDate.of(2026, 11, 20)));
    fixture.given(history(cleared()))
        .when(remind(ReminderStep.CLEARANCE, "IGP", LocalDate.of(2026, 11, 20)))
        .expectException(refused(RefusalCode.NOT_DUE, "REMINDER"));
  }

  @Test
  void remindsOnlyAnAuthorityThatMayStillSign() {
    fixture.given(history(cleared()))
        .when(remind(ReminderStep.SIGNATURE, "OPR_DEPUTY", LocalDate.of(2026, 11, 20)))
        .expectException(refused(RefusalCode.NOT_DUE, "REMINDER"));
  }

  @Test
  void refusesAReminderWithoutAThreshold() {
    fixture.given(history(drafted()))
        .when(new IssueReminder(ID, ReminderStep.CONCURRENCE, "IGP", 1, MONDAY, 0, LocalDate.of(2026, 11, 20)))
        .expectException(refused(RefusalCode.PROFILE_INVALID, "REMINDER"));
  }
}
