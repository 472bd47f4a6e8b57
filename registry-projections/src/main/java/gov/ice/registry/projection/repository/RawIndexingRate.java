package gov.ice.registry.projection.repository;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The benchmark's yardstick for a rebuild (docs/benchmarks/README.md): Lucene's own indexing rate
 * for the very agreement documents a stopped instance's live index holds, written into a new
 * directory by one {@link IndexWriter} with the index's analyzer and one commit at the end, with
 * no ledger, no fold and no tracking token. A rebuild does all of that besides; the ratio says
 * what it costs over Lucene itself.
 */
public final class RawIndexingRate {

  /** How many agreement documents were indexed, in how many seconds (reading them not counted). */
  public record Result(long documents, double seconds) {
    public double perSecond() {
      return documents / seconds;
    }
  }

  private RawIndexingRate() {}

  /** Reads the live index under {@code searchRoot} (a stopped instance's), indexes its agreements again in {@code scratch}. */
  public static Result measure(Path searchRoot, Path scratch) throws IOException {
    String live = Files.readString(searchRoot.resolve(AgreementSearchEngine.CURRENT), StandardCharsets.UTF_8).trim();
    List<org.bson.Document[]> agreements = new ArrayList<>();
    try (FSDirectory directory = FSDirectory.open(searchRoot.resolve(live)); DirectoryReader reader = DirectoryReader.open(directory)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      Weight weight = searcher.createWeight(searcher.rewrite(new TermQuery(new Term(SearchSchema.DOC, SearchSchema.AGREEMENT))),
          ScoreMode.COMPLETE_NO_SCORES, 1);
      for (LeafReaderContext leaf : reader.leaves()) {
        Scorer scorer = weight.scorer(leaf);
        if (scorer == null) {
          continue;
        }
        StoredFields fields = leaf.reader().storedFields();
        DocIdSetIterator docs = scorer.iterator();
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
          if (leaf.reader().getLiveDocs() != null && !leaf.reader().getLiveDocs().get(doc)) {
            continue;
          }
          Document stored = fields.document(doc);
          BytesRef context = stored.getBinaryValue(SearchSchema.CONTEXT);
          agreements.add(new org.bson.Document[] {SearchSchema.source(stored.getBinaryValue(SearchSchema.SOURCE)),
              context == null ? new org.bson.Document() : SearchSchema.source(context)});
        }
      }
    }
    long start = System.nanoTime();
    try (FSDirectory directory = FSDirectory.open(scratch);
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(SearchSchema.ANALYZER))) {
      for (org.bson.Document[] agreement : agreements) {
        writer.addDocument(SearchSchema.document(agreement[0], agreement[1], List.of()));
      }
      writer.commit();
    }
    return new Result(agreements.size(), (System.nanoTime() - start) / 1e9);
  }
}
