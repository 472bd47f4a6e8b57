package gov.ice.registry.projection.work;

import gov.ice.registry.agreement.api.SignatoryAuthority;
import gov.ice.registry.agreement.api.StakeholderOffice;
import java.time.LocalDate;
import java.util.List;

/**
 * One thing an agreement waits for, as the work read model stores it.
 *
 * @param key identifies the item across events, so it keeps the day it first appeared
 * @param office the office it waits for, where one does
 * @param authority the signatory authority it waits for, where one does
 * @param since the day it began waiting (in the registry's zone)
 * @param from the first day it is shown ({@link #ALWAYS_FROM} for at once): a review is due only 90 days before its date
 * @param until the last day it is shown ({@link #ALWAYS_UNTIL} for as long as it stands): a termination, up to its effective day
 * @param holders the roles whose queue it is in, as API.md names them ({@code STAKEHOLDER_OPLA}, {@code SIGNATORY_HSI_EAD}, {@code IGP}, ...)
 * @param remindedAfter the highest threshold (business days) a reminder was recorded for, 0 for none
 */
public record WorkItem(String key, WorkReason reason, StakeholderOffice office, SignatoryAuthority authority,
    LocalDate since, String from, String until, List<String> holders, int remindedAfter) {

  /** Stored for "shown from the start": sorts before every ISO date. */
  public static final String ALWAYS_FROM = "";
  /** Stored for "shown while it stands": sorts after every ISO date. */
  public static final String ALWAYS_UNTIL = "9999-12-31";

  public WorkItem {
    holders = List.copyOf(holders);
  }

  /** The draft version a concurrence, clearance or signature item waits on (the last part of its key). */
  public int draftVersion() {
    return Integer.parseInt(key.substring(key.lastIndexOf('/') + 1));
  }

  /** Whether the item is shown on {@code today} (an ISO date). */
  public boolean shownOn(String today) {
    return from.compareTo(today) <= 0 && until.compareTo(today) >= 0;
  }
}
