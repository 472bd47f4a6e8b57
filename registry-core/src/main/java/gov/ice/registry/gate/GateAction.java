package gov.ice.registry.gate;

/** What the caller is about to do: AuthZEN's action name in lower case ({@code share}, ...). */
public enum GateAction {
  SHARE,
  GRANT_ACCESS,
  REDISSEMINATE;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static GateAction ofWireName(String name) {
    for (GateAction action : values()) {
      if (action.wireName().equals(name)) {
        return action;
      }
    }
    throw new IllegalArgumentException("must be one of share, grant_access, redisseminate");
  }
}
