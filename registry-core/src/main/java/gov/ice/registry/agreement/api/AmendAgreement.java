package gov.ice.registry.agreement.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Amend an active agreement with the written consent of every party. */
public record AmendAgreement(@TargetAggregateIdentifier AgreementId agreementId, AmendmentChanges changes, List<String> consentedBy, LocalDate amendedOn) {}
