package gov.ice.registry.projection.cycle;

import static gov.ice.registry.projection.batch.BsonValues.day;
import static gov.ice.registry.projection.batch.BsonValues.instant;

import gov.ice.registry.agreement.api.AgreementAmended;
import gov.ice.registry.agreement.api.AgreementDrafted;
import gov.ice.registry.agreement.api.AgreementEvent;
import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.DraftRevised;
import gov.ice.registry.agreement.api.ExecutedAgreementImported;
import gov.ice.registry.cycle.CycleFact;
import gov.ice.registry.cycle.StageInterval;
import gov.ice.registry.cycle.StageTimeline;
import gov.ice.registry.projection.context.AgreementLedger;
import gov.ice.registry.projection.batch.BatchedProjection;
import gov.ice.registry.projection.batch.BsonValues;
import gov.ice.registry.projection.batch.ReadModelBatch;
import gov.ice.registry.projection.mongo.ReadStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Each agreement's cycle-time stages, one document per agreement: what the report groups by (the
 * owning directorate, kind, party kinds and categories as they stand), the {@link CycleFact}s of
 * its events so far (a few values each, folded again by {@link StageTimeline} when the next event
 * arrives, instead of reading the ledger), and the intervals that fold gives. The report reads the
 * intervals from {@link CycleTimeIndex}, never from here per request.
 */
@Component
@ProcessingGroup(CycleTimeProjection.GROUP)
public class CycleTimeProjection extends BatchedProjection {

  public static final String GROUP = "cycleTime";
  public static final String COLLECTION = "cycleTimes";

  private final AgreementLedger ledger;
  private final CycleTimeIndex index;

  public CycleTimeProjection(ReadStore store, AgreementLedger ledger, CycleTimeIndex index) {
    super(GROUP, COLLECTION, store, List.of());
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.index = Objects.requireNonNull(index, "index");
  }

  @Override
  protected void handle(AgreementEvent event, DomainEventMessage<?> message, ReadModelBatch batch) {
    String id = event.agreementId().value();
    changeByEvent(message, id, batch,
        () -> next(new Document("facts", List.of()), event, message),
        before -> next(before, event, message),
        () -> fromHistory(event.agreementId(), message));
  }

  private Document fromHistory(AgreementId id, DomainEventMessage<?> message) {
    Document document = new Document("facts", List.of());
    for (DomainEventMessage<?> earlier : ledger.eventsBefore(id, message.getSequenceNumber())) {
      document = next(document, (AgreementEvent) earlier.getPayload(), earlier);
    }
    return next(document, (AgreementEvent) message.getPayload(), message);
  }

  /** The document after {@code event}: its fact appended, the grouping attributes as the event leaves them, the stages folded again. */
  static Document next(Document before, AgreementEvent event, DomainEventMessage<?> message) {
    Document document = new Document(before);
    document.remove("_id");
    AgreementProfile profile = profileOf(event);
    if (profile != null) {
      document.put("directorate", BsonValues.name(profile.owningDirectorate()));
      document.put("kind", BsonValues.name(profile.kind()));
      document.put("partyKinds", profile.parties().stream().filter(p -> p.kind() != null).map(p -> p.kind().name())
          .distinct().sorted().toList());
      document.put("categories", profile.categories().stream().map(Enum::name).distinct().sorted().toList());
    }
    CycleFact fact = CycleFact.of(event, message.getTimestamp());
    List<Document> facts = new ArrayList<>(BsonValues.documents(document, "facts"));
    if (fact != null) {
      facts.add(toDocument(fact));
      document.put("facts", facts);
    }
    StageTimeline timeline = StageTimeline.of(facts.stream().map(CycleTimeProjection::fact).toList(), StageTimeline.ZONE);
    document.put("imported", timeline.imported());
    document.put("intervals", timeline.intervals().stream().map(CycleTimeProjection::toDocument).toList());
    StageTimeline.Concurrency concurrency = timeline.concurrency();
    document.put("concurrencyHeldMillis", concurrency.heldMillis());
    document.put("concurrencySpanMillis", concurrency.spanMillis());
    return document;
  }

  private static AgreementProfile profileOf(AgreementEvent event) {
    if (event instanceof AgreementDrafted e) {
      return e.profile();
    } else if (event instanceof DraftRevised e) {
      return e.profile();
    } else if (event instanceof AgreementAmended e) {
      return e.profile();
    } else if (event instanceof ExecutedAgreementImported e) {
      return e.profile();
    }
    return null;
  }

  static Document toDocument(CycleFact fact) {
    Document d = new Document("k", fact.kind().name()).append("at", instant(fact.at()));
    if (fact.draftVersion() != 0) {
      d.append("v", fact.draftVersion());
    }
    if (fact.office() != null) {
      d.append("o", fact.office());
    }
    if (!fact.offices().isEmpty()) {
      d.append("os", fact.offices());
    }
    if (!fact.others().isEmpty()) {
      d.append("ot", fact.others());
    }
    if (fact.detail() != null) {
      d.append("d", fact.detail());
    }
    if (fact.flag()) {
      d.append("f", true);
    }
    if (fact.day() != null) {
      d.append("day", day(fact.day()));
    }
    return d;
  }

  static CycleFact fact(Document d) {
    Number version = d.get("v", Number.class);
    return new CycleFact(CycleFact.Kind.valueOf(d.getString("k")), instant(d, "at"), version == null ? 0 : version.intValue(),
        d.getString("o"), BsonValues.strings(d, "os"), BsonValues.strings(d, "ot"), d.getString("d"),
        Boolean.TRUE.equals(d.getBoolean("f")), day(d, "day"));
  }

  static Document toDocument(StageInterval interval) {
    return new Document("stage", interval.stage().name())
        .append("holder", interval.holder())
        .append("draftVersion", interval.draftVersion())
        .append("start", instant(interval.start()))
        .append("end", interval.end() == null ? null : instant(interval.end()))
        .append("startDay", day(interval.startDay()))
        .append("endDay", day(interval.endDay()))
        .append("outcome", interval.outcome().name())
        .append("rework", interval.rework());
  }

  @Override
  protected void written(String collection, List<Document> documents) {
    index.written(collection, documents);
  }

  @Override
  protected void dropped(String collection) {
    index.dropped(collection);
  }
}
