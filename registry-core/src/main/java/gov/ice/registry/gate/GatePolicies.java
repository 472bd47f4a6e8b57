package gov.ice.registry.gate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every policy the gate has decided under, by hash, so that a logged decision can be replayed
 * under the policy recorded with it rather than today's. When a release changes the rules or the
 * marking table, the policy it replaces stays in {@link #RELEASED}: a changed table as its text
 * ({@link GatePolicy#withMarkingTable}), a changed rule as the old class kept under a versioned
 * name. A hash not found here is a policy this registry cannot run, and a replay says so.
 */
public final class GatePolicies {

  /** The released policies, oldest first; the last is {@link SharingGate#POLICY}. */
  public static final GatePolicies RELEASED = new GatePolicies(List.of(SharingGate.POLICY));

  private final Map<String, GatePolicy> byHash = new LinkedHashMap<>();

  public GatePolicies(List<GatePolicy> policies) {
    policies.forEach(p -> byHash.put(p.hash(), p));
  }

  public Optional<GatePolicy> find(String hash) {
    return Optional.ofNullable(hash == null ? null : byHash.get(hash));
  }

  public List<GatePolicy> all() {
    return List.copyOf(byHash.values());
  }
}
