package gov.ice.registry.projection;

import static gov.ice.registry.agreement.AgreementFixtures.DIRECTOR;
import static gov.ice.registry.agreement.AgreementFixtures.IGP;
import static gov.ice.registry.agreement.AgreementFixtures.PRIVACY;
import static gov.ice.registry.agreement.AgreementFixtures.PROGRAM;
import static gov.ice.registry.agreement.AgreementFixtures.SIGNATORY;
import static gov.ice.registry.agreement.AgreementFixtures.ruleIds;
import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.agreement.AgreementFixtures;
import gov.ice.registry.agreement.AgreementFacts;
import gov.ice.registry.agreement.api.AgreementAmended;
import gov.ice.registry.agreement.api.AgreementCleared;
import gov.ice.registry.agreement.api.AgreementDrafted;
import gov.ice.registry.agreement.api.AgreementEscalatedToDhs;
import gov.ice.registry.agreement.api.AgreementEvent;
import gov.ice.registry.agreement.api.AgreementExecuted;
import gov.ice.registry.agreement.api.AgreementExpired;
import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.AgreementKind;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.AgreementSigned;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.AgreementTerminated;
import gov.ice.registry.agreement.api.AgreementWithdrawn;
import gov.ice.registry.agreement.api.AmendmentChanges;
import gov.ice.registry.agreement.api.AmendmentProposed;
import gov.ice.registry.agreement.api.BiennialReviewCompleted;
import gov.ice.registry.agreement.api.ClearanceGranted;
import gov.ice.registry.agreement.api.ClearanceRequested;
import gov.ice.registry.agreement.api.ClearanceReturned;
import gov.ice.registry.agreement.api.Directorate;
import gov.ice.registry.agreement.api.DisputeDecision;
import gov.ice.registry.agreement.api.DisputeLevel;
import gov.ice.registry.agreement.api.DisputeRaised;
import gov.ice.registry.agreement.api.DisputeResolved;
import gov.ice.registry.agreement.api.DraftRevised;
import gov.ice.registry.agreement.api.ExecutedAgreementImported;
import gov.ice.registry.agreement.api.Exemption;
import gov.ice.registry.agreement.api.ExigentAuthority;
import gov.ice.registry.agreement.api.ExigentDeadlineMissedNoticeIssued;
import gov.ice.registry.agreement.api.ExigentTransfer;
import gov.ice.registry.agreement.api.ExigentTransferRecorded;
import gov.ice.registry.agreement.api.InformationCategory;
import gov.ice.registry.agreement.api.LegalReviewCompleted;
import gov.ice.registry.agreement.api.PartyKind;
import gov.ice.registry.agreement.api.PartyName;
import gov.ice.registry.agreement.api.PersonalDataErased;
import gov.ice.registry.agreement.api.RequiredStakeholder;
import gov.ice.registry.agreement.api.ReviewDueNoticeIssued;
import gov.ice.registry.agreement.api.ReviewFindings;
import gov.ice.registry.agreement.api.ReviewOutcome;
import gov.ice.registry.agreement.api.Scope;
import gov.ice.registry.agreement.api.SignatoryAuthority;
import gov.ice.registry.agreement.api.SignatureRecord;
import gov.ice.registry.agreement.api.StakeholderConcurred;
import gov.ice.registry.agreement.api.StakeholderNonConcurred;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.projection.audit.ApprovalProjection;
import gov.ice.registry.projection.exigent.ExigentDeadlineProjection;
import gov.ice.registry.projection.mongo.ReadStore;
import gov.ice.registry.projection.notices.NoticeProjection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit's, the exigent deadlines' and the notices' documents, changed event by event from
 * the contexts they keep, equal after every event what they stored when they folded the agreement
 * with {@link AgreementFacts} for each event: the expected documents here are made from the
 * fold, with the values the fold-based projections took from it. Through every event type the
 * fold knows; each event in its own batch (the context read back from the store), all in one
 * batch (the context the batch holds), delivered twice, and over a read store without contexts.
 * In order, the ledger is read only where exigent or notices need an agreement's first context
 * (its first transfer, its first notice).
 */
