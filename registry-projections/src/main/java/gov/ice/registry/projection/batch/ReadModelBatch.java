package gov.ice.registry.projection.batch;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateManyModel;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import gov.ice.registry.projection.mongo.ReadStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.bson.Document;
import org.bson.conversions.Bson;
import reactor.core.publisher.Flux;

/**
 * The documents one batch of events changes in one read model's collections, kept by {@code _id}
 * until the batch's last event and then written with one unordered bulk write per collection.
 * A later event of the batch replaces what an earlier one put for the same {@code _id}.
 *
 * <p>Versioned documents (one per agreement, {@code version} = its events reflected) are guarded
 * without a query the embedded store would answer by scanning: the batch reads the stored
 * versions by {@code _id} alone ({@code $in}, which mongo-java-server answers from its {@code _id}
 * index), compares them here, and writes by {@code _id} only the documents that move forward. A
 * redelivered or replayed batch therefore changes nothing.
 */
public final class ReadModelBatch {

  private record Pending(Long version, Document document) {}

  private final Map<String, Map<String, Pending>> documents = new LinkedHashMap<>();
  private final Map<String, List<WriteModel<Document>>> before = new LinkedHashMap<>();
  /** The agreements whose events of this batch follow earlier ones: their stored documents are read together. */
  private final Set<String> agreements;
  /** By collection, the stored documents of {@link #agreements} (read once, with the first lookup). */
  private final Map<String, Map<String, Document>> stored = new HashMap<>();

  /** A batch of one event, or of events whose agreements are not known in advance. */
  public ReadModelBatch() {
    this(Set.of());
  }

  /** A batch of events of {@code agreements} past their first event (and perhaps of others). */
  public ReadModelBatch(Set<String> agreements) {
    this.agreements = Set.copyOf(agreements);
  }

  /**
   * The document {@code id} of {@code collection} as stored before this batch, or null. For one of
   * the batch's agreements, the first lookup in a collection reads all of theirs with one
   * {@code $in} on {@code _id} (which mongo-java-server answers from its {@code _id} index): a
   * lookup per event cost a round trip per event, most of a rebuild's time where the document is
   * usually missing (the contexts kept only where needed). Other ids are read by {@code _id} alone.
   */
  public Document stored(MongoCollection<Document> collection, String id) {
    if (!agreements.contains(id)) {
      return ReadStore.await(collection.find(Filters.eq("_id", id)).first());
    }
    return stored.computeIfAbsent(collection.getNamespace().getFullName(), name -> {
      Map<String, Document> found = new HashMap<>();
      Flux.from(collection.find(Filters.in("_id", agreements)))
          .doOnNext(d -> found.put(d.getString("_id"), d))
          .then().block(ReadStore.WRITE_TIMEOUT);
      return found;
    }).get(id);
  }

  /** Writes {@code document} as {@code _id} at {@code version}, unless the store holds that version or a later one. */
  public void put(String collection, String id, long version, Document document) {
    document.put("_id", id);
    document.put(VersionedWrite.VERSION, version);
    documents.computeIfAbsent(collection, c -> new LinkedHashMap<>()).put(id, new Pending(version, document));
  }

  /** Writes {@code document} as {@code _id}; for documents that are a function of one event, the same every time. */
  public void put(String collection, String id, Document document) {
    document.put("_id", id);
    documents.computeIfAbsent(collection, c -> new LinkedHashMap<>()).put(id, new Pending(null, document));
  }

  /**
   * Changes the stored documents matching {@code filter} (before this batch's own documents are
   * written), and the ones this batch holds so far that {@code pending} selects, by {@code change}.
   */
  public void updateStored(String collection, Bson filter, Bson update, Predicate<Document> pending, Consumer<Document> change) {
    before.computeIfAbsent(collection, c -> new ArrayList<>()).add(new UpdateManyModel<>(filter, update));
    documents.getOrDefault(collection, Map.of()).values().stream()
        .map(Pending::document).filter(pending).forEach(change);
  }

  /** The versioned document this batch holds so far for {@code _id}, or null: what a later event of the batch builds on. */
  public Document pending(String collection, String id) {
    Pending p = documents.getOrDefault(collection, Map.of()).get(id);
    return p == null || p.version() == null ? null : p.document();
  }

  public boolean isEmpty() {
    return documents.isEmpty() && before.isEmpty();
  }

  /**
   * Writes the batch: one bulk write per collection, through {@code collections} (name to
   * collection). Answers, by collection name, the documents the store now holds as this batch has
   * them: every unversioned one (always written), the versioned ones written, and the ones it
   * already held at the same version (written by an earlier attempt of this batch whose write
   * failed part way), never the ones it holds newer.
   */
  Map<String, List<Document>> flush(Function<String, MongoCollection<Document>> collections) {
    Map<String, List<Document>> held = new LinkedHashMap<>();
    List<String> names = new ArrayList<>(before.keySet());
    documents.keySet().stream().filter(n -> !names.contains(n)).forEach(names::add);
    for (String name : names) {
      MongoCollection<Document> collection = collections.apply(name);
      List<WriteModel<Document>> updates = before.getOrDefault(name, List.of());
      if (!updates.isEmpty()) {
        // Before the batch's own documents and apart from them: an unordered bulk write may apply in any order.
        ReadStore.await(collection.bulkWrite(updates, new BulkWriteOptions().ordered(true)));
      }
      Map<String, Pending> pending = documents.getOrDefault(name, Map.of());
      Map<String, Long> stored = storedVersions(collection, pending);
      ReplaceOptions upsert = new ReplaceOptions().upsert(true);
      List<WriteModel<Document>> writes = new ArrayList<>();
      List<Document> now = new ArrayList<>();
      pending.forEach((id, p) -> {
        Long current = stored.get(id);
        if (p.version() == null || current == null || current < p.version()) {
          writes.add(new ReplaceOneModel<>(Filters.eq("_id", id), p.document(), upsert));
        }
        if (p.version() == null || current == null || current <= p.version()) {
          now.add(p.document());
        }
      });
      if (!writes.isEmpty()) {
        ReadStore.await(collection.bulkWrite(writes, new BulkWriteOptions().ordered(false)));
      }
      held.put(name, now);
    }
    return held;
  }

  private static Map<String, Long> storedVersions(MongoCollection<Document> collection, Map<String, Pending> pending) {
    List<String> ids = pending.entrySet().stream().filter(e -> e.getValue().version() != null).map(Map.Entry::getKey).toList();
    Map<String, Long> versions = new HashMap<>();
    if (ids.isEmpty()) {
      return versions;
    }
    Flux.from(collection.find(Filters.in("_id", ids)).projection(Projections.include(VersionedWrite.VERSION)))
        .doOnNext(d -> versions.put(d.getString("_id"), BsonValues.number(d, VersionedWrite.VERSION)))
        .then().block(ReadStore.WRITE_TIMEOUT);
    return versions;
  }
}
