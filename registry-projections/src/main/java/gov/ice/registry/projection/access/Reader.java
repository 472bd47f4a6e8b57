package gov.ice.registry.projection.access;

import java.util.List;
import java.util.Locale;

/**
 * The user a read is for, with the attributes the handling markings ask about: the registry
 * roles, whom the user works for ({@code null} when unknown: it admits to no employment-bound
 * control), the citizenship as an ISO 3166 alpha-3 code ({@code null} when unknown), the offices
 * the user belongs to, and the OAuth client the request came through, if any.
 */
public record Reader(String username, List<String> roles, Employment employment, String citizenship, List<String> offices,
    String clientId) {

  public Reader {
    roles = roles == null ? List.of() : List.copyOf(roles);
    citizenship = citizenship == null || citizenship.isBlank() ? null : citizenship.trim().toUpperCase(Locale.ROOT);
    offices = offices == null ? List.of()
        : offices.stream().filter(o -> o != null && !o.isBlank()).map(String::trim).distinct().toList();
  }

  public boolean usCitizen() {
    return "USA".equals(citizenship);
  }

  public boolean federal() {
    return employment == Employment.FEDERAL;
  }

  public boolean contractor() {
    return employment == Employment.CONTRACTOR;
  }
}
