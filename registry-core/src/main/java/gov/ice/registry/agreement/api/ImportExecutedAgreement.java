package gov.ice.registry.agreement.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Register an agreement executed before the registry existed, with its signatures and last
 * review, and the reference the office already files it under (optional).
 */
public record ImportExecutedAgreement(@TargetAggregateIdentifier AgreementId agreementId, AgreementProfile profile, List<SignatureRecord> signatures, LocalDate executedOn, LocalDate lastReviewedOn, String externalReference) {

  public ImportExecutedAgreement(AgreementId agreementId, AgreementProfile profile, List<SignatureRecord> signatures, LocalDate executedOn, LocalDate lastReviewedOn) {
    this(agreementId, profile, signatures, executedOn, lastReviewedOn, null);
  }
}
