package gov.ice.registry.projection.repository;

import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.agreement.AgreementFixtures.Story;
import gov.ice.registry.projection.context.AgreementLedger;
import gov.ice.registry.projection.context.LedgerFold;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

/**
 * An index whose process died in the middle of a batch (documents written, the commit with their
 * position never made) reopens at its last commit, reads the rest of the ledger again, and then
 * holds exactly what a fresh rebuild holds: nothing lost, nothing doubled.
 */
class SearchCrashTest {

  @Test
  void anIndexDeadInTheMiddleOfABatchEqualsAFreshRebuildOnceRestarted() throws Exception {
    List<Story> stories = SearchCorpus.stories(120, 5);
    List<DomainEventMessage<?>> events = SearchCorpus.interleaved(stories);
    List<DomainEventMessage<?>> first = events.subList(0, events.size() / 2);
    List<DomainEventMessage<?>> rest = events.subList(events.size() / 2, events.size());
    try (TestSearch search = TestSearch.start().publish(first)) {
      long committed = search.engine().position();
      search.stop();
      search.events().publish(rest);

      // The dying process: half of the next events turned into documents, written, not committed.
      String live = Files.readString(search.dir().resolve(AgreementSearchEngine.CURRENT)).trim();
      LuceneIndex dying = new LuceneIndex(search.dir().resolve(live));
      assertThat(dying.position()).isEqualTo(committed);
      try (BlockingStream<TrackedEventMessage<?>> stream = search.events().openStream(dying.token())) {
        List<TrackedEventMessage<?>> batch = new java.util.ArrayList<>();
        while (batch.size() < rest.size() / 2) {
          batch.add(stream.nextAvailable());
        }
        dying.write(batch, new LedgerFold(AgreementLedger.of(search.events())));
      }
      dying.close();

      // Reopened, it stands at its last commit: the written batch is gone with its process.
      LuceneIndex reopened = new LuceneIndex(search.dir().resolve(live));
      assertThat(reopened.position()).isEqualTo(committed);
      var searcher = reopened.searchers().acquire();
      try {
        assertThat((long) searcher.count(SearchSchema.AGREEMENTS)).isEqualTo(
            first.stream().map(DomainEventMessage::getAggregateIdentifier).distinct().count());
      } finally {
        reopened.searchers().release(searcher);
      }
      reopened.close();

      search.open().awaitCaughtUp();
      try (TestSearch rebuilt = search.fresh().awaitCaughtUp()) {
        List<AgreementDocument> after = search.contents();
        assertThat(after).hasSize(120);
        assertThat(after).isEqualTo(rebuilt.contents());
        assertThat(after.stream().mapToLong(AgreementDocument::version).sum()).isEqualTo(events.size());
        // The approvals of the audit, too: each once, in the same order.
        var every = new gov.ice.registry.projection.audit.ApprovalSearch(null, null, null, null);
        var approvals = search.engine().approvals(every, 0, Integer.MAX_VALUE);
        assertThat(approvals.total()).isGreaterThan(120);
        assertThat(approvals.ids()).doesNotHaveDuplicates().isEqualTo(rebuilt.engine().approvals(every, 0, Integer.MAX_VALUE).ids());
      }
    }
  }

  @Test
  void aLostIndexDirectoryIsRebuiltFromTheLedgerAtTheNextStart() throws Exception {
    List<DomainEventMessage<?>> events = SearchCorpus.interleaved(SearchCorpus.stories(40, 9));
    try (TestSearch search = TestSearch.start().publish(events)) {
      List<AgreementDocument> before = search.contents();
      search.stop();
      try (Stream<java.nio.file.Path> walk = Files.walk(search.dir())) {
        for (java.nio.file.Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
      search.open().awaitCaughtUp();
      assertThat(search.contents()).isEqualTo(before);
    }
  }

  @Test
  void anIndexOfAnotherLedgerIsBuiltAgainFromThisOne() {
    List<Story> one = SearchCorpus.stories(30, 1);
    List<Story> other = SearchCorpus.stories(12, 2);
    TestSearch first = TestSearch.start().publish(SearchCorpus.interleaved(one));
    assertThat(first.contents()).hasSize(30);
    try (TestSearch second = first.onAnotherLedger().publish(SearchCorpus.interleaved(other))) {
      assertThat(second.contents()).hasSize(12);
      try (TestSearch rebuilt = second.fresh().awaitCaughtUp()) {
        assertThat(second.contents()).isEqualTo(rebuilt.contents());
      }
    }
  }

  @Test
  void anIndexOfAnEarlierSchemaIsReadAgainFromTheLedger() throws Exception {
    List<DomainEventMessage<?>> events = SearchCorpus.interleaved(SearchCorpus.stories(20, 4));
    try (TestSearch search = TestSearch.start().publish(events)) {
      search.stop();
      java.nio.file.Path live = search.dir().resolve(Files.readString(search.dir().resolve(AgreementSearchEngine.CURRENT)).trim());
      // As version 1 committed: a position, but no schema (and no approvals, transfers or contexts).
      try (var directory = org.apache.lucene.store.FSDirectory.open(live);
          var writer = new org.apache.lucene.index.IndexWriter(directory, new org.apache.lucene.index.IndexWriterConfig())) {
        java.util.Map<String, String> data = new java.util.HashMap<>();
        writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
        data.remove(LuceneIndex.SCHEMA);
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
      }
      LuceneIndex old = new LuceneIndex(live);
      assertThat(old.token()).as("emptied, to be read again").isNull();
      old.close();

      List<AgreementDocument> rebuilt = search.open().awaitCaughtUp().contents();
      assertThat(rebuilt).hasSize(20);
      assertThat(search.engine().approvals(new gov.ice.registry.projection.audit.ApprovalSearch(null, null, null, null), 0, 0).total())
          .isPositive();
    }
  }
}