class AgreementContextChangeTest {

  static final List<String> COLLECTIONS = List.of("approvals", "exigentTransfers", "notices");
  static final List<String> CONTEXTS = List.of("approvalContexts", "exigentContexts", "noticeContexts");
  static final AtomicInteger DATABASES = new AtomicInteger();

  static TestReadStore mongo;

  @BeforeAll
  static void start() {
    mongo = new TestReadStore();
  }

  @AfterAll
  static void stop() {
    mongo.close();
  }

  /** The three read models on their own database, reading the ledger only through a counter. */
  static final class ReadModels {
    final ReadStore store;
    final List<DomainEventMessage<?>> ledger;
    final AtomicInteger ledgerReads = new AtomicInteger();
    final List<BatchedProjection> readModels;
    final List<AnnotationEventHandlerAdapter> projections;

    ReadModels() {
      this(mongo.store("contexts" + DATABASES.incrementAndGet()), new ArrayList<>());
    }

    /** The read models started again over {@code store} and {@code ledger}, as after a restart. */
    ReadModels(ReadStore store, List<DomainEventMessage<?>> ledger) {
      this.store = store;
      this.ledger = ledger;
      AgreementLedger counted = (id, sequence) -> {
        ledgerReads.incrementAndGet();
        return ledger.stream()
            .filter(m -> m.getAggregateIdentifier().equals(id.value()) && m.getSequenceNumber() < sequence).toList();
      };
      readModels = List.of(new ApprovalProjection(store, counted), new ExigentDeadlineProjection(store, counted),
          new NoticeProjection(store, counted));
      projections = readModels.stream().map(AnnotationEventHandlerAdapter::new).toList();
    }

    ReadModels restarted() {
      return new ReadModels(store, ledger);
    }

    long count(String collection) {
      return ReadStore.await(store.collection(collection).countDocuments());
    }

    /** Each message a batch of its own: the projections read each context back from the store. */
    void applyEach(DomainEventMessage<?> message) {
      record(message);
      for (AnnotationEventHandlerAdapter projection : projections) {
        try {
          projection.handle(message);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    }

    /** The messages as one batch per read model, in a unit of work as a processor runs it. */
    void applyBatch(List<DomainEventMessage<?>> messages) {
      messages.forEach(this::record);
      for (AnnotationEventHandlerAdapter projection : projections) {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(new ArrayList<EventMessage<?>>(messages));
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> projection.handle(unitOfWork.getMessage()));
        assertThat(result.isExceptional()).as("%s", result.optionalExceptionResult()).isFalse();
      }
    }

    private void record(DomainEventMessage<?> message) {
      if (ledger.stream().noneMatch(m -> m.getIdentifier().equals(message.getIdentifier()))) {
        ledger.add(message);
      }
    }

    Map<String, List<Document>> contents() {
      List<String> all = new ArrayList<>(COLLECTIONS);
      all.addAll(CONTEXTS);
      return TestReadStore.contents(store, all);
    }
  }

