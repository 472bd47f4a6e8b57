package gov.ice.registry.agreement.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A fact that every required signature is in, a copy is with IGP, and the agreement is active. */
@Revision("1")
public record AgreementExecuted(AgreementId agreementId, int draftVersion, LocalDate executedOn, LocalDate effectiveDate, LocalDate nextReviewDue) implements AgreementEvent {}
