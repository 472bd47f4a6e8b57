package gov.ice.registry.projection.notices;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A notice the registry recorded. {@code type} is {@code REVIEW_DUE} (with {@code dueOn} and
 * {@code daysBeforeDue}, negative once overdue) or {@code EXIGENT_DEADLINE_MISSED} (with
 * {@code transferredOn} and {@code deadline}) or {@code REMINDER} (with {@code step}, {@code holder},
 * {@code waitingSince} and {@code afterBusinessDays}: a concurrence, clearance or signature that
 * waited that many business days). {@code id} is the ledger event's identifier.
 */
public record IssuedNotice(
    String id,
    String type,
    String agreementId,
    String title,
    LocalDate issuedOn,
    Instant recordedAt,
    LocalDate dueOn,
    Integer daysBeforeDue,
    LocalDate transferredOn,
    LocalDate deadline,
    String step,
    String holder,
    LocalDate waitingSince,
    Integer afterBusinessDays) {

  public static final String REVIEW_DUE = "REVIEW_DUE";
  public static final String EXIGENT_DEADLINE_MISSED = "EXIGENT_DEADLINE_MISSED";
  public static final String REMINDER = "REMINDER";
}
