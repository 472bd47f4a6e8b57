package gov.ice.registry.agreement.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A fact that the agreement's termination date passed. */
@Revision("1")
public record AgreementExpired(AgreementId agreementId, LocalDate terminationDate, LocalDate recordedOn) implements AgreementEvent {}
