package gov.ice.registry.eventstore;

import java.util.regex.Pattern;

/**
 * H2 acknowledges a commit before it is on disk unless WRITE_DELAY is 0: by default it loses the
 * last half second of acknowledged writes on a crash. A ledger cannot, so every H2 url gets
 * WRITE_DELAY=0, whatever the operator configured.
 */
final class H2Urls {

  private static final Pattern WRITE_DELAY = Pattern.compile(";\\s*WRITE_DELAY\\s*=\\s*[^;]*", Pattern.CASE_INSENSITIVE);

  private H2Urls() {}

  static String withoutWriteDelay(String url) {
    return WRITE_DELAY.matcher(url).replaceAll("") + ";WRITE_DELAY=0";
  }
}
