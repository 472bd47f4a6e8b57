package gov.ice.registry.notice;

import gov.ice.registry.notice.NoticeCommands.Outcome;
import java.time.LocalDate;
import java.util.List;

/** What one run of the notice job did, per policy: commands the agreements accepted, found not due, or failed. */
public record NoticeRunReport(LocalDate asOf, Counts reviewDue, Counts exigentDeadlines, Counts expiries, Counts reminders) {

  public record Counts(long sent, long notDue, long failed) {

    static final Counts NONE = new Counts(0, 0, 0);

    static Counts of(List<Outcome> outcomes) {
      return new Counts(
          outcomes.stream().filter(o -> o == Outcome.SENT).count(),
          outcomes.stream().filter(o -> o == Outcome.NOT_DUE).count(),
          outcomes.stream().filter(o -> o == Outcome.FAILED).count());
    }
  }
}
