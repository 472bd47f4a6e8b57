package gov.ice.registry.projection.audit;

import java.time.Instant;

/**
 * Which approvals an auditor asks for; null means any. {@code actor} is a username (ignoring
 * case), {@code office} an office or authority name (ignoring case); {@code from} is inclusive,
 * {@code to} exclusive.
 */
public record ApprovalSearch(String actor, String office, Instant from, Instant to) {

  public ApprovalSearch {
    actor = actor == null || actor.isBlank() ? null : actor.trim();
    office = office == null || office.isBlank() ? null : office.trim();
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException("from is before to");
    }
  }
}
