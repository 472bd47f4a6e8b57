package gov.ice.registry.projection.work;

import gov.ice.registry.agreement.AgreementFacts;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.DisputeLevel;
import gov.ice.registry.agreement.api.DisputeRaised;
import gov.ice.registry.agreement.api.ExigentTransfer;
import gov.ice.registry.agreement.api.NoticeKey;
import gov.ice.registry.agreement.api.ReminderStep;
import gov.ice.registry.agreement.api.RequiredStakeholder;
import gov.ice.registry.agreement.api.SignatoryAuthority;
import gov.ice.registry.agreement.api.StakeholderOffice;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an agreement waits for, and from whom, decided from the domain's own state (the same
 * derived views the aggregate decides with: concurrences still needed, standing
 * non-concurrences, the open dispute, the authorities still to sign). An item that was already
 * there before the event keeps the day it appeared; a new one begins on the event's day.
 * Time-based items (reviews, terminations) carry the days they are shown between, so the
 * query, not a stored flag, decides whether they are due.
 */
public final class WorkItems {

  static final String PROGRAM_OFFICE = "PROGRAM_OFFICE";
  static final String IGP = "IGP";
  static final String DIRECTOR = "DIRECTOR";
  /** Section "Maintenance": a review is due soon within 90 days of its date. */
  static final int REVIEW_DUE_WITHIN_DAYS = 90;

  private WorkItems() {}

  public static String stakeholder(StakeholderOffice office) {
    return "STAKEHOLDER_" + office.name();
  }

  public static String signatory(SignatoryAuthority authority) {
    return "SIGNATORY_" + authority.name();
  }

  /**
   * The items of {@code state}. {@code sinceBefore}: the days the items before this event
   * appeared, by key; {@code today}: the event's day, for the items it creates;
   * {@code clearanceReturned}: whether the draft is back from clearance (since when, or null).
   */
  public static List<WorkItem> of(AgreementFacts state, Map<String, LocalDate> sinceBefore, LocalDate today,
      LocalDate clearanceReturned) {
    List<WorkItem> items = new ArrayList<>();
    if (!state.exists()) {
      return items;
    }
    Add add = new Add(items, sinceBefore, today, state);
    AgreementStatus status = state.status();
    int version = state.draftVersion();
    if (status == AgreementStatus.DRAFT) {
      DisputeRaised dispute = state.openDispute().orElse(null);
      List<StakeholderOffice> objecting = state.standingNonConcurrences();
      for (RequiredStakeholder s : state.concurrencesStillNeeded()) {
        if (!objecting.contains(s.office())) {
          add.item("concurrence/" + s.office() + "/" + version, WorkReason.AWAITING_CONCURRENCE, s.office(), null,
              stakeholder(s.office()), PROGRAM_OFFICE);
        }
      }
      if (dispute != null) {
        String level = dispute.level().name();
        for (StakeholderOffice office : dispute.objectingOffices()) {
          add.item("dispute/" + office + "/" + version + "/" + level, WorkReason.DISPUTE, office, null, stakeholder(office), PROGRAM_OFFICE);
        }
        if (dispute.level() != DisputeLevel.PROGRAM_AD) {
          add.item("dispute/" + version + "/" + level + "/igp", WorkReason.DISPUTE, null, null, IGP);
        }
        if (dispute.level() == DisputeLevel.DIRECTOR) {
          add.item("dispute/" + version + "/" + level + "/director", WorkReason.DISPUTE, null, null, DIRECTOR);
        }
      } else {
        for (StakeholderOffice office : objecting) {
          add.item("nonconcurrence/" + office + "/" + version, WorkReason.NON_CONCURRENCE, office, null, PROGRAM_OFFICE);
        }
      }
      if (clearanceReturned != null) {
        add.item("returned/" + version, WorkReason.CLEARANCE_RETURNED, null, null, clearanceReturned, PROGRAM_OFFICE);
      } else if (state.concurrencesStillNeeded().isEmpty() && objecting.isEmpty() && dispute == null && !state.requiredStakeholders().isEmpty()) {
        add.item("ready/" + version, WorkReason.READY_FOR_CLEARANCE, null, null, PROGRAM_OFFICE);
      }
    } else if (status == AgreementStatus.IN_CLEARANCE) {
      if (!state.igpCleared()) {
        add.item("clearance/" + version, WorkReason.AWAITING_CLEARANCE, StakeholderOffice.IGP, null, IGP, PROGRAM_OFFICE);
      } else if (state.legalReviewRequired() && state.legallySufficient().isEmpty()) {
        add.item("legal/" + version, WorkReason.AWAITING_LEGAL_REVIEW, StakeholderOffice.OPLA, null,
            stakeholder(StakeholderOffice.OPLA), PROGRAM_OFFICE);
      }
    } else if (status == AgreementStatus.CLEARED) {
      for (SignatoryAuthority authority : state.authoritiesStillToSign()) {
        add.item("signature/" + authority + "/" + version, WorkReason.AWAITING_SIGNATURE, null, authority,
            signatory(authority), PROGRAM_OFFICE);
      }
      for (String party : state.partiesStillToSign()) {
        add.item("party/" + party + "/" + version, WorkReason.AWAITING_PARTY_SIGNATURE, null, null, PROGRAM_OFFICE);
      }
    }
    if (status == AgreementStatus.ACTIVE) {
      state.pendingAmendment().ifPresent(amendment -> {
        for (RequiredStakeholder s : amendment.pendingStakeholders()) {
          if (!state.concurredOn(s.office(), amendment.draftVersion())) {
            add.item("concurrence/" + s.office() + "/" + amendment.draftVersion(), WorkReason.AWAITING_CONCURRENCE, s.office(), null,
                stakeholder(s.office()), PROGRAM_OFFICE);
          }
        }
      });
      LocalDate due = state.nextReviewDue();
      if (due != null) {
        LocalDate soon = due.minusDays(REVIEW_DUE_WITHIN_DAYS);
        items.add(new WorkItem("review/" + due + "/due", WorkReason.REVIEW_DUE, null, null, soon,
            soon.toString(), due.minusDays(1).toString(), List.of(PROGRAM_OFFICE), 0));
        // IGP follows the agreements without a recent review: the overdue ones.
        items.add(new WorkItem("review/" + due + "/overdue", WorkReason.REVIEW_OVERDUE, null, null, due,
            due.toString(), WorkItem.ALWAYS_UNTIL, List.of(PROGRAM_OFFICE, IGP), 0));
      }
    }
    if (status == AgreementStatus.DRAFT || status == AgreementStatus.IN_CLEARANCE || status == AgreementStatus.CLEARED) {
      for (ExigentTransfer transfer : state.exigentTransfers()) {
        if (transfer.laterMemorializationApprovedBy() == null) {
          items.add(new WorkItem("exigent/" + transfer.transferredOn(), WorkReason.EXIGENT_DEADLINE, null, null,
              transfer.transferredOn(), WorkItem.ALWAYS_FROM, WorkItem.ALWAYS_UNTIL, List.of(PROGRAM_OFFICE, IGP), 0));
        }
      }
    }
    if (status == AgreementStatus.TERMINATED) {
      state.termination().ifPresent(t -> items.add(new WorkItem("termination/" + t.effectiveOn(), WorkReason.TERMINATION_TAKING_EFFECT,
          null, null, t.noticeGivenOn() != null ? t.noticeGivenOn() : today, WorkItem.ALWAYS_FROM, t.effectiveOn().toString(),
          List.of(PROGRAM_OFFICE), 0)));
    }
    return items;
  }

