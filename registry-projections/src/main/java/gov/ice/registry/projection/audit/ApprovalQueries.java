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
import reactor.core.publisher.Mono;

/** Approvals by actor, office and time range, in ledger order. */
@Service
public class ApprovalQueries {

  private final ReadStore store;

  public ApprovalQueries(ReadStore store) {
    this.store = store;
  }

  /** Every approval the search selects, streamed in ledger order. */
  public Flux<Approval> find(ApprovalSearch search) {
    return find(search, 0, 0);
  }

  /** One page ({@code page} from 0) of {@code size} approvals; {@code size} 0 means all from the page's start. */
  public Flux<Approval> find(ApprovalSearch search, int page, int size) {
    return Flux.from(approvals().find(filter(search)).sort(Sorts.ascending("at", "agreementId", "sequence", "_id"))
            .skip(page * size).limit(size))
        .map(ApprovalQueries::approval);
  }

  public Mono<Long> count(ApprovalSearch search) {
    return Mono.from(approvals().countDocuments(filter(search)));
  }

  private static Bson filter(ApprovalSearch search) {
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
    return filters.isEmpty() ? new Document() : Filters.and(filters);
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
