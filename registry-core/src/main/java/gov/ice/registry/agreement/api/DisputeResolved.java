package gov.ice.registry.agreement.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A fact that the ICE Director decided the open dispute. */
@Revision("1")
public record DisputeResolved(AgreementId agreementId, DisputeDecision decision, String rationale, int draftVersion, List<StakeholderOffice> objectingOffices) implements AgreementEvent {}
