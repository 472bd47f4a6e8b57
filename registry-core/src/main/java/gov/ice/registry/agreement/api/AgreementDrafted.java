package gov.ice.registry.agreement.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A fact that a program office drafted an agreement, and the registry decided its scope and required stakeholders. */
@Revision("1")
public record AgreementDrafted(AgreementId agreementId, int draftVersion, AgreementProfile profile, Scope scope, List<RequiredStakeholder> requiredStakeholders) implements AgreementEvent {}
