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

  /** Raised by hand when a rule's meaning changes; the hash catches the rest. */
  public static final String VERSION = "2026.12.1";

  static GatePolicy of(String version, List<GateRule> rules) {
    Map<String, Object> described = new LinkedHashMap<>();
    described.put("version", version);
    described.put("rules", rules.stream().map(r -> r.id() + "=" + r.getClass().getName()).toList());
    described.put("markingTable", Coverage.MARKING_TABLE_TEXT);
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(CanonicalJson.canonical(described).getBytes(StandardCharsets.UTF_8));
      return new GatePolicy(version, List.copyOf(rules), HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
