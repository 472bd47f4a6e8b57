package gov.ice.registry.projection.reviews;

import gov.ice.registry.agreement.api.AgreementKind;
import gov.ice.registry.agreement.api.Directorate;
import java.time.LocalDate;
import java.util.List;

/**
 * An active agreement's biennial review as of {@code asOf}: when it is due, and how many days are
 * left ({@code daysRemaining}, 0 on the due day) or have passed since ({@code daysOverdue}); the
 * other one is null. {@code noticesIssued} lists the thresholds (days before the due date, negative
 * once overdue) already recorded for this due date.
 */
public record ReviewStanding(
    String agreementId,
    String title,
    AgreementKind kind,
    Directorate owningDirectorate,
    LocalDate effectiveDate,
    LocalDate lastReviewedOn,
    LocalDate nextReviewDue,
    LocalDate asOf,
    Long daysRemaining,
    Long daysOverdue,
    List<Integer> noticesIssued) {}
