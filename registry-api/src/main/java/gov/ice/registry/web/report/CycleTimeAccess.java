package gov.ice.registry.web.report;

import gov.ice.registry.security.Roles;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Who reads the cycle-time report (API.md): IGP, AUDITOR and DIRECTOR every office; a stakeholder its own office only. */
@Component("cycleTimeAccess")
public class CycleTimeAccess {

  public boolean mayRead(Authentication authentication) {
    return authentication != null && authentication.isAuthenticated()
        && (seesEveryOffice(authentication) || Roles.hasAnyWithPrefix(authentication, Roles.STAKEHOLDER_));
  }

  static boolean seesEveryOffice(Authentication authentication) {
    return Roles.has(authentication, Roles.IGP) || Roles.has(authentication, Roles.AUDITOR)
        || Roles.has(authentication, Roles.DIRECTOR);
  }

  /** The offices whose intervals {@code authentication} may see; empty for every office. */
  public static Set<String> officesOnly(Authentication authentication) {
    if (seesEveryOffice(authentication)) {
      return Set.of();
    }
    return Roles.of(authentication).stream().filter(r -> r.startsWith(Roles.STAKEHOLDER_))
        .map(r -> r.substring(Roles.STAKEHOLDER_.length())).collect(Collectors.toSet());
  }
}