  /** Adds the items that stand from an event on, keeping the day of those that stood before it. */
  private record Add(List<WorkItem> items, Map<String, LocalDate> sinceBefore, LocalDate today, AgreementFacts state) {

    void item(String key, WorkReason reason, StakeholderOffice office, SignatoryAuthority authority, String... holders) {
      item(key, reason, office, authority, null, holders);
    }

    void item(String key, WorkReason reason, StakeholderOffice office, SignatoryAuthority authority, LocalDate at, String... holders) {
      LocalDate since = sinceBefore.getOrDefault(key, at != null ? at : today);
      items.add(new WorkItem(key, reason, office, authority, since, WorkItem.ALWAYS_FROM, WorkItem.ALWAYS_UNTIL,
          Set.of(holders).stream().sorted().toList(), remindedAfter(state, reason, office, authority, key)));
    }
  }

  /** The step a reminder names for an item of {@code reason}, or null where none is sent. */
  public static ReminderStep step(WorkReason reason) {
    return switch (reason) {
      case AWAITING_CONCURRENCE -> ReminderStep.CONCURRENCE;
      case AWAITING_CLEARANCE -> ReminderStep.CLEARANCE;
      case AWAITING_SIGNATURE -> ReminderStep.SIGNATURE;
      default -> null;
    };
  }

  /** Who a reminder for the item goes to: its office, IGP for clearance, or its authority. */
  public static String reminded(WorkItem item) {
    return item.authority() != null ? item.authority().name() : item.office() != null ? item.office().name() : IGP;
  }

  private static int remindedAfter(AgreementFacts state, WorkReason reason, StakeholderOffice office, SignatoryAuthority authority,
      String key) {
    ReminderStep step = step(reason);
    if (step == null) {
      return 0;
    }
    String holder = authority != null ? authority.name() : office != null ? office.name() : IGP;
    int version = Integer.parseInt(key.substring(key.lastIndexOf('/') + 1));
    return state.noticesIssued().stream()
        .filter(NoticeKey.Reminder.class::isInstance).map(NoticeKey.Reminder.class::cast)
        .filter(r -> r.step() == step && r.holder().equals(holder) && r.draftVersion() == version)
        .mapToInt(NoticeKey.Reminder::afterBusinessDays).max().orElse(0);
  }
}
