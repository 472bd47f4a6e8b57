package gov.ice.registry.agreement.api;

import java.util.Collection;

/**
 * What a document attached to an agreement is. Who may attach each kind follows the lifecycle:
 * the program office files drafts, amendments, notices and the rest; the executed copy may come
 * from the program office or a signatory; IGP, which keeps the central repository, may file any.
 */
public enum DocumentKind {
  /** The text of one draft version; the concurrences and clearance on that version bind to it. */
  DRAFT_TEXT,
  /** The agreement as every party signed it. */
  EXECUTED_COPY,
  /** A signed amendment. */
  AMENDMENT,
  /** A party's written notice of termination. */
  TERMINATION_NOTICE,
  /** The record of a biennial review. */
  REVIEW_RECORD,
  /** An annex or appendix to the agreement. */
  ANNEX,
  /** Letters and messages about the agreement. */
  CORRESPONDENCE;

  /** Role names as they appear on events (no {@code ROLE_} prefix). */
  private static final String PROGRAM_OFFICE = "PROGRAM_OFFICE";
  private static final String IGP = "IGP";
  private static final String SIGNATORY_ = "SIGNATORY_";

  /** Whether a user holding {@code roles} may attach a document of this kind. */
  public boolean mayBeAttachedBy(Collection<String> roles) {
    if (roles.contains(PROGRAM_OFFICE) || roles.contains(IGP)) {
      return true;
    }
    return this == EXECUTED_COPY && roles.stream().anyMatch(role -> role.startsWith(SIGNATORY_));
  }
}
