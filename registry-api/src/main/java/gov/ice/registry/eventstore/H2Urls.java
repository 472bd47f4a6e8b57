package gov.ice.registry.eventstore;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The settings every H2 ledger url gets, whatever the operator configured.
 *
 * <ul>
 *   <li>{@code WRITE_DELAY=0}: otherwise H2 acknowledges a commit before it is written and loses
 *       the last half second of acknowledged writes on a crash. A ledger cannot.
 *   <li>{@code RETENTION_TIME=0}: H2's store only appends; it keeps the space of replaced pages
 *       for 45 s by default before it reuses it. With {@code WRITE_DELAY=0} every commit writes a
 *       new chunk of whole pages (about 20 to 50 KB for a 3 KB event), and H2 runs no background
 *       compaction, so the file grew by about 50 KB per event. H2 never forces a commit to the
 *       disk (it survives a killed process, not a power loss), so retaining old chunks buys no
 *       durability that WRITE_DELAY=0 gives; {@link H2Compaction} then rewrites sparse chunks.
 *   <li>{@code MAX_LENGTH_INPLACE_LOB=65536}: Axon's table declares payload and metadata as
 *       BLOBs, and by default H2 moves every value over 256 bytes into its LOB maps, which cost
 *       more pages per commit and a lookup per row when the verifier reads the ledger. An event
 *       of a few KB stays in its row.
 *   <li>{@code MAX_COMPACT_TIME=2000}: compaction when the last connection closes, up to 2 s
 *       (200 ms by default), so a stopped ledger leaves a file near the size of its data.
 *   <li>{@code DB_CLOSE_ON_EXIT=FALSE}: H2's own shutdown hook closed the ledger about 0.25 s
 *       after SIGTERM, while Spring's graceful shutdown still let requests in flight finish, so
 *       they failed half done. The ledger now closes when Spring closes its data source, after
 *       the web server has drained and Axon has stopped (docs/graceful-stop.md).
 * </ul>
 */
public final class H2Urls {

  static final Map<String, String> SETTINGS = settings();

  private H2Urls() {}

  private static Map<String, String> settings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("WRITE_DELAY", "0");
    settings.put("RETENTION_TIME", "0");
    settings.put("MAX_LENGTH_INPLACE_LOB", "65536");
    settings.put("MAX_COMPACT_TIME", "2000");
    settings.put("DB_CLOSE_ON_EXIT", "FALSE");
    return Collections.unmodifiableMap(settings);
  }

  /** {@code url} with the ledger's settings in place of any the operator gave for the same names. */
  public static String forLedger(String url) {
    String result = url;
    for (String name : SETTINGS.keySet()) {
      result = Pattern.compile(";\\s*" + name + "\\s*=\\s*[^;]*", Pattern.CASE_INSENSITIVE).matcher(result).replaceAll("");
    }
    StringBuilder withSettings = new StringBuilder(result);
    SETTINGS.forEach((name, value) -> withSettings.append(';').append(name).append('=').append(value));
    return withSettings.toString();
  }
}
