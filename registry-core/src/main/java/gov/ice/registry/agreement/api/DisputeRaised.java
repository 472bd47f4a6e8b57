package gov.ice.registry.agreement.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A fact that a dispute over standing non-concurrences was raised, or escalated, at a level of section XI. */
@Revision("1")
public record DisputeRaised(AgreementId agreementId, DisputeLevel level, String summary, int draftVersion, List<StakeholderOffice> objectingOffices) implements AgreementEvent {}
