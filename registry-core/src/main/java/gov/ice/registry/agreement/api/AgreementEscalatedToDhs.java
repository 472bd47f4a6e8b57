package gov.ice.registry.agreement.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A fact that the agreement goes beyond what ICE may clear alone and was escalated to DHS. */
@Revision("1")
public record AgreementEscalatedToDhs(AgreementId agreementId, int draftVersion, List<RuleId> rules, String reason) implements AgreementEvent {}
