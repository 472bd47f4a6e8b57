package gov.ice.registry.agreement.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A fact that a Key Stakeholder concurred on one draft version. */
@Revision("1")
public record StakeholderConcurred(AgreementId agreementId, StakeholderOffice office, int draftVersion, String comment, List<RuleId> rules) implements AgreementEvent {}
