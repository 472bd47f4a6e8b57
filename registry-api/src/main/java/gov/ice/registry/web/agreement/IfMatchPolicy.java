package gov.ice.registry.web.agreement;

import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether a command on an existing agreement must carry If-Match ({@code registry.api.if-match},
 * environment {@code REGISTRY_API_IF_MATCH}). {@code optional}, the default, is the contract every
 * client was written against; {@code required} makes every such command conditional, so no client
 * overwrites a change it never saw (docs/decisions/0200). Pages are not affected: their forms
 * always send the version they were rendered from.
 */
@Component
class IfMatchPolicy {

  enum Setting { OPTIONAL, REQUIRED }

  private final Setting setting;

  IfMatchPolicy(@Value("${registry.api.if-match:optional}") String setting) {
    this.setting = parse(setting);
  }

  static Setting parse(String setting) {
    try {
      return Setting.valueOf(setting.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("registry.api.if-match (REGISTRY_API_IF_MATCH) is optional or required, not '" + setting + "'");
    }
  }

  boolean required() {
    return setting == Setting.REQUIRED;
  }

  /**
   * The version {@code ifMatch} names, null for {@code *} or, where If-Match is optional, for none.
   * Checked before the agreement is even looked up, so an unknown id without If-Match answers 428
   * too: the request was not conditional, whatever it names.
   */
  Long expectedVersion(String ifMatch) {
    if (required() && (ifMatch == null || ifMatch.isBlank())) {
      throw new PreconditionRequired("This registry requires If-Match on every command on an existing agreement: send the ETag of "
          + "the agreement's last answer (or of GET /api/agreements/{id}), or If-Match: * to act on whatever version it has.");
    }
    return ETags.expectedVersion(ifMatch);
  }
}
