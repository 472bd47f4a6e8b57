package gov.ice.registry.agreement.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A fact that the parties reviewed the active agreement, with their findings and outcome. */
@Revision("1")
public record BiennialReviewCompleted(AgreementId agreementId, LocalDate reviewedOn, ReviewOutcome outcome, ReviewFindings findings, String comment, LocalDate nextReviewDue) implements AgreementEvent {}
