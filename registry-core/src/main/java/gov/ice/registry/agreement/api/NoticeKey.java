package gov.ice.registry.agreement.api;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Which notice an agreement has had, so each is recorded once: a review-due notice for one due
 * date at one threshold (days before the due date, negative once overdue), or the missed-deadline
 * notice of one exigent transfer. Typed, so a key is never built or parsed as text: each notice's
 * command and event answers its own ({@code key()}), and the aggregate and the review schedule's
 * read model compare those.
 */
public sealed interface NoticeKey {

  static NoticeKey review(LocalDate dueOn, int daysBeforeDue) {
    return new Review(dueOn, daysBeforeDue);
  }

  static NoticeKey exigent(LocalDate transferredOn) {
    return new Exigent(transferredOn);
  }

  /** A review-due notice for {@code dueOn} at {@code daysBeforeDue} ({@code REVIEW_NOTICE}). */
  record Review(LocalDate dueOn, int daysBeforeDue) implements NoticeKey {
    public Review {
      Objects.requireNonNull(dueOn, "dueOn");
    }
  }

  /**
   * A reminder that {@code step} of draft version {@code draftVersion} has waited for
   * {@code holder} (an office, {@code IGP}, or a signatory authority) {@code afterBusinessDays}
   * business days ({@code REMINDER}).
   */
  record Reminder(ReminderStep step, String holder, int draftVersion, int afterBusinessDays) implements NoticeKey {
    public Reminder {
      Objects.requireNonNull(step, "step");
      Objects.requireNonNull(holder, "holder");
    }
  }

  /** The missed-memorialization notice of the exigent transfer on {@code transferredOn} ({@code EXEMPTION_10}). */
  record Exigent(LocalDate transferredOn) implements NoticeKey {
    public Exigent {
      Objects.requireNonNull(transferredOn, "transferredOn");
    }
  }
}
