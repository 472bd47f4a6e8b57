package gov.ice.registry.notice;

import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.agreement.api.Actor;
import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.ReminderIssued;
import gov.ice.registry.agreement.api.ReminderStep;
import gov.ice.registry.agreement.api.RequestClearance;
import gov.ice.registry.projection.MutableClock;
import gov.ice.registry.projection.RegistryInstance;
import gov.ice.registry.projection.TestReadStore;
import gov.ice.registry.projection.Workload;
import gov.ice.registry.projection.exigent.ExigentDeadlineQueries;
import gov.ice.registry.projection.mongo.ReadStore;
import gov.ice.registry.projection.notices.IssuedNotice;
import gov.ice.registry.projection.notices.NoticeQueries;
import gov.ice.registry.projection.context.AgreementLedger;
import gov.ice.registry.projection.repository.AgreementRepositoryQueries;
import gov.ice.registry.projection.repository.AgreementSearchEngine;
import gov.ice.registry.projection.reviews.ReviewQueries;
import gov.ice.registry.projection.work.WorkDays;
import gov.ice.registry.projection.work.WorkQueries;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Reminders through the notice job against the real aggregate and ledger: two instances running
 * the job at the same moment, and reruns, record each reminder once per item and threshold; a
 * holder's own threshold applies; an office that answered is not reminded. The items begin on the
 * day the events were recorded (now); the job's clock is moved on business day by business day.
 */
class ReminderJobTest {

  static final ZoneId ZONE = ZoneId.of("America/New_York");

  TestReadStore mongo;
  DataSource ledger;
  MutableClock clock;
  RegistryInstance first;
  RegistryInstance second;
  ReadStore store;
  /** Each instance's own search index, as each instance of the registry keeps one (the work queues come from it). */
  AgreementSearchEngine firstSearch;
  AgreementSearchEngine secondSearch;

  @BeforeEach
  void start() {
    mongo = new TestReadStore();
    ledger = RegistryInstance.newLedger();
    clock = new MutableClock(Instant.now(), ZONE);
    store = mongo.store("reminders");
    first = RegistryInstance.start(ledger, clock, store, mongo.syncDatabase("reminders"));
    second = RegistryInstance.start(ledger, clock, null, null);
    firstSearch = search(first);
    secondSearch = search(second);
  }

