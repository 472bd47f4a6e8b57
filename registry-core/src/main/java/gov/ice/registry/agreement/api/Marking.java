package gov.ice.registry.agreement.api;

public enum Marking {
  NONE,
  CUI,
  FOUO,
  LES,
  SECRET,
  TOP_SECRET;

  /** Rule S4: controlled unclassified and classified markings need the security office. */
  public boolean isControlledOrClassified() {
    return this != NONE;
  }

  /** Rule B3: these are drafted on HSDN or C-LAN, never in this unclassified registry. */
  public boolean isClassified() {
    return this == SECRET || this == TOP_SECRET;
  }
}