  /**
   * What the fold-based projections stored after {@code applied}: each document made from the
   * state the fold had right after the event it came from, as they made it.
   */
  static Map<String, List<Document>> expected(List<DomainEventMessage<?>> applied) {
    Map<String, Document> approvals = new TreeMap<>();
    Map<String, Document> transfers = new TreeMap<>();
    Map<String, Document> notices = new TreeMap<>();
    Map<String, Document> contexts = new TreeMap<>();
    Map<String, Document> exigentContexts = new TreeMap<>();
    Map<String, Document> noticeContexts = new TreeMap<>();
    Map<String, AgreementFacts> states = new TreeMap<>();
    for (DomainEventMessage<?> message : applied) {
      AgreementEvent event = (AgreementEvent) message.getPayload();
      String id = event.agreementId().value();
      AgreementFacts state = states.getOrDefault(id, AgreementFacts.none()).then(event);
      states.put(id, state);
      long version = message.getSequenceNumber() + 1;
      if (event instanceof PersonalDataErased) {
        approvals.values().stream().filter(a -> id.equals(a.getString("agreementId"))).forEach(a -> a.put("signatoryName", null));
      }
      ApprovalProjection.entries(message, state.profile().title(), state.draftVersion(), state.profile().owningDirectorate())
          .forEach(a -> approvals.put(a.getString("_id"), a));
      for (ExigentTransfer t : state.exigentTransfers()) {
        String key = id + ":" + t.transferredOn();
        transfers.put(key, ExigentDeadlineProjection.document(id, state.profile().title(), state.status(), state.executedOn(), t,
                state.noticeIssued(gov.ice.registry.agreement.api.NoticeKey.exigent(t.transferredOn())))
            .append("_id", key).append(VersionedWrite.VERSION, version));
      }
      Document notice = NoticeProjection.notice(message, state.profile().title());
      if (notice != null) {
        notices.put(message.getIdentifier(), notice.append("_id", message.getIdentifier()));
      }
      Document context = AgreementContext.of(state).toDocument().append("_id", id).append(VersionedWrite.VERSION, version);
      contexts.put(id, context);
      // Exigent and notices keep one from the agreement's first transfer or notice on.
      if (event instanceof ExigentTransferRecorded || exigentContexts.containsKey(id)) {
        exigentContexts.put(id, context);
      }
      if (notice != null || noticeContexts.containsKey(id)) {
        noticeContexts.put(id, context);
      }
    }
    Map<String, List<Document>> expected = new TreeMap<>();
    expected.put("approvals", new ArrayList<>(approvals.values()));
    expected.put("exigentTransfers", new ArrayList<>(transfers.values()));
    expected.put("notices", new ArrayList<>(notices.values()));
    expected.put("approvalContexts", new ArrayList<>(contexts.values()));
    expected.put("exigentContexts", new ArrayList<>(exigentContexts.values()));
    expected.put("noticeContexts", new ArrayList<>(noticeContexts.values()));
    return expected;
  }

  @Test
  void everyEventOfADraftsLifeChangesTheDocumentsAsTheFoldWould() {
    assertEveryStepEqualsTheFold(draftsLife());
  }

  @Test
  void anImportedAgreementChangesAsTheFoldWould() {
    assertEveryStepEqualsTheFold(imported());
  }

  @Test
  void oneBatchOfEveryEventEqualsTheFoldAndADeliveryAgainChangesNothing() {
    List<DomainEventMessage<?>> messages = new ArrayList<>(draftsLife());
    messages.addAll(imported());
    ReadModels models = new ReadModels();
    models.applyBatch(messages);
    assertThat(models.contents()).isEqualTo(expected(messages));
    assertThat(models.ledgerReads).as("in order: each agreement's first transfer and first notice").hasValue(2 * 2);

    // After a crash between the documents and the token: the contexts are past the batch, whose
    // first event of each agreement folds from the ledger (the later ones build on it); nothing changes.
    List<DomainEventMessage<?>> again = messages.stream().filter(m -> m.getSequenceNumber() >= 3).toList();
    models.applyBatch(again);
    assertThat(models.contents()).isEqualTo(expected(messages));
    assertThat(models.ledgerReads.get() - 2 * 2).as("at most one fold per agreement and read model").isBetween(1, 2 * 3);
  }

  @Test
  void aReadStoreWithoutContextsFoldsEachAgreementOnce() {
    List<DomainEventMessage<?>> messages = draftsLife();
    ReadModels models = new ReadModels();
    int lost = messages.size() / 2;
    for (int i = 0; i < lost; i++) {
      models.applyEach(messages.get(i));
    }
    assertThat(models.ledgerReads).as("the first transfer").hasValue(1);
    // A read store written before contexts existed: restarted on it, the read models find none.
    for (String collection : CONTEXTS) {
      ReadStore.await(models.store.collection(collection).deleteMany(new Document()));
    }
    ReadStore.await(models.store.collection(AgreementContexts.MARKS).deleteMany(new Document()));
    models = models.restarted();
    for (int i = lost; i < messages.size(); i++) {
      models.applyEach(messages.get(i));
    }
    assertThat(models.contents()).isEqualTo(expected(messages));
    // The audit and exigent at the first event after the restart; notices, which had stored no
    // notice yet, at the first notice.
    assertThat(models.ledgerReads).as("one fold per read model").hasValue(3);
  }

