package gov.ice.registry.projection;

import static gov.ice.registry.projection.BsonValues.day;
import static gov.ice.registry.projection.BsonValues.name;

import gov.ice.registry.agreement.AgreementFacts;
import gov.ice.registry.agreement.api.AgreementAmended;
import gov.ice.registry.agreement.api.AgreementDrafted;
import gov.ice.registry.agreement.api.AgreementEvent;
import gov.ice.registry.agreement.api.AgreementExecuted;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.AmendmentProposed;
import gov.ice.registry.agreement.api.Directorate;
import gov.ice.registry.agreement.api.DraftRevised;
import gov.ice.registry.agreement.api.ExecutedAgreementImported;
import gov.ice.registry.agreement.api.ExigentAuthority;
import gov.ice.registry.agreement.api.ExigentDeadlineMissedNoticeIssued;
import gov.ice.registry.agreement.api.ExigentTransfer;
import gov.ice.registry.agreement.api.ExigentTransferRecorded;
import gov.ice.registry.agreement.api.NoticeKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * What the audit, the exigent deadlines and the notices need of an agreement beyond the event they
 * handle: the few fields of {@link AgreementFacts} they show, changed by each event exactly as the
 * fold changes them ({@link #next}), so that a read model keeps them beside its documents instead
 * of folding the agreement from the ledger for every event. {@link #of} takes the same fields from
 * a folded state; the two agree after every event ({@code AgreementContextTest}).
 *
 * <p>{@code exigentNotices}: the transfer days whose missed-deadline notice was recorded, sorted,
 * each once (the fold keeps them in a set).
 */
public record AgreementContext(
    String title,
    int draftVersion,
    Directorate owningDirectorate,
    AgreementStatus status,
    LocalDate executedOn,
    List<ExigentTransfer> exigentTransfers,
    List<LocalDate> exigentNotices) {

  /** Before an agreement's first event, as {@link AgreementFacts#none()}. */
  public static final AgreementContext NONE = new AgreementContext(null, 0, null, null, null, List.of(), List.of());

  public AgreementContext {
    exigentTransfers = List.copyOf(exigentTransfers);
    exigentNotices = List.copyOf(exigentNotices);
  }

  /** The fields of a folded agreement. */
  public static AgreementContext of(AgreementFacts state) {
    AgreementProfile profile = state.profile();
    List<LocalDate> notices = state.noticesIssued().stream()
        .filter(NoticeKey.Exigent.class::isInstance).map(k -> ((NoticeKey.Exigent) k).transferredOn())
        .sorted().toList();
    return new AgreementContext(profile == null ? null : profile.title(), state.draftVersion(),
        profile == null ? null : profile.owningDirectorate(), state.status(), state.executedOn(),
        state.exigentTransfers(), notices);
  }

  /** The context after {@code event}, from this one reflecting exactly the events before it. */
  public AgreementContext next(AgreementEvent event) {
    String title = this.title;
    int draftVersion = this.draftVersion;
    Directorate directorate = this.owningDirectorate;
    LocalDate executedOn = this.executedOn;
    List<ExigentTransfer> transfers = exigentTransfers;
    List<LocalDate> notices = exigentNotices;
    AgreementProfile profile = null;
    if (event instanceof AgreementDrafted e) {
      draftVersion = e.draftVersion();
      profile = e.profile();
    } else if (event instanceof DraftRevised e) {
      draftVersion = e.draftVersion();
      profile = e.profile();
    } else if (event instanceof ExecutedAgreementImported e) {
      draftVersion = 1;
      profile = e.profile();
      executedOn = e.executedOn();
    } else if (event instanceof AmendmentProposed e) {
      draftVersion = e.draftVersion();
    } else if (event instanceof AgreementAmended e) {
      draftVersion = e.draftVersion();
      profile = e.profile();
    } else if (event instanceof AgreementExecuted e) {
      executedOn = e.executedOn();
    } else if (event instanceof ExigentTransferRecorded e) {
      transfers = new ArrayList<>(transfers);
      transfers.add(new ExigentTransfer(e.transferredOn(), e.authorizedBy(), e.memorializationDeadline(),
          e.laterMemorializationApprovedBy()));
    } else if (event instanceof ExigentDeadlineMissedNoticeIssued e && !notices.contains(e.transferredOn())) {
      notices = new ArrayList<>(notices);
      notices.add(e.transferredOn());
      notices.sort(null);
    }
    if (profile != null) {
      title = profile.title();
      directorate = profile.owningDirectorate();
    }
    return new AgreementContext(title, draftVersion, directorate, StatusChange.after(status, event), executedOn,
        transfers, notices);
  }

  /** Whether the missed-deadline notice of the transfer on {@code transferredOn} was recorded. */
  public boolean exigentNoticeIssued(LocalDate transferredOn) {
    return exigentNotices.contains(transferredOn);
  }

  public Document toDocument() {
    return new Document("title", title)
        .append("draftVersion", draftVersion)
        .append("owningDirectorate", name(owningDirectorate))
        .append("status", name(status))
        .append("executedOn", day(executedOn))
        .append("exigentTransfers", exigentTransfers.stream().map(t -> new Document("transferredOn", day(t.transferredOn()))
            .append("authorizedBy", name(t.authorizedBy()))
            .append("memorializationDeadline", day(t.memorializationDeadline()))
            .append("laterMemorializationApprovedBy", name(t.laterMemorializationApprovedBy()))).toList())
        .append("exigentNotices", exigentNotices.stream().map(BsonValues::day).toList());
  }

  public static AgreementContext from(Document d) {
    return new AgreementContext(
        d.getString("title"),
        (int) BsonValues.number(d, "draftVersion"),
        name(d, "owningDirectorate", Directorate.class),
        name(d, "status", AgreementStatus.class),
        day(d, "executedOn"),
        BsonValues.documents(d, "exigentTransfers").stream().map(t -> new ExigentTransfer(
            day(t, "transferredOn"),
            name(t, "authorizedBy", ExigentAuthority.class),
            day(t, "memorializationDeadline"),
            name(t, "laterMemorializationApprovedBy", ExigentAuthority.class))).toList(),
        BsonValues.strings(d, "exigentNotices").stream().map(LocalDate::parse).toList());
  }
}
