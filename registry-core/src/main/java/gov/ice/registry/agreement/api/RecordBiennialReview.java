package gov.ice.registry.agreement.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a biennial review of an active agreement. */
public record RecordBiennialReview(@TargetAggregateIdentifier AgreementId agreementId, LocalDate reviewedOn, ReviewOutcome outcome, ReviewFindings findings, String comment) {}
