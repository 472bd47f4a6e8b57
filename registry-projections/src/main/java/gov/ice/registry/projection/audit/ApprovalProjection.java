package gov.ice.registry.projection.audit;

import static gov.ice.registry.projection.batch.BsonValues.instant;
import static gov.ice.registry.projection.batch.BsonValues.name;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import gov.ice.registry.agreement.api.Actor;
import gov.ice.registry.agreement.api.AgreementEvent;
import gov.ice.registry.agreement.api.AgreementSigned;
import gov.ice.registry.agreement.api.BiennialReviewCompleted;
import gov.ice.registry.agreement.api.ClearanceGranted;
import gov.ice.registry.agreement.api.ClearanceReturned;
import gov.ice.registry.agreement.api.Directorate;
import gov.ice.registry.agreement.api.DisputeResolved;
import gov.ice.registry.agreement.api.ExecutedAgreementImported;
import gov.ice.registry.agreement.api.LegalReviewCompleted;
import gov.ice.registry.agreement.api.PersonalDataErased;
import gov.ice.registry.agreement.api.RuleId;
import gov.ice.registry.agreement.api.SignatureRecord;
import gov.ice.registry.agreement.api.StakeholderConcurred;
import gov.ice.registry.agreement.api.StakeholderNonConcurred;
import gov.ice.registry.projection.context.AgreementContext;
import gov.ice.registry.projection.context.AgreementContexts;
import gov.ice.registry.projection.context.AgreementLedger;
import gov.ice.registry.projection.batch.BatchedProjection;
import gov.ice.registry.projection.batch.ReadModelBatch;
import gov.ice.registry.projection.mongo.ReadStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Every approval of every agreement, for auditors: one document per approval, keyed by agreement,
 * event sequence and position within the event (an import carries several signatures), so a
 * second delivery rewrites the same documents.
 *
 * <p>The title, draft version and owning directorate an approval shows are the agreement's right
 * after the event, as the domain's fold has them; the projection keeps them per agreement in
 * {@code approvalContexts}, changed by each event ({@link AgreementContexts}), not by folding the
 * agreement from the ledger.
 */
@Component
@ProcessingGroup(ApprovalProjection.GROUP)
public class ApprovalProjection extends BatchedProjection {

  public static final String GROUP = "audit";
  static final String COLLECTION = "approvals";
  static final String CONTEXTS = "approvalContexts";

  private final AgreementContexts contexts;

  public ApprovalProjection(ReadStore store, AgreementLedger ledger) {
    super(GROUP, COLLECTION, store, List.of(
        new IndexModel(Indexes.ascending("actorKey", "at")),
        new IndexModel(Indexes.ascending("office", "at")),
        new IndexModel(Indexes.ascending("at"))));
    this.contexts = new AgreementContexts(store, CONTEXTS, ledger);
  }

  @Override
  protected void handle(AgreementEvent event, DomainEventMessage<?> message, ReadModelBatch batch) {
    AgreementContext context = contexts.after(message, batch);
    if (event instanceof PersonalDataErased) {
      // The signatories' names recorded so far are erased (the ledger rewrote the events); the
      // actor columns stay: they name the registry user who acted, which the audit keeps.
      String agreementId = event.agreementId().value();
      batch.updateStored(collection(), Filters.eq("agreementId", agreementId), Updates.set("signatoryName", null),
          pending -> agreementId.equals(pending.getString("agreementId")), pending -> pending.put("signatoryName", null));
    }
    for (Document entry : entries(message, context.title(), context.draftVersion(), context.owningDirectorate())) {
      batch.put(collection(), entry.getString("_id"), entry);
    }
  }

  /**
   * The approvals {@code message} records, with their {@code _id}s, for an agreement whose title,
   * draft version and owning directorate are those given right after it.
   */
  public static List<Document> entries(DomainEventMessage<?> message, String title, int draftVersion, Directorate owningDirectorate) {
    AgreementEvent event = (AgreementEvent) message.getPayload();
    List<Document> entries = new ArrayList<>();
    if (event instanceof StakeholderConcurred e) {
      entries.add(entry("CONCURRENCE", "CONCUR", e.office().name(), e.draftVersion(), e.comment(), e.rules())
          .append("documentSha256", e.documentSha256()));
    } else if (event instanceof StakeholderNonConcurred e) {
      entries.add(entry("CONCURRENCE", "NON_CONCUR", e.office().name(), e.draftVersion(), e.comment(), e.rules())
          .append("documentSha256", e.documentSha256()));
    } else if (event instanceof ClearanceGranted e) {
      entries.add(entry("CLEARANCE", "CLEARED", "IGP", e.draftVersion(), e.comment(), List.of())
          .append("documentSha256", e.documentSha256()));
    } else if (event instanceof ClearanceReturned e) {
      entries.add(entry("CLEARANCE", "RETURNED", "IGP", e.draftVersion(), e.comment(), List.of()));
    } else if (event instanceof LegalReviewCompleted e) {
      entries.add(entry("LEGAL_REVIEW", e.legallySufficient() ? "LEGALLY_SUFFICIENT" : "NOT_LEGALLY_SUFFICIENT",
          "OPLA", e.draftVersion(), e.comment(), List.of()).append("documentSha256", e.documentSha256()));
    } else if (event instanceof AgreementSigned e) {
      entries.add(signature(e.signature(), "SIGNED", e.draftVersion(), e.rules()));
    } else if (event instanceof ExecutedAgreementImported e) {
      e.signatures().forEach(s -> entries.add(signature(s, "IMPORTED", draftVersion, List.of())));
    } else if (event instanceof BiennialReviewCompleted e) {
      entries.add(entry("REVIEW", e.outcome().name(), name(owningDirectorate), draftVersion, e.comment(), List.of()));
    } else if (event instanceof DisputeResolved e) {
      entries.add(entry("DISPUTE_DECISION", e.decision().name(), "ICE_DIRECTOR", e.draftVersion(), e.rationale(), List.of()));
    }
    Actor actor = Actor.fromMetadata(message.getMetaData());
    for (int i = 0; i < entries.size(); i++) {
      entries.get(i)
          .append("_id", event.agreementId().value() + ":" + message.getSequenceNumber() + ":" + i)
          .append("agreementId", event.agreementId().value())
          .append("title", title)
          .append("sequence", message.getSequenceNumber())
          .append("at", instant(message.getTimestamp()))
          .append("actorUsername", actor == null ? null : actor.username())
          .append("actorKey", actor == null ? null : actor.username().toLowerCase(Locale.ROOT))
          .append("actorDisplayName", actor == null ? null : actor.displayName())
          .append("actorRoles", actor == null ? List.of() : actor.roles());
    }
    return entries;
  }

  @Override
  protected void forget() {
    contexts.forget();
  }

  private static Document entry(String type, String decision, String office, int draftVersion, String comment, List<RuleId> rules) {
    return new Document("type", type)
        .append("decision", decision)
        .append("office", office)
        .append("draftVersion", draftVersion)
        .append("comment", comment)
        .append("rules", rules == null ? List.of() : RuleId.names(rules));
  }

  private static Document signature(SignatureRecord s, String decision, int draftVersion, List<RuleId> rules) {
    return entry("SIGNATURE", decision, s.signedForIce() ? name(s.authority()) : null, draftVersion, null, rules)
        .append("party", Objects.toString(s.party(), null))
        .append("signatoryName", s.signatoryName());
  }
}
