package gov.ice.registry.agreement.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A fact that information was shared under an exigent threat before the agreement was executed, starting the memorialization clock. */
@Revision("1")
public record ExigentTransferRecorded(AgreementId agreementId, LocalDate transferredOn, ExigentAuthority authorizedBy, LocalDate memorializationDeadline, ExigentAuthority laterMemorializationApprovedBy, List<RuleId> rules) implements AgreementEvent {}
