package gov.ice.registry.cycle;

import gov.ice.registry.agreement.api.DisputeLevel;

/** The stages whose durations the cycle-time report measures; each names who holds it in {@link StageInterval#holder()}. */
public enum Stage {
  /** From the draft to the agreement's execution; held by the program office. */
  END_TO_END,
  /** One office's response to one draft version (or amendment): from the later of the version's creation and the office becoming required, to its decision. */
  CONCURRENCE,
  /** The time one office was the only one the concurrence phase still waited for. */
  SOLE_HOLDER,
  /** From the clearance request to IGP's decision (cleared or returned). */
  CLEARANCE,
  /** From the clearance request to OPLA's legal sufficiency review, where S8 or S9 require one. */
  LEGAL_REVIEW,
  /** From the clearance to all signatures (the execution), held by the signatories together. */
  SIGNATURES,
  /** From the clearance to one signature, held by the ICE authority that signed (or {@code EXTERNAL_PARTY}). */
  SIGNATURE,
  DISPUTE_PROGRAM_AD,
  DISPUTE_DIRECTORATE,
  DISPUTE_DIRECTOR,
  /** From an exigent transfer (its day) to the agreement's execution. */
  EXIGENT_MEMORIALIZATION;

  public static Stage disputeAt(DisputeLevel level) {
    return switch (level) {
      case PROGRAM_AD -> DISPUTE_PROGRAM_AD;
      case DIRECTORATE -> DISPUTE_DIRECTORATE;
      case DIRECTOR -> DISPUTE_DIRECTOR;
    };
  }
}
