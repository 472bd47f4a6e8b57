package gov.ice.registry.agreement.api;

import java.util.List;
import java.util.Map;

/**
 * The authenticated user behind a message. It travels in the metadata of every command and
 * event under the keys below, set from the security context and never from a request body.
 */
public record Actor(String username, String displayName, List<String> roles) {

  public static final String USERNAME = "actor.username";
  public static final String DISPLAY_NAME = "actor.displayName";
  public static final String ROLES = "actor.roles";

  /** The scheduled jobs act as this user. */
  public static final Actor SYSTEM = new Actor("system", "Registry scheduler", List.of("SYSTEM"));

  public Actor {
    roles = roles == null ? List.of() : List.copyOf(roles);
  }

  public Map<String, Object> asMetadata() {
    return Map.of(USERNAME, username, DISPLAY_NAME, displayName == null ? username : displayName, ROLES, String.join(",", roles));
  }

  public static Actor fromMetadata(Map<String, ?> metadata) {
    Object username = metadata.get(USERNAME);
    if (username == null) {
      return null;
    }
    Object displayName = metadata.get(DISPLAY_NAME);
    Object roles = metadata.get(ROLES);
    return new Actor(
        username.toString(),
        displayName == null ? username.toString() : displayName.toString(),
        roles == null || roles.toString().isBlank() ? List.of() : List.of(roles.toString().split(",")));
  }
}
