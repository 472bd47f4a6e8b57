package gov.ice.registry.projection.audit;

import java.time.Instant;
import java.util.List;

/**
 * One approval in the ledger: who gave it (the authenticated actor of the event, never a request
 * field), when, for which office or authority, on which draft version, and what was decided.
 *
 * <p>{@code type} and {@code office}: {@code CONCURRENCE} for the stakeholder office (decision
 * {@code CONCUR} or {@code NON_CONCUR}); {@code CLEARANCE} for {@code IGP} ({@code CLEARED} or
 * {@code RETURNED}); {@code LEGAL_REVIEW} for {@code OPLA} ({@code LEGALLY_SUFFICIENT} or
 * {@code NOT_LEGALLY_SUFFICIENT}); {@code SIGNATURE} for ICE's signatory authority, or no office
 * for an external party ({@code party} names the signer; imported signatures say {@code IMPORTED});
 * {@code REVIEW} for the owning directorate (the review outcome); {@code DISPUTE_DECISION} for the
 * {@code ICE_DIRECTOR} (the Director's decision).
 *
 * <p>{@code documentSha256}: for a concurrence, clearance or legal review of a version that had
 * draft text, the SHA-256 of that text (the document approved); null otherwise.
 */
public record Approval(
    String id,
    String agreementId,
    String title,
    String type,
    String decision,
    String office,
    String party,
    String signatoryName,
    String actorUsername,
    String actorDisplayName,
    List<String> actorRoles,
    Instant at,
    int draftVersion,
    String comment,
    List<String> rules,
    String documentSha256) {}
