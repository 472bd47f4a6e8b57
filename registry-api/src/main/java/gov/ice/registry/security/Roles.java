package gov.ice.registry.security;

import gov.ice.registry.agreement.api.SignatoryAuthority;
import gov.ice.registry.agreement.api.StakeholderOffice;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The registry's roles (API.md) as Spring Security authorities, {@code ROLE_} + the role. */
public final class Roles {

  public static final String PREFIX = "ROLE_";
  public static final String PROGRAM_OFFICE = "PROGRAM_OFFICE";
  public static final String IGP = "IGP";
  public static final String DIRECTOR = "DIRECTOR";
  public static final String AUDITOR = "AUDITOR";
  public static final String ADMIN = "ADMIN";
  public static final String STAKEHOLDER_ = "STAKEHOLDER_";
  public static final String SIGNATORY_ = "SIGNATORY_";
  /** API.md, "Users and roles": systems that ask the sharing gate. */
  public static final String SHARING_GATE_CLIENT = "SHARING_GATE_CLIENT";

  private static final Set<String> NAMED = Set.of(PROGRAM_OFFICE, IGP, DIRECTOR, AUDITOR, ADMIN, SHARING_GATE_CLIENT);

  private Roles() {}

  /**
   * Whether {@code role} is one of the roles API.md documents: a fixed name, or a stakeholder or
   * signatory role naming an office or authority the registry knows. Exact and case-sensitive.
   */
  public static boolean documented(String role) {
    if (role == null) {
      return false;
    }
    if (NAMED.contains(role)) {
      return true;
    }
    if (role.startsWith(STAKEHOLDER_)) {
      return known(StakeholderOffice.class, role.substring(STAKEHOLDER_.length()));
    }
    if (role.startsWith(SIGNATORY_)) {
      return known(SignatoryAuthority.class, role.substring(SIGNATORY_.length()));
    }
    return false;
  }

  private static <E extends Enum<E>> boolean known(Class<E> type, String name) {
    return Arrays.stream(type.getEnumConstants()).anyMatch(constant -> constant.name().equals(name));
  }

  /** The roles without the authority prefix, as they appear in the users file and on events. */
  public static List<String> of(Authentication authentication) {
    return of(authentication.getAuthorities());
  }

  static List<String> of(Collection<? extends GrantedAuthority> authorities) {
    return authorities.stream()
        .map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith(PREFIX))
        .map(a -> a.substring(PREFIX.length()))
        .sorted()
        .toList();
  }

  public static boolean has(Authentication authentication, String role) {
    return of(authentication).contains(role);
  }

  public static boolean hasAnyWithPrefix(Authentication authentication, String prefix) {
    return of(authentication).stream().anyMatch(r -> r.startsWith(prefix));
  }

  /** A stakeholder concurs only for its own office. */
  public static boolean concursFor(Authentication authentication, StakeholderOffice office) {
    return has(authentication, STAKEHOLDER_ + office.name());
  }

  /** A signatory signs only with an authority it holds. */
  public static boolean signsWith(Authentication authentication, SignatoryAuthority authority) {
    return has(authentication, SIGNATORY_ + authority.name());
  }
}
