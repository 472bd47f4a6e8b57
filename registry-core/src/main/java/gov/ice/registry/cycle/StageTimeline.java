package gov.ice.registry.cycle;

import gov.ice.registry.agreement.api.AgreementEvent;
import gov.ice.registry.agreement.api.DisputeDecision;
import gov.ice.registry.agreement.api.DisputeLevel;
import gov.ice.registry.cycle.CycleFact.Kind;
import gov.ice.registry.cycle.StageInterval.Outcome;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An agreement's stage intervals: a pure function of its events (as {@link CycleFact}s, in ledger
 * order) and the registry's time zone, which turns instants into calendar days. Nothing here reads
 * a clock: an interval still open has no end, and its age is counted by whoever asks, for a day
 * they choose ({@link StageInterval#duration}).
 *
 * <p>An executed agreement imported into the registry has no stages: it is only counted
 * ({@link #imported()}). A draft that is only registered (exempt, out of scope) has none either.
 */
public final class StageTimeline {

  /** The registry's calendar zone, as the notice job uses it. */
  public static final ZoneId ZONE = ZoneId.of("America/New_York");

  public static final String PROGRAM_OFFICE = "PROGRAM_OFFICE";
  public static final String SIGNATORIES = "SIGNATORIES";
  public static final String IGP = "IGP";
  public static final String OPLA = "OPLA";

  /** One event as the ledger recorded it. */
  public record Timed(AgreementEvent event, Instant at) {}

  /** The concurrence phase's overlap: time offices held it, summed, and the time any office held it. */
  public record Concurrency(long heldMillis, long spanMillis) {
    public static final Concurrency NONE = new Concurrency(0, 0);

    public Concurrency plus(Concurrency other) {
      return new Concurrency(heldMillis + other.heldMillis, spanMillis + other.spanMillis);
    }

    /** 1 when offices answered one after another, n when n offices held it at once throughout; 0 with nothing measured. */
    public double ratio() {
      return spanMillis == 0 ? 0 : (double) heldMillis / spanMillis;
    }
  }

  /** From {@code from} until {@code to} (null: still) the agreement was held by {@code holders}. */
  public record Holding(Instant from, Instant to, List<String> holders) {}

  private enum Phase { NONE, CONCURRENCE, CLEARANCE, CLEARED, AMENDMENT, DONE }

  /** An interval as it is built. */
  private static final class Open {
    final Stage stage;
    final String holder;
    final int version;
    final Instant start;
    final LocalDate startDay;
    Instant end;
    Outcome outcome = Outcome.OPEN;
    boolean rework;

    Open(Stage stage, String holder, int version, Instant start, LocalDate startDay) {
      this.stage = stage;
      this.holder = holder;
      this.version = version;
      this.start = start;
      this.startDay = startDay;
    }
  }

  private final ZoneId zone;
  private final List<Open> all = new ArrayList<>();
  private boolean imported;
  private Phase phase = Phase.NONE;
  private int version;
  private Instant versionAt;
  private boolean legalReview;
  private Instant clearedAt;
  /** Required offices in the order the registry lists them, with the instant each became required. */
  private final Map<String, Instant> required = new LinkedHashMap<>();
  private final Set<String> concurred = new LinkedHashSet<>();
  private final Set<String> objecting = new LinkedHashSet<>();
  private boolean proceedAsDrafted;

  private StageTimeline(ZoneId zone) {
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  public static StageTimeline of(List<CycleFact> facts, ZoneId zone) {
    StageTimeline timeline = new StageTimeline(zone);
    facts.forEach(timeline::take);
    return timeline;
  }

  public static StageTimeline ofEvents(List<Timed> events, ZoneId zone) {
    return of(facts(events), zone);
  }

  /** The facts of {@code events}, without the events that tell the cycle time nothing. */
  public static List<CycleFact> facts(List<Timed> events) {
    return events.stream().map(t -> CycleFact.of(t.event(), t.at())).filter(Objects::nonNull).toList();
  }

  public boolean imported() {
    return imported;
  }

  public List<StageInterval> intervals() {
    return all.stream().map(o -> new StageInterval(o.stage, o.holder, o.version, o.start, o.end, o.startDay,
        o.end == null ? null : day(o.end), o.outcome, o.rework)).toList();
  }

  /**
   * Per draft version (or amendment), the offices' concurrence intervals that ended in a decision:
   * their summed length and the length of their union. Their ratio is how many offices held the
   * phase at once on average while any did.
   */
  public Concurrency concurrency() {
    Concurrency total = Concurrency.NONE;
    Map<Integer, List<Open>> byVersion = new LinkedHashMap<>();
    all.stream().filter(o -> o.stage == Stage.CONCURRENCE && o.outcome == Outcome.COMPLETED)
        .forEach(o -> byVersion.computeIfAbsent(o.version, v -> new ArrayList<>()).add(o));
    for (List<Open> intervals : byVersion.values()) {
      long held = 0;
      long span = 0;
      Instant reach = null;
      List<Open> sorted = intervals.stream().sorted(Comparator.comparing((Open o) -> o.start)).toList();
      for (Open o : sorted) {
        held += o.end.toEpochMilli() - o.start.toEpochMilli();
        Instant from = reach == null || o.start.isAfter(reach) ? o.start : reach;
        if (o.end.isAfter(from)) {
          span += o.end.toEpochMilli() - from.toEpochMilli();
          reach = o.end;
        }
      }
      total = total.plus(new Concurrency(held, span));
    }
    return total;
  }

  /**
   * Who held the agreement at each moment: the offices, IGP, OPLA, the signatories or the dispute
   * level whose intervals ran then (the end to end, the sole holder and the exigent clock, which
   * run beside the others, are left out). Consecutive moments with the same holders are one
   * holding; a moment nobody held (the program office's own work) has no holders.
   */
  public List<Holding> holdings() {
    List<Open> held = all.stream().filter(o -> o.stage != Stage.END_TO_END && o.stage != Stage.SOLE_HOLDER
        && o.stage != Stage.EXIGENT_MEMORIALIZATION && o.stage != Stage.SIGNATURE).toList();
    TreeSet<Instant> moments = new TreeSet<>();
    held.forEach(o -> {
      moments.add(o.start);
      if (o.end != null) {
        moments.add(o.end);
      }
    });
    List<Holding> holdings = new ArrayList<>();
    List<Instant> points = new ArrayList<>(moments);
    for (int i = 0; i < points.size(); i++) {
      Instant from = points.get(i);
      Instant to = i + 1 < points.size() ? points.get(i + 1) : null;
      List<String> holders = held.stream()
          .filter(o -> !o.start.isAfter(from) && (o.end == null || o.end.isAfter(from)))
          .map(o -> o.stage.name().startsWith("DISPUTE_") ? o.stage.name() : o.holder)
          .distinct().toList();
      if (to == null && holders.isEmpty()) {
        break;
      }
      if (!holdings.isEmpty() && holdings.get(holdings.size() - 1).holders().equals(holders)) {
        Holding last = holdings.remove(holdings.size() - 1);
        holdings.add(new Holding(last.from(), to, holders));
      } else {
        holdings.add(new Holding(from, to, holders));
      }
    }
    return holdings;
  }

  private void take(CycleFact fact) {
    Instant at = fact.at();
    switch (fact.kind()) {
      case IMPORTED -> imported = true;
      case DRAFTED -> {
        if (!CycleFact.DRAFT.equals(fact.detail())) {
          return;
        }
        open(Stage.END_TO_END, PROGRAM_OFFICE, fact.draftVersion(), at);
        newVersion(fact, at);
      }
      case REVISED -> {
        if (phase == Phase.NONE || phase == Phase.DONE) {
          return;
        }
        for (Open o : all) {
          if (o.stage == Stage.CONCURRENCE && o.outcome == Outcome.COMPLETED && o.version == version
              && fact.others().contains(o.holder)) {
            o.rework = true;
          }
        }
        supersede(o -> o.stage == Stage.CONCURRENCE || o.stage == Stage.SOLE_HOLDER || o.stage == Stage.CLEARANCE
            || o.stage == Stage.LEGAL_REVIEW, at);
        close(o -> o.stage.name().startsWith("DISPUTE_"), at);
        newVersion(fact, at);
      }
      case CONCURRED, NON_CONCURRED -> {
        if (fact.draftVersion() != version) {
          return;
        }
        close(o -> o.stage == Stage.CONCURRENCE && o.version == version && fact.office().equals(o.holder), at);
        if (fact.kind() == Kind.CONCURRED) {
          concurred.add(fact.office());
          objecting.remove(fact.office());
          if (objecting.isEmpty()) {
            close(o -> o.stage.name().startsWith("DISPUTE_"), at);
          }
        } else {
          concurred.remove(fact.office());
          objecting.add(fact.office());
        }
        soleHolder(at);
      }
      case DISPUTE_RAISED -> {
        close(o -> o.stage.name().startsWith("DISPUTE_"), at);
        Stage stage = Stage.disputeAt(DisputeLevel.valueOf(fact.detail()));
        open(stage, fact.detail(), version, at);
      }
      case DISPUTE_RESOLVED -> {
        close(o -> o.stage.name().startsWith("DISPUTE_"), at);
        if (DisputeDecision.PROCEED_AS_DRAFTED.name().equals(fact.detail()) && fact.draftVersion() == version) {
          proceedAsDrafted = true;
          soleHolder(at);
        }
      }
      case CLEARANCE_REQUESTED -> {
        supersede(o -> o.stage == Stage.CONCURRENCE || o.stage == Stage.SOLE_HOLDER, at);
        phase = Phase.CLEARANCE;
        open(Stage.CLEARANCE, IGP, version, at);
        if (legalReview) {
          open(Stage.LEGAL_REVIEW, OPLA, version, at);
        }
      }
      case CLEARANCE_GRANTED -> close(o -> o.stage == Stage.CLEARANCE, at);
      case CLEARANCE_RETURNED -> {
        close(o -> o.stage == Stage.CLEARANCE, at);
        supersede(o -> o.stage == Stage.LEGAL_REVIEW, at);
        phase = Phase.CONCURRENCE;
      }
      case LEGAL_REVIEW -> {
        close(o -> o.stage == Stage.LEGAL_REVIEW, at);
        if (!fact.flag()) {
          supersede(o -> o.stage == Stage.CLEARANCE, at);
          phase = Phase.CONCURRENCE;
        }
      }
      case CLEARED -> {
        phase = Phase.CLEARED;
        clearedAt = at;
        open(Stage.SIGNATURES, SIGNATORIES, version, at);
      }
      case SIGNED -> {
        if (clearedAt != null && phase == Phase.CLEARED) {
          Open signature = open(Stage.SIGNATURE, fact.detail(), version, clearedAt);
          signature.end = at;
          signature.outcome = Outcome.COMPLETED;
        }
      }
      case EXECUTED -> {
        close(o -> o.stage == Stage.SIGNATURES || o.stage == Stage.END_TO_END || o.stage == Stage.EXIGENT_MEMORIALIZATION, at);
        phase = Phase.DONE;
      }
      case AMENDMENT_PROPOSED -> {
        version = fact.draftVersion();
        versionAt = at;
        phase = Phase.AMENDMENT;
        concurred.clear();
        objecting.clear();
        for (String office : fact.offices()) {
          open(Stage.CONCURRENCE, office, version, at);
        }
      }
      case AMENDED -> {
        supersede(o -> o.stage == Stage.CONCURRENCE, at);
        version = fact.draftVersion();
        phase = Phase.DONE;
      }
      case EXIGENT_TRANSFER -> {
        if (phase != Phase.DONE && fact.day() != null) {
          Open exigent = new Open(Stage.EXIGENT_MEMORIALIZATION, PROGRAM_OFFICE, version,
              fact.day().atStartOfDay(zone).toInstant(), fact.day());
          all.add(exigent);
        }
      }
      case ENDED -> {
        supersede(o -> true, at);
        phase = Phase.DONE;
      }
      default -> throw new IllegalArgumentException("no fold for " + fact.kind());
    }
  }

  /** A draft or revision: version {@code fact.draftVersion()} awaits every office it requires. */
  private void newVersion(CycleFact fact, Instant at) {
    phase = Phase.CONCURRENCE;
    version = fact.draftVersion();
    versionAt = at;
    legalReview = fact.flag();
    proceedAsDrafted = false;
    concurred.clear();
    objecting.clear();
    Map<String, Instant> before = new LinkedHashMap<>(required);
    required.clear();
    for (String office : fact.offices()) {
      required.put(office, before.getOrDefault(office, at));
    }
    required.forEach((office, since) -> open(Stage.CONCURRENCE, office, version, later(versionAt, since)));
    soleHolder(at);
  }

  /** Opens, moves or closes the sole-holder interval after the concurrence phase's outstanding offices changed. */
  private void soleHolder(Instant at) {
    if (phase != Phase.CONCURRENCE) {
      return;
    }
    List<String> outstanding = required.keySet().stream()
        .filter(o -> !concurred.contains(o) && !(proceedAsDrafted && objecting.contains(o))).toList();
    Open current = all.stream().filter(o -> o.stage == Stage.SOLE_HOLDER && o.outcome == Outcome.OPEN).findFirst().orElse(null);
    if (outstanding.size() == 1) {
      if (current != null && current.holder.equals(outstanding.get(0))) {
        return;
      }
      if (current != null) {
        end(current, at, Outcome.SUPERSEDED);
      }
      open(Stage.SOLE_HOLDER, outstanding.get(0), version, at);
    } else if (current != null) {
      end(current, at, outstanding.isEmpty() ? Outcome.COMPLETED : Outcome.SUPERSEDED);
    }
  }

  private Open open(Stage stage, String holder, int draftVersion, Instant at) {
    Open o = new Open(stage, holder, draftVersion, at, day(at));
    all.add(o);
    return o;
  }

  private void close(java.util.function.Predicate<Open> which, Instant at) {
    all.stream().filter(o -> o.outcome == Outcome.OPEN).filter(which).forEach(o -> end(o, at, Outcome.COMPLETED));
  }

  private void supersede(java.util.function.Predicate<Open> which, Instant at) {
    all.stream().filter(o -> o.outcome == Outcome.OPEN).filter(which).forEach(o -> end(o, at, Outcome.SUPERSEDED));
  }

  private static void end(Open o, Instant at, Outcome outcome) {
    o.end = at.isBefore(o.start) ? o.start : at;
    o.outcome = outcome;
  }

  private LocalDate day(Instant at) {
    return LocalDate.ofInstant(at, zone);
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
