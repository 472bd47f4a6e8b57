package gov.ice.registry.web.agreement;

import gov.ice.registry.agreement.api.Actor;
import java.time.Instant;

/**
 * One ledger entry of an agreement (API.md, "Queries"). {@code hash} and {@code previousHash}
 * link it into the agreement's hash chain (see {@code gov.ice.registry.chain.EventChain}).
 */
record HistoryEntry(
    long sequence,
    String type,
    Instant at,
    Actor actor,
    Integer draftVersion,
    Object payload,
    String hash,
    String previousHash) {}
