package gov.ice.registry.agreement.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A fact that an amendment with every party's consent awaits the concurrence of the stakeholders it newly requires. */
@Revision("1")
public record AmendmentProposed(AgreementId agreementId, int amendmentNumber, int draftVersion, AmendmentChanges changes, List<String> consentedBy, LocalDate amendedOn, List<RequiredStakeholder> pendingStakeholders) implements AgreementEvent {}
