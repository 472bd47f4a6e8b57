package gov.ice.registry.gate;

import java.time.LocalDate;
import java.util.List;

/**
 * The gate's answer: permit or deny, the agreements it rests on, the reasons (the first is the
 * one that decided), the obligations the caller must fulfil or not share, and advice.
 */
public record GateDecision(boolean permit, List<Basis> basis, List<Reason> reasons, List<Obligation> obligations, List<Advice> advice) {

  /** A covering agreement as the gate read it. */
  public record Basis(String agreementId, String title, long version, String status, LocalDate effectiveDate,
      LocalDate terminationDate, LocalDate terminatedOn, String exemption) {}

  /** Why: a rule id (e.g. {@code AGREEMENT_TERMINATED}, {@code B1}, {@code PERMITTED}), the agreement and the detail. */
  public record Reason(String id, String agreementId, String detail, LocalDate date) {

    public Reason(String id, String agreementId, String detail) {
      this(id, agreementId, detail, null);
    }
  }

  /** What the caller must do: its id, what, and the term of the agreement it comes from. */
  public record Obligation(String id, String text, String agreementId, String term, String citation) {}

  public record Advice(String id, String text, String agreementId) {}
}
