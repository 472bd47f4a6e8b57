package gov.ice.registry.projection;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import gov.ice.registry.projection.mongo.ReadStore;
import org.bson.Document;

/**
 * Writes a document derived from an agreement's events up to {@code version}, unless the store
 * already holds that version or a later one. The filter matches only an older document, so an
 * upsert against a newer one collides on {@code _id}; that collision means "nothing to do".
 * Redelivered and replayed events therefore never move a document backwards.
 */
public final class VersionedWrite {

  public static final String VERSION = "version";

  private VersionedWrite() {}

  /** Returns whether the document was written. */
  public static boolean replace(MongoCollection<Document> collection, String id, long version, Document document) {
    document.put("_id", id);
    document.put(VERSION, version);
    try {
      ReadStore.await(collection.replaceOne(
          Filters.and(Filters.eq("_id", id), Filters.lt(VERSION, version)), document, new ReplaceOptions().upsert(true)));
      return true;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
  }
}