  private static AgreementSearchEngine search(RegistryInstance instance) {
    try {
      AgreementSearchEngine engine = new AgreementSearchEngine(java.nio.file.Files.createTempDirectory("registry-search-"),
          instance.eventStore(), AgreementLedger.of(instance.eventStore()), 50);
      engine.start();
      return engine;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The read models and both instances' search indexes have reached the ledger's head. */
  private void caughtUp() {
    first.awaitCaughtUp();
    var head = first.eventStore().createHeadToken();
    long position = head == null ? -1 : head.position().orElse(-1);
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
        .until(() -> List.of(firstSearch, secondSearch).stream().allMatch(e -> e.position() != null && e.position() >= position));
  }

  @AfterEach
  void stop() {
    secondSearch.stop();
    firstSearch.stop();
    second.close();
    first.close();
    mongo.close();
  }

  private NoticeJob job(RegistryInstance instance) {
    NoticeCommands commands = new NoticeCommands(instance.commands(), new SimpleMeterRegistry());
    return new NoticeJob(clock,
        new WhenReviewDueThenIssueNotice(new ReviewQueries(store), commands),
        new WhenExigentDeadlineMissedThenIssueNotice(new ExigentDeadlineQueries(store), commands),
        new WhenTerminationDatePassedThenExpireAgreement(new AgreementRepositoryQueries(store, null), commands),
        new WhenStepWaitsTooLongThenRemind(new WorkQueries(instance == first ? firstSearch : secondSearch), commands,
            new ReminderProperties(10, Map.of("IGP", 5))));
  }

  private NoticeRunReport[] runBothAtOnce() {
    var reports = Mono.zip(job(first).run().subscribeOn(Schedulers.boundedElastic()),
        job(second).run().subscribeOn(Schedulers.boundedElastic())).block(Duration.ofMinutes(1));
    return new NoticeRunReport[] {reports.getT1(), reports.getT2()};
  }

  private static List<ReminderIssued> reminders(EventStore events, AgreementId id) {
    return events.readEvents(id.value()).asStream().map(m -> m.getPayload()).filter(ReminderIssued.class::isInstance)
        .map(ReminderIssued.class::cast).toList();
  }

  /** Moves the job's clock to the day {@code businessDays} business days after {@code since}. */
  private void moveTo(LocalDate since, int businessDays) {
    LocalDate day = since;
    while (WorkDays.between(since, day) < businessDays) {
      day = day.plusDays(1);
    }
    clock.set(day.atTime(9, 0).atZone(ZONE).toInstant());
  }

  @Test
  void twoInstancesAtOnceAndRerunsRemindEachStepOncePerThreshold() {
    Workload work = new Workload(first.commands(), first.eventStore());
    AgreementId waiting = work.draft("waiting", "Fusion Center", LocalDate.of(2027, 1, 4), null);
    AgreementId inClearance = work.draft("in-clearance", "State Police", LocalDate.of(2027, 1, 4), null);
    work.concurAll(inClearance);
    work.send(new Actor("pat", "Pat Program", List.of("PROGRAM_OFFICE")), new RequestClearance(inClearance));
    caughtUp();
    LocalDate since = LocalDate.now(ZONE);
    List<String> offices = first.eventStore().readEvents(waiting.value()).asStream()
        .map(m -> m.getPayload()).filter(gov.ice.registry.agreement.api.AgreementDrafted.class::isInstance)
        .map(gov.ice.registry.agreement.api.AgreementDrafted.class::cast).findFirst().orElseThrow()
        .requiredStakeholders().stream().map(s -> s.office().name()).sorted().toList();
    assertThat(offices).isNotEmpty();

    moveTo(since, 4);
    assertThat(runBothAtOnce()).allSatisfy(r -> assertThat(r.reminders().sent()).isZero());

    moveTo(since, 6);
    NoticeRunReport[] reports = runBothAtOnce();
    assertThat(reports).allSatisfy(r -> assertThat(r.reminders().failed()).isZero());
    caughtUp();
    job(first).run().block();
    job(second).run().block();
    assertThat(reminders(first.eventStore(), inClearance)).singleElement().satisfies(r -> {
      assertThat(r.step()).isEqualTo(ReminderStep.CLEARANCE);
      assertThat(r.holder()).isEqualTo("IGP");
      assertThat(r.afterBusinessDays()).isEqualTo(5);
      assertThat(r.waitingSince()).isEqualTo(since);
    });
    // IGP's threshold (5) is its own for both of its steps: the clearance, and its concurrence as an office.
    assertThat(reminders(first.eventStore(), waiting)).singleElement().satisfies(r -> {
      assertThat(r.step()).isEqualTo(ReminderStep.CONCURRENCE);
      assertThat(r.holder()).isEqualTo("IGP");
      assertThat(r.afterBusinessDays()).isEqualTo(5);
    });
    List<String> others = offices.stream().filter(o -> !o.equals("IGP")).toList();
    assertThat(others).isNotEmpty();

    moveTo(since, 11);
    runBothAtOnce();
    caughtUp();
    runBothAtOnce();
    caughtUp();
    assertThat(reminders(first.eventStore(), waiting)).filteredOn(r -> !r.holder().equals("IGP"))
        .allSatisfy(r -> {
          assertThat(r.step()).isEqualTo(ReminderStep.CONCURRENCE);
          assertThat(r.afterBusinessDays()).isEqualTo(10);
        })
        .extracting(ReminderIssued::holder).containsExactlyInAnyOrderElementsOf(others);
    assertThat(reminders(first.eventStore(), inClearance)).extracting(ReminderIssued::afterBusinessDays).containsExactly(5, 10);

    // From 11 to 20 business days: the latest threshold reached is sent, not the ones skipped (15).
    moveTo(since, 20);
    runBothAtOnce();
    caughtUp();
    assertThat(reminders(first.eventStore(), waiting)).filteredOn(r -> r.afterBusinessDays() == 20).hasSize(offices.size());
    assertThat(reminders(first.eventStore(), waiting)).hasSize(2 * others.size() + 3);
    assertThat(reminders(first.eventStore(), inClearance)).extracting(ReminderIssued::afterBusinessDays).containsExactly(5, 10, 20);

    List<IssuedNotice> notices = new NoticeQueries(store).since(null).collectList().block();
    assertThat(notices).filteredOn(n -> IssuedNotice.REMINDER.equals(n.type())).hasSize(2 * others.size() + 6)
        .allSatisfy(n -> assertThat(n.waitingSince()).isEqualTo(since));
  }
}
