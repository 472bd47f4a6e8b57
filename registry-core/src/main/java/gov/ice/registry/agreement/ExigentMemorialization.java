package gov.ice.registry.agreement;

import gov.ice.registry.agreement.api.ExigentTransfer;
import gov.ice.registry.agreement.api.RuleId;
import gov.ice.registry.calendar.BusinessDays;
import java.time.LocalDate;
import java.util.List;

/**
 * Appendix B, exemption 10 ({@code EXEMPTION_10}): information shared under an exigent threat is
 * memorialized in an executed ISAA within five business days of the transfer, unless the
 * Secretary, Deputy Secretary or ICE Director approved a later memorialization. The aggregate
 * records the deadline and decides when the missed notice is due with it; the read side shows
 * "met" and "missed" with it, and selects missed transfers with {@link #latestMissedDeadline},
 * so neither side can disagree with the other.
 */
public final class ExigentMemorialization {

  public static final RuleId RULE = ExemptionRule.EXIGENT_THREAT.id();
  static final List<RuleId> RULES = List.of(RULE);

  /** Business days after the transfer by which the agreement must be executed. */
  public static final int BUSINESS_DAYS = 5;

  private ExigentMemorialization() {}

  /** The last day on which a transfer on {@code transferredOn} may be memorialized. */
  public static LocalDate deadline(LocalDate transferredOn) {
    return BusinessDays.addBusinessDays(transferredOn, BUSINESS_DAYS);
  }

  /** Met when the agreement was executed by the deadline, or a later memorialization was approved. */
  public static boolean met(ExigentTransfer transfer, LocalDate executedOn) {
    return transfer.laterMemorializationApprovedBy() != null
        || (executedOn != null && !executedOn.isAfter(transfer.memorializationDeadline()));
  }

  /** Missed on {@code asOf}: not met, and the deadline has passed. */
  public static boolean missed(ExigentTransfer transfer, LocalDate executedOn, LocalDate asOf) {
    return missed(met(transfer, executedOn), transfer.memorializationDeadline(), asOf);
  }

  /** {@link #missed(ExigentTransfer, LocalDate, LocalDate)} from what a read model keeps: {@link #met} and the deadline. */
  public static boolean missed(boolean met, LocalDate deadline, LocalDate asOf) {
    return !met && asOf != null && !deadline.isAfter(latestMissedDeadline(asOf));
  }

  /**
   * The latest deadline that has passed on {@code asOf}: the day before, since the deadline day
   * itself still counts. A transfer not met whose deadline is on or before this day is missed; a
   * query selects missed transfers with exactly that bound.
   */
  public static LocalDate latestMissedDeadline(LocalDate asOf) {
    return asOf.minusDays(1);
  }
}
