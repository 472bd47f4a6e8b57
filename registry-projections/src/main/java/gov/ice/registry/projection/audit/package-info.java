/**
 * The approvals read model for auditors: every concurrence, clearance, legal review, signature and
 * dispute decision, with its queries and CSV.
 */
package gov.ice.registry.projection.audit;
