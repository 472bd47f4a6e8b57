package gov.ice.registry.web.query;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/** The "any registry role" rule of API.md for {@code @PreAuthorize}: {@code @queryAccess.anyRegistryRole(authentication)}. */
@Component("queryAccess")
public class QueryAccess {

  private static final Set<String> ROLES = Set.of("ROLE_PROGRAM_OFFICE", "ROLE_IGP", "ROLE_DIRECTOR", "ROLE_AUDITOR", "ROLE_ADMIN");

  public boolean anyRegistryRole(Authentication authentication) {
    return authentication != null && authentication.isAuthenticated() && authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .anyMatch(a -> ROLES.contains(a) || a.startsWith("ROLE_STAKEHOLDER_") || a.startsWith("ROLE_SIGNATORY_"));
  }
}
