package gov.ice.registry.projection.repository;

import gov.ice.registry.agreement.ExigentMemorialization;
import gov.ice.registry.agreement.api.AgreementEvent;
import gov.ice.registry.agreement.api.ExigentTransfer;
import gov.ice.registry.projection.context.AgreementContext;
import gov.ice.registry.agreement.api.DocumentAttached;
import gov.ice.registry.agreement.api.DocumentContentWithdrawn;
import gov.ice.registry.projection.audit.ApprovalProjection;
import gov.ice.registry.projection.text.DocumentTextExtractor.Extracted;
import gov.ice.registry.projection.text.DocumentTextExtractor.NotExtracted;
import gov.ice.registry.projection.text.DocumentTextExtractor.Result;
import gov.ice.registry.projection.text.DocumentTexts;
import gov.ice.registry.projection.work.WorkDocument;
import java.util.Collection;
import gov.ice.registry.projection.batch.BsonValues;
import gov.ice.registry.projection.context.LedgerFold;
import gov.ice.registry.projection.batch.VersionedWrite;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;

/**
 * One Lucene index of the central repository in one directory, and the ledger position it
 * reflects. The position is written in each commit's user data together with the documents the
 * events up to it made ({@link #apply}), so a commit holds both or neither: after a crash the
 * index reopens at its last commit and the ledger is read again from the position that commit names.
 * An agreement's update replaces its document by id, so an event applied twice changes nothing.
 */
final class LuceneIndex implements Closeable {

  static final String TOKEN = "token";
  static final String POSITION = "position";
  /** The identifier of the ledger's first event: which ledger the position counts in. */
  static final String LEDGER = "ledger";
  /** Which documents the index holds ({@link #VERSION}); an index of another version is built again. */
  static final String SCHEMA = "schema";
  /**
   * 2: approvals, exigent transfers and each agreement's context beside the agreements; 3: the
   * work queues' items ({@link WorkSchema}).
   */
  static final String VERSION = "3";

  private final Path path;
  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private volatile TrackingToken token;
  private volatile String ledger;

  private final DocumentTexts texts;
  /** Where an event's instant falls on a day: the day a work item began waiting. */
  private final java.time.ZoneId zone;

  LuceneIndex(Path path) {
    this(path, null);
  }

  LuceneIndex(Path path, DocumentTexts texts) {
    this(path, texts, WorkSchema.ZONE);
  }

