package gov.ice.registry.gate;

import gov.ice.registry.gate.GateDecision.Reason;
import java.util.Optional;

/**
 * One rule of the gate, deny by default: a pure function from the question and one candidate
 * agreement (as known at {@code knownAt}, judged at {@code time}) to the reason it denies, or
 * empty when it lets the evaluation go on. Rules run in {@link SharingGate#RULES} order.
 */
public interface GateRule {

  String id();

  Optional<Reason> check(Candidate candidate);
}
