package gov.ice.registry.agreement.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Terminate an agreement after written notice, or by mutual consent. */
public record TerminateAgreement(@TargetAggregateIdentifier AgreementId agreementId, String reason, LocalDate noticeGivenOn, LocalDate effectiveOn, boolean mutual) {}
