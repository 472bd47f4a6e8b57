package gov.ice.registry.web.pages;

import gov.ice.registry.agreement.Agreement;
import gov.ice.registry.agreement.AgreementFacts;
import gov.ice.registry.agreement.api.AgreementDirectory;
import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.DraftAgreement;
import java.util.UUID;

/**
 * What drafting a profile would decide (its scope and the stakeholders it requires, with the
 * rule ids), computed by the agreement itself and stored nowhere ({@link Agreement#preview}). A
 * profile the registry would refuse comes back as the same {@code AgreementRefused}.
 */
final class StakeholderPreview {

  private StakeholderPreview() {}

  static AgreementFacts of(AgreementProfile profile, AgreementDirectory directory) {
    return Agreement.preview(new DraftAgreement(AgreementId.of(UUID.randomUUID().toString()), profile), directory);
  }
}
