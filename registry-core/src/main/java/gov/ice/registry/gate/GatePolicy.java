package gov.ice.registry.gate;

import gov.ice.registry.chain.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gate's policy: its rules in order and its data (the marking table), with a version people
 * name and a hash that changes whenever the rules' order or the data change. Every decision
 * records both, so a replay can say whether the policy it ran under is the one recorded.
 */
public record GatePolicy(String version, List<GateRule> rules, String hash) {

  /**
   * Today's rules in today's order with {@code markingTable} (the text of a marking-coverage
   * table) in place of today's table: how an earlier policy that differed only in its data is
   * kept runnable in {@link GatePolicies}.
   */
  public static GatePolicy withMarkingTable(String version, String markingTable) {
    return of(version, SharingGate.RULES.stream().map(r -> r instanceof Coverage.MarkingRule ? new Coverage.MarkingRule(markingTable)
        : r).toList());
  }

  /** Raised by hand when a rule's meaning changes; the hash catches the rest. */
  public static final String VERSION = "2026.12.1";

  static GatePolicy of(String version, List<GateRule> rules) {
    if (rules.isEmpty()) {
      throw new IllegalArgumentException("a policy without rules would permit everything");
    }
    Map<String, Object> described = new LinkedHashMap<>();
    described.put("version", version);
    described.put("rules", rules.stream().map(r -> r.id() + "=" + r.getClass().getName()).toList());
    described.put("markingTable", rules.stream().filter(Coverage.MarkingRule.class::isInstance).map(r -> ((Coverage.MarkingRule) r)
        .tableText()).findFirst().orElse(Coverage.MARKING_TABLE_TEXT));
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(CanonicalJson.canonical(described).getBytes(StandardCharsets.UTF_8));
      return new GatePolicy(version, List.copyOf(rules), HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
