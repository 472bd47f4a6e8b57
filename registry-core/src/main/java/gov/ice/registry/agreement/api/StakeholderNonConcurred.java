package gov.ice.registry.agreement.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A fact that a Key Stakeholder did not concur on one draft version, blocking clearance. */
@Revision("1")
public record StakeholderNonConcurred(AgreementId agreementId, StakeholderOffice office, int draftVersion, String comment, List<RuleId> rules) implements AgreementEvent {}