  @Test
  void exigentAndNoticesKeepAContextForEveryAgreementInAStoreFromBeforeContextsUntilItsReset() {
    ReadStore store = mongo.store("contexts" + DATABASES.incrementAndGet());
    ReadStore.await(store.collection("exigentTransfers").insertOne(new Document("_id", "earlier:2025-01-02")));
    ReadStore.await(store.collection("notices").insertOne(new Document("_id", "earlier notice")));
    ReadModels models = new ReadModels(store, new ArrayList<>());
    models.applyEach(draftsLife().get(0));
    // A draft has neither a transfer nor a notice, yet every read model keeps its context: an
    // agreement of such a store may have transfers or notices and no context.
    for (String collection : CONTEXTS) {
      assertThat(models.count(collection)).as(collection).isEqualTo(1);
    }

    models.readModels.forEach(BatchedProjection::reset);
    models.applyEach(imported().get(0));
    assertThat(models.count("approvalContexts")).isEqualTo(1);
    assertThat(models.count("exigentContexts")).as("after the reset, only where needed").isZero();
    assertThat(models.count("noticeContexts")).as("after the reset, only where needed").isZero();
    // Restarted on a store that holds transfers again, the reset's mark keeps them sparse.
    ReadStore.await(models.store.collection("exigentTransfers").insertOne(new Document("_id", "earlier:2025-01-02")));
    ReadModels again = models.restarted();
    again.applyEach(imported().get(1));
    assertThat(again.count("noticeContexts")).as("the notice's agreement, after a restart").isEqualTo(1);
    assertThat(again.count("exigentContexts")).as("still only where needed after a restart").isZero();
  }

  /** Each event alone, then again: the documents equal the fold's after every step, and a second delivery changes nothing. */
  private static void assertEveryStepEqualsTheFold(List<DomainEventMessage<?>> messages) {
    ReadModels models = new ReadModels();
    List<DomainEventMessage<?>> applied = new ArrayList<>();
    for (DomainEventMessage<?> message : messages) {
      models.applyEach(message);
      applied.add(message);
      Map<String, List<Document>> expected = expected(applied);
      Map<String, List<Document>> stored = models.contents();
      for (String collection : expected.keySet()) {
        assertThat(stored.get(collection))
            .as("%s after %s (sequence %d)", collection, message.getPayloadType().getSimpleName(), message.getSequenceNumber())
            .isEqualTo(expected.get(collection));
      }
    }
    assertThat(models.ledgerReads).as("in order: the first transfer and the first notice").hasValue(2);
    Map<String, List<Document>> complete = models.contents();
    for (DomainEventMessage<?> message : messages) {
      models.applyEach(message);
    }
    assertThat(models.contents()).isEqualTo(complete);
  }

  private static AgreementProfile profile(String title, Directorate directorate, Exemption exemption) {
    var base = AgreementFixtures.profile(title, AgreementKind.MOU, directorate,
        List.of(AgreementFixtures.party("Ohio BCI", PartyKind.STATE, "US")),
        List.of(InformationCategory.LAW_ENFORCEMENT), true, "purpose of " + title,
        LocalDate.of(2024, 2, 29), LocalDate.of(2030, 1, 1));
    return new AgreementProfile(base.title(), base.kind(), base.owningDirectorate(), base.parties(), base.categories(),
        base.dataProfile(), base.terms(), exemption);
  }

  private static List<RequiredStakeholder> required(StakeholderOffice... offices) {
    return Arrays.stream(offices).map(o -> new RequiredStakeholder(o, ruleIds("S1", "S3"))).toList();
  }

