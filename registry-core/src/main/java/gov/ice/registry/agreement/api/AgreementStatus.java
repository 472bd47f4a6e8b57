package gov.ice.registry.agreement.api;

public enum AgreementStatus {
  DRAFT,
  IN_CLEARANCE,
  CLEARED,
  ACTIVE,
  TERMINATED,
  EXPIRED,
  WITHDRAWN,
  /** Exempt or out of scope: kept in the registry without the clearance process. */
  REGISTERED,
  /** Sent to DHS because ICE cannot clear it alone. */
  ESCALATED_TO_DHS;

  public boolean isFinal() {
    return this == TERMINATED || this == EXPIRED || this == WITHDRAWN;
  }
}
