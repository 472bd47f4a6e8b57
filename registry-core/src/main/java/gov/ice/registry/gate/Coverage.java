package gov.ice.registry.gate;

import gov.ice.registry.agreement.api.Marking;
import gov.ice.registry.agreement.api.SharingChannel;
import gov.ice.registry.gate.GateDecision.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the agreement covers: category, PII, marking (a table kept as data), channel, bulk and purpose. Each its own rule. */
final class Coverage {

  private Coverage() {}

  /** The marking table's text, as read: part of the policy's hash. */
  static final String MARKING_TABLE_TEXT = read();
  static final Map<Marking, Set<Marking>> MARKING_TABLE = parse(MARKING_TABLE_TEXT);

  private static String read() {
    try (InputStream in = Coverage.class.getResourceAsStream("marking-coverage.csv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<Marking, Set<Marking>> parse(String text) {
    Map<Marking, Set<Marking>> table = new EnumMap<>(Marking.class);
    text.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(line -> {
      List<String> cells = Arrays.stream(line.split(",")).map(String::trim).toList();
      Set<Marking> covered = EnumSet.noneOf(Marking.class);
      cells.subList(1, cells.size()).forEach(c -> covered.add(Marking.valueOf(c)));
      table.put(Marking.valueOf(cells.get(0)), covered);
    });
    return table;
  }

  static final class Category implements GateRule {
    @Override
    public String id() {
      return "CATEGORY_NOT_COVERED";
    }

    @Override
    public Optional<Reason> check(Candidate c) {
      return c.profile().categories().contains(c.request().category()) ? Optional.empty()
          : Optional.of(new Reason(id(), c.agreementId(), "the agreement covers " + c.profile().categories() + ", not "
              + c.request().category()));
    }
  }

  static final class Pii implements GateRule {
    @Override
    public String id() {
      return "PII_NOT_COVERED";
    }

    @Override
    public Optional<Reason> check(Candidate c) {
      var data = c.profile().dataProfile();
      if (c.request().sensitivePii() && !data.sensitivePii()) {
        return Optional.of(new Reason(id(), c.agreementId(), "the agreement does not cover sensitive PII"));
      }
      if ((c.request().pii() || c.request().sensitivePii()) && !data.pii() && !data.sensitivePii()) {
        return Optional.of(new Reason(id(), c.agreementId(), "the agreement does not cover PII"));
      }
      return Optional.empty();
    }
  }

  static final class MarkingRule implements GateRule {

    private final String tableText;
    private final Map<Marking, Set<Marking>> table;

    /** Today's table, {@code marking-coverage.csv}. */
    MarkingRule() {
      this(MARKING_TABLE_TEXT);
    }

    /** Another table (an earlier policy's, kept so its decisions can be replayed under it). */
    MarkingRule(String tableText) {
      this.tableText = tableText;
      this.table = parse(tableText);
    }

    String tableText() {
      return tableText;
    }

    @Override
    public String id() {
      return "MARKING_EXCEEDS_AGREEMENT";
    }

    @Override
    public Optional<Reason> check(Candidate c) {
      Marking agreed = c.profile().dataProfile().marking();
      return table.getOrDefault(agreed, Set.of()).contains(c.request().marking()) ? Optional.empty()
          : Optional.of(new Reason(id(), c.agreementId(), c.request().marking() + " information exceeds the agreement's marking "
              + agreed));
    }
  }

  static final class Channel implements GateRule {
    @Override
    public String id() {
      return "CHANNEL_NOT_COVERED";
    }

    @Override
    public Optional<Reason> check(Candidate c) {
      List<SharingChannel> allowed = c.profile().terms() == null ? null : c.profile().terms().channels();
      SharingChannel asked = c.request().channel();
      if (asked == null) {
        return Optional.of(new Reason(id(), c.agreementId(), "no channel was named (action.properties.channel)"));
      }
      if (allowed == null) {
        return Optional.of(new Reason(id(), c.agreementId(), "the agreement's terms name no channels"));
      }
      return allowed.contains(asked) ? Optional.empty()
          : Optional.of(new Reason(id(), c.agreementId(), "the terms allow " + allowed + ", not " + asked));
    }
  }

  /** Bulk transfers need an agreement drafted for them (and the bulk channel); denied as a channel not covered. */
  static final class Bulk implements GateRule {
    @Override
    public String id() {
      return "CHANNEL_NOT_COVERED";
    }

    @Override
    public Optional<Reason> check(Candidate c) {
      boolean bulk = c.request().bulk() || c.request().channel() == SharingChannel.BULK_TRANSFER;
      return bulk && !c.profile().dataProfile().bulkTransfer()
          ? Optional.of(new Reason(id(), c.agreementId(), "the agreement does not cover bulk transfers"))
          : Optional.empty();
    }
  }

  static final class Purpose implements GateRule {
    @Override
    public String id() {
      return "PURPOSE_NOT_COVERED";
    }

    @Override
    public Optional<Reason> check(Candidate c) {
      List<String> permitted = c.profile().terms() == null ? null : c.profile().terms().permittedPurposes();
      String asked = c.request().purpose();
      if (asked == null || asked.isBlank()) {
        return Optional.of(new Reason(id(), c.agreementId(), "no purpose was named (resource.properties.purpose)"));
      }
      if (permitted == null) {
        return Optional.of(new Reason(id(), c.agreementId(), "the agreement's terms name no permitted purpose codes"));
      }
      return permitted.contains(asked) ? Optional.empty()
          : Optional.of(new Reason(id(), c.agreementId(), "the terms permit " + permitted + ", not " + asked));
    }
  }

  /**
   * Onward sharing ({@code redisseminate}) to a third party: only to another party of the same
   * agreement. Anything else needs the originator's consent case by case, which the gate does not
   * decide.
   */
  static final class OnwardSharing implements GateRule {
    @Override
    public String id() {
      return "NO_COVERING_AGREEMENT";
    }

    @Override
    public Optional<Reason> check(Candidate c) {
      if (c.request().action() != GateAction.REDISSEMINATE) {
        return Optional.empty();
      }
      String third = c.request().thirdParty();
      boolean party = third != null && c.profile().parties().stream().anyMatch(p -> PartyMatch.normalize(p.name())
          .equals(PartyMatch.normalize(third)));
      return party ? Optional.empty() : Optional.of(new Reason(id(), c.agreementId(), "onward sharing with " + (third == null
          ? "an unnamed third party" : third) + " is not covered: it is not a party to this agreement; ICE's written consent is "
          + "needed"));
    }
  }
}
