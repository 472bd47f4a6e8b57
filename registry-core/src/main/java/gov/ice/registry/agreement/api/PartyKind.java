package gov.ice.registry.agreement.api;

public enum PartyKind {
  FOREIGN_GOVERNMENT,
  INTERNATIONAL_ORGANIZATION,
  FEDERAL,
  STATE,
  LOCAL,
  TRIBAL,
  PRIVATE_SECTOR,
  DHS_COMPONENT;

  /** Section VII: sharing with these parties makes the agreement international. */
  public boolean isInternational() {
    return this == FOREIGN_GOVERNMENT || this == INTERNATIONAL_ORGANIZATION;
  }
}
