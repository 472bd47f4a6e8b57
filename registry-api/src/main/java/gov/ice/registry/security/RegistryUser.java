package gov.ice.registry.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A user of the embedded users file: a Spring Security user that also has a display name. */
final class RegistryUser extends User {

  private final String displayName;

  RegistryUser(String username, String password, String displayName, Collection<? extends GrantedAuthority> authorities) {
    super(username, password, authorities);
    this.displayName = displayName == null || displayName.isBlank() ? username : displayName;
  }

  String displayName() {
    return displayName;
  }
}
