package gov.ice.registry.web.access;

import gov.ice.registry.agreement.api.Marking;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code registry.access}: the need-to-know of the legacy markings (per marking, the roles and
 * offices that may read agreements so marked; a marking not named admits every registry role)
 * and the roles the markings do not bind (none unless configured: auditors are not exempt).
 */
@ConfigurationProperties(prefix = "registry.access")
public record AccessProperties(Map<Marking, List<String>> needToKnow, List<String> exemptRoles) {

  public AccessProperties {
    needToKnow = needToKnow == null ? Map.of() : Map.copyOf(needToKnow);
    exemptRoles = exemptRoles == null ? List.of() : List.copyOf(exemptRoles);
  }
}
