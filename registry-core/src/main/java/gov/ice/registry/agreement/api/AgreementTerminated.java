package gov.ice.registry.agreement.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A fact that the agreement was terminated after notice or by mutual consent, from the effective day. */
@Revision("1")
public record AgreementTerminated(AgreementId agreementId, String reason, LocalDate noticeGivenOn, LocalDate effectiveOn, boolean mutual) implements AgreementEvent {}
