package gov.ice.registry.agreement.api;

/**
 * A limited dissemination control of the CUI program: who beyond the marking's own rules may
 * receive the information. Written in a banner by {@link #token()}, in this order (the CUI
 * Marking Handbook's order of controls).
 */
public enum DisseminationControl {
  NOFORN("NOFORN"),
  FED_ONLY("FED ONLY"),
  FEDCON("FEDCON"),
  NOCON("NOCON"),
  DL_ONLY("DL ONLY"),
  REL_TO("REL TO"),
  DISPLAY_ONLY("DISPLAY ONLY");

  private final String token;

  DisseminationControl(String token) {
    this.token = token;
  }

  /** The control as a banner writes it. */
  public String token() {
    return token;
  }
}
