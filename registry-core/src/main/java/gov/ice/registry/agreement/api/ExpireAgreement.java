package gov.ice.registry.agreement.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that the agreement's termination date has passed, as of the given day. */
public record ExpireAgreement(@TargetAggregateIdentifier AgreementId agreementId, LocalDate asOf) {}