  /**
   * Every event type, in an order that moves each field the read models show: the title, draft
   * version and directorate by revisions, an amendment's proposal and its effect; the status
   * through clearance, returns, execution and the end; transfers before and after execution, one
   * memorialized late with approval, one missed with its notice.
   */
  static List<DomainEventMessage<?>> draftsLife() {
    String id = "7c2d4d63-0000-4000-8000-000000000001";
    AgreementId a = AgreementId.of(id);
    LocalDate day = LocalDate.of(2025, 3, 3);
    Exemption threat = Exemption.of(10, "threat", null, null);
    List<RequiredStakeholder> offices = required(StakeholderOffice.OPLA, StakeholderOffice.IGP, StakeholderOffice.IGP_PRIVACY);
    SignatureRecord ice = new SignatureRecord(PartyName.ICE, SignatoryAuthority.HSI_EAD, "Sam Signatory", "EAD", day);
    return AgreementFixtures.story(id, Instant.parse("2025-03-01T12:00:00Z"))
        .then(PROGRAM, new AgreementDrafted(a, 1, profile("First title", Directorate.HSI, threat),
            Scope.EXEMPT, offices))
        .then(PROGRAM, new ExigentTransferRecorded(a, day, ExigentAuthority.ICE_DIRECTOR, day.plusDays(7), null, List.of()))
        .then(PROGRAM, new DraftRevised(a, 2, profile("Second title", Directorate.ERO, threat), Scope.EXEMPT, offices, List.of()))
        .then(PRIVACY, new StakeholderNonConcurred(a, StakeholderOffice.IGP_PRIVACY, 2, "no", ruleIds("S3")))
        .then(IGP, new StakeholderConcurred(a, StakeholderOffice.OPLA, 2, "ok", ruleIds("S1")))
        .then(PROGRAM, new DisputeRaised(a, DisputeLevel.PROGRAM_AD, "privacy", 2, List.of(StakeholderOffice.IGP_PRIVACY)))
        .then(DIRECTOR, new DisputeResolved(a, DisputeDecision.PROCEED_AS_DRAFTED, "fine", 2, List.of(StakeholderOffice.IGP_PRIVACY)))
        .then(PROGRAM, new DraftRevised(a, 3, profile("Third title", Directorate.HSI, threat), Scope.EXEMPT, offices, List.of()))
        .then(IGP, new StakeholderConcurred(a, StakeholderOffice.IGP, 3, null, ruleIds("S1")))
        .then(PROGRAM, new AgreementEscalatedToDhs(a, 3, ruleIds("S10"), "DHS level"))
        .then(PROGRAM, new ClearanceRequested(a, 3))
        .then(IGP, new ClearanceReturned(a, 3, "fix it"))
        .then(PROGRAM, new ClearanceRequested(a, 3))
        .then(IGP, new ClearanceGranted(a, 3, "cleared"))
        .then(IGP, new LegalReviewCompleted(a, 3, false, "not sufficient"))
        .then(PROGRAM, new ClearanceRequested(a, 3))
        .then(IGP, new LegalReviewCompleted(a, 3, true, "sufficient"))
        .then(IGP, new AgreementCleared(a, 3, List.of()))
        .then(PROGRAM, new ExigentDeadlineMissedNoticeIssued(a, day, day.plusDays(7), day.plusDays(8)))
        .then(PROGRAM, new ExigentDeadlineMissedNoticeIssued(a, day, day.plusDays(7), day.plusDays(9)))
        .then(PROGRAM, new ExigentTransferRecorded(a, day.plusDays(10), ExigentAuthority.ICE_DIRECTOR, day.plusDays(17),
            ExigentAuthority.SECRETARY, List.of()))
        .then(SIGNATORY, new AgreementSigned(a, 3, ice, List.of()))
        .then(PROGRAM, new AgreementSigned(a, 3, new SignatureRecord(PartyName.of("Ohio BCI"), null, "Their Signer", "Director", day), List.of()))
        .then(PROGRAM, new AgreementExecuted(a, 3, day.plusDays(12), LocalDate.of(2024, 2, 29), LocalDate.of(2026, 2, 28)))
        .then(PROGRAM, new ExigentTransferRecorded(a, day.plusDays(20), ExigentAuthority.ICE_DIRECTOR, day.plusDays(27), null, List.of()))
        .then(PROGRAM, new ReviewDueNoticeIssued(a, LocalDate.of(2026, 2, 28), 90, LocalDate.of(2025, 11, 30)))
        .then(PROGRAM, new AmendmentProposed(a, 1, 4, new AmendmentChanges("Amended title", null, null, null),
            List.of("Ohio BCI"), day.plusYears(1), required(StakeholderOffice.OPP)))
        // Between the proposal and its effect the draft version is the proposal's: the review says so.
        .then(PROGRAM, new BiennialReviewCompleted(a, LocalDate.of(2026, 2, 1), ReviewOutcome.CONTINUE,
            new ReviewFindings(true, true, true, true, true), "continue", LocalDate.of(2028, 2, 1)))
        .then(PROGRAM, new AgreementAmended(a, 1, 4, profile("Amended title", Directorate.OPR, null), Scope.IN_SCOPE,
            required(StakeholderOffice.OPP, StakeholderOffice.IGP), List.of("Ohio BCI"), day.plusYears(1)))
        .then(PROGRAM, new BiennialReviewCompleted(a, LocalDate.of(2027, 2, 1), ReviewOutcome.MODIFY,
            new ReviewFindings(true, true, true, true, false), "modify", LocalDate.of(2029, 2, 1)))
        .then(PROGRAM, new ReviewDueNoticeIssued(a, LocalDate.of(2029, 2, 1), 30, LocalDate.of(2029, 1, 2)))
        .then(PROGRAM, new PersonalDataErased(a, "request", "FOIA-1", 32))
        .then(PROGRAM, new AgreementTerminated(a, "ended", day.plusYears(2), day.plusYears(2).plusDays(30), true))
        .then(PROGRAM, new AgreementExpired(a, LocalDate.of(2030, 1, 1), LocalDate.of(2030, 1, 2)))
        .then(PROGRAM, new AgreementWithdrawn(a, AgreementStatus.EXPIRED, "gone"))
        .messages();
  }

