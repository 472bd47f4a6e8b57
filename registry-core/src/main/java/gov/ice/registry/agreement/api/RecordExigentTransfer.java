package gov.ice.registry.agreement.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record information shared under an exigent threat before the agreement was executed (Appendix B, 10). */
public record RecordExigentTransfer(@TargetAggregateIdentifier AgreementId agreementId, LocalDate transferredOn, ExigentAuthority authorizedBy, ExigentAuthority laterMemorializationApprovedBy) {}
