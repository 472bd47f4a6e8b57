package gov.ice.registry.web.agreement;

import com.fasterxml.jackson.annotation.JsonInclude;
import gov.ice.registry.agreement.AgreementFacts;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.RequiredStakeholder;
import java.util.List;

/**
 * What every command answers (API.md, "Commands"): the agreement as the ledger holds it right
 * after the command. {@code version} is also the ETag; {@code existingAgreements} is only sent
 * when a draft is created: the {@link #EXISTING_SHOWN} most relevant, with their number
 * ({@code existingAgreementsTotal}) and the search that lists them all
 * ({@code existingAgreementsSearch}).
 */
public record AgreementSummary(
    String id,
    AgreementStatus status,
    int draftVersion,
    long version,
    List<RequiredStakeholder> requiredStakeholders,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<ExistingAgreement> existingAgreements,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long existingAgreementsTotal,
    @JsonInclude(JsonInclude.Include.NON_NULL) String existingAgreementsSearch) {

  /** How many existing agreements a draft's answer lists at most. */
  public static final int EXISTING_SHOWN = 20;

  static AgreementSummary of(AgreementFacts state) {
    return new AgreementSummary(state.id().value(), state.status(), state.draftVersion(), state.version(), state.requiredStakeholders(),
        null, null, null);
  }

  AgreementSummary withExistingAgreements(ExistingAgreementsFinder.MostRelevant existing, String search) {
    return new AgreementSummary(id, status, draftVersion, version, requiredStakeholders, existing.items(), existing.total(), search);
  }
}