  static List<DomainEventMessage<?>> imported() {
    String id = "7c2d4d63-0000-4000-8000-000000000002";
    AgreementId a = AgreementId.of(id);
    LocalDate executed = LocalDate.of(2019, 5, 1);
    return AgreementFixtures.story(id, Instant.parse("2025-04-01T12:00:00Z"))
        .then(IGP, new ExecutedAgreementImported(a, profile("Imported", Directorate.ERO, null), Scope.IN_SCOPE,
            required(StakeholderOffice.IGP), List.of(
                new SignatureRecord(PartyName.ICE, SignatoryAuthority.HSI_EAD, "Sam Signatory", "EAD", executed),
                new SignatureRecord(PartyName.of("Ohio BCI"), null, "Their Signer", "Director", executed)),
            executed, LocalDate.of(2023, 5, 1), LocalDate.of(2025, 5, 1), "HSI-MOU-2019-0042"))
        .then(PROGRAM, new ReviewDueNoticeIssued(a, LocalDate.of(2025, 5, 1), 30, LocalDate.of(2025, 4, 1)))
        .then(PROGRAM, new BiennialReviewCompleted(a, LocalDate.of(2025, 4, 20), ReviewOutcome.CONTINUE,
            new ReviewFindings(true, true, true, true, true), null, LocalDate.of(2027, 4, 20)))
        .then(PROGRAM, new ExigentTransferRecorded(a, LocalDate.of(2025, 5, 5), ExigentAuthority.ICE_DIRECTOR,
            LocalDate.of(2025, 5, 12), null, List.of()))
        .then(PROGRAM, new AgreementAmended(a, 1, 2, profile("Imported, amended", Directorate.HSI, null), Scope.IN_SCOPE,
            required(StakeholderOffice.IGP, StakeholderOffice.OPP), List.of("Ohio BCI"), LocalDate.of(2025, 6, 1)))
        .then(PROGRAM, new ExigentDeadlineMissedNoticeIssued(a, LocalDate.of(2025, 5, 5), LocalDate.of(2025, 5, 12),
            LocalDate.of(2025, 5, 13)))
        .then(PROGRAM, new PersonalDataErased(a, "request", "FOIA-2", 3))
        .messages();
  }
}
