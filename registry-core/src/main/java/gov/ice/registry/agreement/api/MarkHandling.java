package gov.ice.registry.agreement.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Designate the agreement's handling markings anew; OPR SD SMOU confirms them by concurring.
 * {@code marking}, when given, must be the agreement's own: a new marking decides other
 * stakeholders (S4) and is a revised draft.
 */
public record MarkHandling(@TargetAggregateIdentifier AgreementId agreementId, Marking marking, Handling handling) {

  public MarkHandling(AgreementId agreementId, Handling handling) {
    this(agreementId, null, handling);
  }
}
