package gov.ice.registry.agreement;

import static gov.ice.registry.agreement.Checks.notInFuture;
import static gov.ice.registry.agreement.Checks.requireStatus;

import gov.ice.registry.agreement.api.AgreementRefused;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.ExigentTransferRecorded;
import gov.ice.registry.agreement.api.RecordExigentTransfer;
import gov.ice.registry.agreement.api.RefusalCode;
import java.time.LocalDate;

/** Information shared under an exigent threat before execution, which starts the memorialization clock. */
final class ExigentTransfers {

  private ExigentTransfers() {}

  static Decided record(AgreementState state, RecordExigentTransfer command, LocalDate today) {
    requireStatus(state, "record an exigent transfer", AgreementStatus.DRAFT, AgreementStatus.IN_CLEARANCE, AgreementStatus.CLEARED);
    if (command.authorizedBy() == null) {
      throw AgreementRefused.under(RefusalCode.PROFILE_INVALID,
          "an exigent transfer names who determined the threat: the Secretary, Deputy Secretary, ICE Director or a designee",
          ExigentMemorialization.RULES);
    }
    notInFuture("transferredOn", command.transferredOn(), today);
    Decided decided = new Decided(state);
    if (state.exigentTransferOn(command.transferredOn()).isPresent()) {
      return decided; // One transfer a day starts one clock; recording it again changes nothing.
    }
    return decided.record(new ExigentTransferRecorded(command.agreementId(), command.transferredOn(), command.authorizedBy(),
        ExigentMemorialization.deadline(command.transferredOn()), command.laterMemorializationApprovedBy(),
        ExigentMemorialization.RULES));
  }
}
