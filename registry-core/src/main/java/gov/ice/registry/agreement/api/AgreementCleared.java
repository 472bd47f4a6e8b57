package gov.ice.registry.agreement.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A fact that every clearance the agreement needs was given, so it may be signed. */
@Revision("1")
public record AgreementCleared(AgreementId agreementId, int draftVersion, List<RuleId> rules) implements AgreementEvent {}