  /** {@code texts} reads the text of attached documents; null: none is read ("text not extracted"). */
  LuceneIndex(Path path, DocumentTexts texts, java.time.ZoneId zone) {
    this.path = path;
    this.texts = texts;
    this.zone = zone;
    try {
      directory = FSDirectory.open(path);
      Map<String, String> committed = DirectoryReader.indexExists(directory) ? lastCommit(directory).getUserData() : Map.of();
      token = decode(committed.get(TOKEN));
      ledger = committed.get(LEDGER);
      // A close never commits: only apply does, with the position its documents reflect.
      writer = new IndexWriter(directory, new IndexWriterConfig(SearchSchema.ANALYZER).setCommitOnClose(false));
      searchers = new SearcherManager(writer, null);
      if (token != null && !VERSION.equals(committed.get(SCHEMA))) {
        // Written by an earlier version, without the documents this one queries: read the ledger again.
        clear();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the search index in " + path, e);
    }
  }

  private static IndexCommit lastCommit(Directory directory) throws IOException {
    List<IndexCommit> commits = DirectoryReader.listCommits(directory);
    return commits.get(commits.size() - 1);
  }

  Path path() {
    return path;
  }

  /** The last event's position this index reflects; null before the first. */
  TrackingToken token() {
    return token;
  }

  long position() {
    return token == null ? -1 : token.position().orElse(-1);
  }

  SearcherManager searchers() {
    return searchers;
  }

  /**
   * Applies {@code messages} (in ledger order) and commits them with the position of the last:
   * each agreement's document is the repository document after the event, computed by
   * {@link AgreementDocuments#next} from the one this index holds; one missing or further behind
   * (a gap no ordered delivery leaves) is folded from the ledger, as the repository does.
   */
  void apply(List<? extends TrackedEventMessage<?>> messages, LedgerFold fold) throws IOException {
    if (messages.isEmpty()) {
      return;
    }
    write(messages, fold);
    TrackingToken last = messages.get(messages.size() - 1).trackingToken();
    String of = token == null && ledger == null ? messages.get(0).getIdentifier() : ledger;
    Map<String, String> data = new LinkedHashMap<>();
    data.put(TOKEN, encode(last));
    data.put(POSITION, Long.toString(last.position().orElse(-1)));
    data.put(SCHEMA, VERSION);
    if (of != null) {
      data.put(LEDGER, of);
    }
    writer.setLiveCommitData(data.entrySet());
    writer.commit();
    // Searches see the batch before the position says so: whoever waits for a position then finds it.
    searchers.maybeRefreshBlocking();
    token = last;
    ledger = of;
  }

  /** The identifier of the first event of the ledger this index was built from; null if unknown. */
  String ledger() {
    return ledger;
  }

  /** Empties the index and its position, committed: it is built again from the ledger's start. */
  void clear() throws IOException {
    writer.deleteAll();
    writer.setLiveCommitData(Map.<String, String>of().entrySet());
    writer.commit();
    token = null;
    ledger = null;
    searchers.maybeRefreshBlocking();
  }

  /** An agreement's repository document and its context, after some event. */
  private record Held(Document source, AgreementContext context) {}

  /**
   * The documents after {@code messages}, written but not committed: a crash here loses them, and
   * nothing else. Besides each agreement's document: its context ({@link AgreementContext#next},
   * as the audit and exigent read models change theirs), the approvals each event records
   * ({@link ApprovalProjection#entries}) and, for an agreement with exigent transfers, each
   * transfer's state after the event.
   */
  void write(List<? extends TrackedEventMessage<?>> messages, LedgerFold fold) throws IOException {
    Map<String, Held> pending = new LinkedHashMap<>();
    Map<String, org.apache.lucene.document.Document> approvals = new LinkedHashMap<>();
    Map<String, org.apache.lucene.document.Document> transfers = new LinkedHashMap<>();
    // Per agreement, its documents' texts by document id, as this batch leaves them (null: withdrawn).
    Map<String, Map<String, String>> documentTexts = new LinkedHashMap<>();
    Map<String, org.apache.lucene.document.Document> attached = new LinkedHashMap<>();
    // Per agreement, what it waits for after the batch's events (WorkSchema).
    Map<String, Document> work = new LinkedHashMap<>();
    IndexSearcher searcher = searchers.acquire();
    try {
      for (TrackedEventMessage<?> message : messages) {
        if (message.getPayload() instanceof AgreementEvent event && message instanceof DomainEventMessage<?> domain) {
          String id = event.agreementId().value();
          long sequence = domain.getSequenceNumber();
          Held before = pending.containsKey(id) ? pending.get(id) : held(searcher, id);
          long version = before == null ? -1 : BsonValues.number(before.source(), VersionedWrite.VERSION);
          if (version > sequence) {
            continue;
          }
          Document after;
          AgreementContext context;
          boolean continued = sequence > 0 && version == sequence && before.context() != null;
          if (sequence == 0) {
            after = AgreementDocuments.next(null, event, domain.getTimestamp());
            context = AgreementContext.NONE.next(event);
          } else if (version == sequence && before.context() != null) {
            after = AgreementDocuments.next(before.source(), event, domain.getTimestamp());
            context = before.context().next(event);
          } else {
            LedgerFold.Folded folded = fold.after(domain);
            after = AgreementDocuments.toDocument(folded);
            context = AgreementContext.of(folded.state());
          }
          after.put("_id", id);
          after.put(VersionedWrite.VERSION, sequence + 1);
          pending.put(id, new Held(after, context));
          Document workBefore = continued ? work.containsKey(id) ? work.get(id) : WorkSchema.held(searcher, id) : null;
          work.put(id, WorkDocument.after(fold.after(domain).state(), workBefore == null ? new Document() : workBefore, event,
              java.time.LocalDate.ofInstant(domain.getTimestamp(), zone)));
          for (Document entry : ApprovalProjection.entries(domain, context.title(), context.draftVersion(),
              context.owningDirectorate())) {
            approvals.put(entry.getString("_id"), SearchSchema.approval(entry));
          }
          if (event instanceof DocumentAttached d) {
            Map<String, String> texts = texts(searcher, documentTexts, id);
            Result result = this.texts == null ? new NotExtracted("no document store in this instance")
                : this.texts.of(d.sha256(), d.size(), d.fileName(), d.mediaType());
            if (result instanceof Extracted text) {
              texts.put(d.documentId(), text.text());
              attached.put(d.documentId(), SearchSchema.attached(id, d.documentId(), d.fileName(), text.text(),
                  text.truncated() ? "extracted, truncated" : "extracted", null));
            } else {
              String reason = ((NotExtracted) result).reason();
              texts.remove(d.documentId());
              attached.put(d.documentId(), SearchSchema.attached(id, d.documentId(), d.fileName(), null, "text not extracted", reason));
            }
          } else if (event instanceof DocumentContentWithdrawn w) {
            texts(searcher, documentTexts, id).remove(w.documentId());
            attached.put(w.documentId(), SearchSchema.attached(id, w.documentId(), null, null, "withdrawn", w.reason()));
          }
          for (ExigentTransfer transfer : context.exigentTransfers()) {
            String transferId = id + ":" + transfer.transferredOn();
            transfers.put(transferId, SearchSchema.transfer(transferId,
                ExigentMemorialization.met(transfer, context.executedOn()), transfer.memorializationDeadline()));
          }
        }
      }
    } finally {
      searchers.release(searcher);
    }
    searcher = searchers.acquire();
    try {
      for (Map.Entry<String, Held> entry : pending.entrySet()) {
        Collection<String> texts = texts(searcher, documentTexts, entry.getKey()).values();
        writer.updateDocument(new Term(SearchSchema.ID, entry.getKey()),
            SearchSchema.document(entry.getValue().source(), entry.getValue().context().toDocument(), texts));
      }
    } finally {
      searchers.release(searcher);
    }
    for (Map.Entry<String, Document> entry : work.entrySet()) {
      writer.updateDocuments(new Term(WorkSchema.WORK_OF, entry.getKey()), WorkSchema.documents(entry.getKey(), entry.getValue()));
    }
    for (Map.Entry<String, org.apache.lucene.document.Document> entry : attached.entrySet()) {
      writer.updateDocument(new Term(SearchSchema.DOCUMENT_ID, entry.getKey()), entry.getValue());
    }
    for (Map.Entry<String, org.apache.lucene.document.Document> entry : approvals.entrySet()) {
      writer.updateDocument(new Term(SearchSchema.APPROVAL_ID, entry.getKey()), entry.getValue());
    }
    for (Map.Entry<String, org.apache.lucene.document.Document> entry : transfers.entrySet()) {
      writer.updateDocument(new Term(SearchSchema.TRANSFER_ID, entry.getKey()), entry.getValue());
    }
  }

  /**
   * The texts of agreement {@code id}'s documents by document id: as this batch left them, or
   * else as the index holds them (read once per agreement and batch).
   */
  private static Map<String, String> texts(IndexSearcher searcher, Map<String, Map<String, String>> batch, String id)
      throws IOException {
    Map<String, String> texts = batch.get(id);
    if (texts == null) {
      texts = new LinkedHashMap<>();
      org.apache.lucene.search.Query documents = new org.apache.lucene.search.BooleanQuery.Builder()
          .add(new TermQuery(new Term(SearchSchema.DOC, SearchSchema.DOCUMENT)), org.apache.lucene.search.BooleanClause.Occur.FILTER)
          .add(new TermQuery(new Term(SearchSchema.OF_AGREEMENT, id)), org.apache.lucene.search.BooleanClause.Occur.FILTER)
          .build();
      var fields = searcher.storedFields();
      for (var hit : searcher.search(documents, Integer.MAX_VALUE / 2).scoreDocs) {
        org.apache.lucene.document.Document doc = fields.document(hit.doc);
        String text = doc.get(SearchSchema.DOCUMENT_TEXT);
        if (text != null) {
          texts.put(doc.get(SearchSchema.DOCUMENT_ID), text);
        }
      }
      batch.put(id, texts);
    }
    return texts;
  }

  /** The document and context this index holds for agreement {@code id}, or null. */
  private static Held held(IndexSearcher searcher, String id) throws IOException {
    TopDocs found = searcher.search(new TermQuery(new Term(SearchSchema.ID, id)), 1);
    if (found.scoreDocs.length == 0) {
      return null;
    }
    org.apache.lucene.document.Document doc = searcher.storedFields().document(found.scoreDocs[0].doc);
    BytesRef context = doc.getBinaryValue(SearchSchema.CONTEXT);
    return new Held(SearchSchema.source(doc.getBinaryValue(SearchSchema.SOURCE)),
        context == null ? null : AgreementContext.from(SearchSchema.source(context)));
  }

  /** The repository document this index holds for agreement {@code id}, or null. */
  static Document stored(IndexSearcher searcher, String id) throws IOException {
    TopDocs found = searcher.search(new TermQuery(new Term(SearchSchema.ID, id)), 1);
    if (found.scoreDocs.length == 0) {
      return null;
    }
    BytesRef source = searcher.storedFields().document(found.scoreDocs[0].doc).getBinaryValue(SearchSchema.SOURCE);
    return SearchSchema.source(source);
  }

  /** Without a commit: what was applied but not committed is lost, and read again from the ledger. */
  @Override
  public void close() throws IOException {
    searchers.close();
    writer.rollback();
    directory.close();
  }

  /**
   * The ledger's tracking tokens, as text: a JDBC ledger's {@code gap:<index>:<gap>,<gap>...}
   * (positions below the index not yet seen, which a later read must still deliver), an
   * in-memory ledger's {@code seq:<index>}.
   */
  static String encode(TrackingToken token) {
    if (token instanceof GapAwareTrackingToken gap) {
      return "gap:" + gap.getIndex() + ":" + String.join(",", gap.getGaps().stream().map(String::valueOf).toList());
    }
    if (token instanceof GlobalSequenceTrackingToken sequence) {
      return "seq:" + sequence.getGlobalIndex();
    }
    throw new IllegalArgumentException("the search index keeps no position of a " + token.getClass().getName());
  }

  static TrackingToken decode(String text) {
    if (text == null) {
      return null;
    }
    String[] parts = text.split(":", -1);
    if (parts[0].equals("seq")) {
      return new GlobalSequenceTrackingToken(Long.parseLong(parts[1]));
    }
    SortedSet<Long> gaps = new TreeSet<>();
    for (String gap : parts[2].isEmpty() ? new String[0] : parts[2].split(",")) {
      gaps.add(Long.parseLong(gap));
    }
    return GapAwareTrackingToken.newInstance(Long.parseLong(parts[1]), new ArrayList<>(gaps));
  }
}
