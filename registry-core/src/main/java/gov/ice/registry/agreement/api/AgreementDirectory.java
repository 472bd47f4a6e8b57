package gov.ice.registry.agreement.api;

import java.util.Optional;

/**
 * Looks up another agreement while a command is decided: exemptions 9, 12, 13 and 14 rest on an
 * executed parent ISAA that must exist and be active.
 */
@FunctionalInterface
public interface AgreementDirectory {

  Optional<AgreementStatus> statusOf(AgreementId id);
}
