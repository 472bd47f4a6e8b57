package gov.ice.registry.web.agreement;

import gov.ice.registry.agreement.api.Actor;
import java.time.Instant;

/**
 * One ledger entry of an agreement (API.md, "Queries"). {@code hash} and {@code previousHash}
 * belong to the tamper-evident chain; they are null until the ledger is chained.
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
