package gov.ice.registry.web.agreement;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The agreement's version (its number of events) as an ETag, and back from an If-Match. */
final class ETags {

  private static final Pattern VERSION = Pattern.compile("^(W/)?\"?(\\d{1,18})\"?$");

  private ETags() {}

  static String of(long version) {
    return "\"" + version + "\"";
  }

  /** The version an If-Match names; null when there is none or it is {@code *} (any version). */
  static Long expectedVersion(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
      return null;
    }
    Matcher matcher = VERSION.matcher(ifMatch.trim());
    if (!matcher.matches()) {
      throw new InvalidRequest("If-Match", "must be an ETag this registry issued, such as \"7\"");
    }
    if (matcher.group(1) != null) {
      // If-Match compares strongly (RFC 9110 section 13.1.1): a weak tag matches no version, so the precondition fails.
      throw new PreconditionFailed("If-Match names a weak entity tag (" + ifMatch.trim() + "), which never matches; send the ETag as "
          + "the agreement's answer gave it, such as \"" + matcher.group(2) + "\"");
    }
    return Long.parseLong(matcher.group(2));
  }
}
