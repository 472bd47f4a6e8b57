package gov.ice.registry.agreement.api;

import java.time.LocalDate;

/** Information shared before the agreement existed, and the day it must be memorialized by. */
public record ExigentTransfer(
    LocalDate transferredOn,
    ExigentAuthority authorizedBy,
    LocalDate memorializationDeadline,
    ExigentAuthority laterMemorializationApprovedBy) {

  /** Met when the agreement was executed by the deadline, or a later memorialization was approved. */
  public boolean metBy(LocalDate executedOn) {
    return laterMemorializationApprovedBy != null
        || (executedOn != null && !executedOn.isAfter(memorializationDeadline));
  }
}
