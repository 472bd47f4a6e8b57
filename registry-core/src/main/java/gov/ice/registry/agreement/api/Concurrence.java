package gov.ice.registry.agreement.api;

/** A stakeholder's latest decision, and the draft version it was given on. */
public record Concurrence(StakeholderOffice office, ConcurrenceDecision decision, int draftVersion, String comment) {}
