package gov.ice.registry.web.agreement;

import gov.ice.registry.agreement.api.AgreementKind;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.InformationCategory;
import java.util.List;

/** An active agreement that overlaps a new draft in a party and a category: the handbook asks to consider it first. */
public record ExistingAgreement(
    String id,
    String title,
    AgreementKind kind,
    AgreementStatus status,
    List<String> parties,
    List<InformationCategory> categories) {}
