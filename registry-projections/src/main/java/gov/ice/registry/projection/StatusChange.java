package gov.ice.registry.projection;

import gov.ice.registry.agreement.AgreementFacts;
import gov.ice.registry.agreement.api.AgreementCleared;
import gov.ice.registry.agreement.api.AgreementDrafted;
import gov.ice.registry.agreement.api.AgreementEscalatedToDhs;
import gov.ice.registry.agreement.api.AgreementEvent;
import gov.ice.registry.agreement.api.AgreementExecuted;
import gov.ice.registry.agreement.api.AgreementExpired;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.AgreementTerminated;
import gov.ice.registry.agreement.api.AgreementWithdrawn;
import gov.ice.registry.agreement.api.ClearanceRequested;
import gov.ice.registry.agreement.api.ClearanceReturned;
import gov.ice.registry.agreement.api.DraftRevised;
import gov.ice.registry.agreement.api.ExecutedAgreementImported;
import gov.ice.registry.agreement.api.LegalReviewCompleted;

/**
 * An agreement's status after one event, from its status before it, as {@link AgreementFacts}'s
 * fold sets it. Where the domain decides it from the payload (a new or revised draft's scope and
 * exemption), the domain's fold runs on that event alone from the empty state: no ledger read.
 */
public final class StatusChange {

  private StatusChange() {}

  public static AgreementStatus after(AgreementStatus before, AgreementEvent event) {
    if (event instanceof AgreementDrafted || event instanceof DraftRevised || event instanceof ExecutedAgreementImported) {
      return AgreementFacts.none().then(event).status();
    } else if (event instanceof AgreementEscalatedToDhs) {
      return AgreementStatus.ESCALATED_TO_DHS;
    } else if (event instanceof ClearanceRequested) {
      return AgreementStatus.IN_CLEARANCE;
    } else if (event instanceof ClearanceReturned) {
      return AgreementStatus.DRAFT;
    } else if (event instanceof LegalReviewCompleted e) {
      return e.legallySufficient() ? before : AgreementStatus.DRAFT;
    } else if (event instanceof AgreementCleared) {
      return AgreementStatus.CLEARED;
    } else if (event instanceof AgreementExecuted) {
      return AgreementStatus.ACTIVE;
    } else if (event instanceof AgreementTerminated) {
      return AgreementStatus.TERMINATED;
    } else if (event instanceof AgreementExpired) {
      return AgreementStatus.EXPIRED;
    } else if (event instanceof AgreementWithdrawn) {
      return AgreementStatus.WITHDRAWN;
    }
    return before;
  }
}
