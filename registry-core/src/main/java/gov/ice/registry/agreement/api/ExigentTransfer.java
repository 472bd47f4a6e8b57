package gov.ice.registry.agreement.api;

import java.time.LocalDate;

/** Information shared before the agreement existed, and the day it must be memorialized by. */
public record ExigentTransfer(
    LocalDate transferredOn,
    ExigentAuthority authorizedBy,
    LocalDate memorializationDeadline,
    ExigentAuthority laterMemorializationApprovedBy) {}
