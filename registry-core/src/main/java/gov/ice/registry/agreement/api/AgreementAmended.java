package gov.ice.registry.agreement.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A fact that an amendment took effect, leaving the agreement's profile as recorded. */
@Revision("1")
public record AgreementAmended(AgreementId agreementId, int amendmentNumber, int draftVersion, AgreementProfile profile, Scope scope, List<RequiredStakeholder> requiredStakeholders, List<String> consentedBy, LocalDate amendedOn) implements AgreementEvent {}
