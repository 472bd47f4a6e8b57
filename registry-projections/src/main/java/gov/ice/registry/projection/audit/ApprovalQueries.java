package gov.ice.registry.projection.audit;

import static gov.ice.registry.projection.BsonValues.instant;
import static gov.ice.registry.projection.BsonValues.number;
import static gov.ice.registry.projection.BsonValues.strings;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoCollection;
import gov.ice.registry.projection.mongo.ReadStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;

/** Approvals by actor, office and time range, in ledger order. */
@Service
public class ApprovalQueries {

  private final ReadStore store;

  public ApprovalQueries(ReadStore store) {
    this.store = store;
  }

  public Flux<Approval> find(ApprovalSearch search) {
    List<Bson> filters = new ArrayList<>();
    if (search.actor() != null) {
      filters.add(Filters.eq("actorKey", search.actor().toLowerCase(Locale.ROOT)));
    }
    if (search.office() != null) {
      filters.add(Filters.eq("office", search.office().toUpperCase(Locale.ROOT)));
    }
    if (search.from() != null) {
      filters.add(Filters.gte("at", instant(search.from())));
    }
    if (search.to() != null) {
      filters.add(Filters.lt("at", instant(search.to())));
    }
    Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
    return Flux.from(approvals().find(filter).sort(Sorts.ascending("at", "agreementId", "sequence", "_id")))
        .map(ApprovalQueries::approval);
  }

  static Approval approval(Document d) {
    return new Approval(
        d.getString("_id"),
        d.getString("agreementId"),
        d.getString("title"),
        d.getString("type"),
        d.getString("decision"),
        d.getString("office"),
        d.getString("party"),
        d.getString("signatoryName"),
        d.getString("actorUsername"),
        d.getString("actorDisplayName"),
        strings(d, "actorRoles"),
        instant(d, "at"),
        (int) number(d, "draftVersion"),
        d.getString("comment"),
        strings(d, "rules"));
  }

  /** The live collection: a rebuild switches it once it has caught up. */
  private MongoCollection<Document> approvals() {
    return store.live(ApprovalProjection.COLLECTION);
  }
}
