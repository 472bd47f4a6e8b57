package gov.ice.registry.web.agreement;

import gov.ice.registry.agreement.api.AgreementId;
import java.util.UUID;

/** Agreement ids in paths: the registry only mints UUIDs, so anything else names no agreement. */
final class AgreementIds {

  private AgreementIds() {}

  static AgreementId parse(String raw) {
    try {
      return AgreementId.of(UUID.fromString(raw).toString());
    } catch (IllegalArgumentException e) {
      throw new UnknownAgreement(raw);
    }
  }
}
