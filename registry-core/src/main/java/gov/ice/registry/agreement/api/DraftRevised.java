package gov.ice.registry.agreement.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A fact that the draft was replaced by a new version, making the listed concurrences stale. */
@Revision("1")
public record DraftRevised(AgreementId agreementId, int draftVersion, AgreementProfile profile, Scope scope, List<RequiredStakeholder> requiredStakeholders, List<StakeholderOffice> staleConcurrences) implements AgreementEvent {}
