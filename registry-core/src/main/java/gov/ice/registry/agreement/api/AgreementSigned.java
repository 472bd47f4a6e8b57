package gov.ice.registry.agreement.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A fact that a signatory signed the cleared agreement for ICE or for a party. */
@Revision("1")
public record AgreementSigned(AgreementId agreementId, int draftVersion, SignatureRecord signature, List<RuleId> rules) implements AgreementEvent {}
