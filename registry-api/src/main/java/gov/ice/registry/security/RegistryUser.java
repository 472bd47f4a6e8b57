package gov.ice.registry.security;

import gov.ice.registry.projection.access.Employment;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A user of the embedded users file: a Spring Security user that also has a display name and
 * the attributes the handling markings ask about (employment, citizenship, offices).
 */
final class RegistryUser extends User {

  private final String displayName;
  private final Employment employment;
  private final String citizenship;
  private final List<String> offices;

  RegistryUser(String username, String password, String displayName, Collection<? extends GrantedAuthority> authorities) {
    this(username, password, displayName, authorities, null, null, List.of());
  }

  RegistryUser(String username, String password, String displayName, Collection<? extends GrantedAuthority> authorities,
      Employment employment, String citizenship, List<String> offices) {
    super(username, password, authorities);
    this.displayName = displayName == null || displayName.isBlank() ? username : displayName;
    this.employment = employment;
    this.citizenship = citizenship;
    this.offices = offices == null ? List.of() : List.copyOf(offices);
  }

  String displayName() {
    return displayName;
  }

  Employment employment() {
    return employment;
  }

  String citizenship() {
    return citizenship;
  }

  List<String> offices() {
    return offices;
  }
}
