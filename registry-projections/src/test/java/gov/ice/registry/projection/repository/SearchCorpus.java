package gov.ice.registry.projection.repository;

import static gov.ice.registry.agreement.AgreementFixtures.IGP;
import static gov.ice.registry.agreement.AgreementFixtures.PROGRAM;

import gov.ice.registry.agreement.AgreementFixtures;
import gov.ice.registry.agreement.AgreementFixtures.Story;
import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.RuleId;
import gov.ice.registry.agreement.api.AgreementKind;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.AgreementWithdrawn;
import gov.ice.registry.agreement.api.BiennialReviewCompleted;
import gov.ice.registry.agreement.api.Directorate;
import gov.ice.registry.agreement.api.DraftRevised;
import gov.ice.registry.agreement.api.InformationCategory;
import gov.ice.registry.agreement.api.Party;
import gov.ice.registry.agreement.api.PartyKind;
import gov.ice.registry.agreement.api.PersonalDataErased;
import gov.ice.registry.agreement.api.ReviewFindings;
import gov.ice.registry.agreement.api.ReviewOutcome;
import gov.ice.registry.agreement.api.Scope;
import gov.ice.registry.agreement.api.StakeholderConcurred;
import gov.ice.registry.agreement.api.StakeholderOffice;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * A varied, seeded set of agreements for comparing the search index with the aggregation: titles
 * that repeat (ties broken by id), ids in another order than the titles, parties sharing names in
 * two spellings and countries in both cases or none, every kind, directorate and category, with
 * and without PII, drafts, revised drafts, active agreements with and without reviews, withdrawn
 * ones and erasures, creation times that repeat.
 */
final class SearchCorpus {

  static final Instant T0 = Instant.parse("2025-01-06T14:00:00Z");
  static final List<String> WORDS = List.of("border", "overstay", "gang", "payroll", "removal", "sheriff", "c++",
      "liaison", "(pilot)", "exchange", "Montréal", "o'odham");
  static final List<String> PARTY_NAMES = List.of("UK Home Office", "uk home office ", "Harris County",
      "Texas Department of Public Safety", "Interpol", "Acme Payroll Inc.", "Tohono O'odham Nation", "Ohio BCI",
      "Sheriff of Cook County", "Ville de Montréal");
  static final List<String> COUNTRIES = Arrays.asList("US", "gb", "GB", "fr", "MX", "ca", null);

  private SearchCorpus() {}

  /** {@code count} agreements' stories. */
  static List<Story> stories(int count, long seed) {
    Random random = new Random(seed);
    List<Integer> numbers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      numbers.add(i);
    }
    Collections.shuffle(numbers, random);
    List<Story> stories = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = String.format("S-%04d", numbers.get(i));
      // Creation times repeat (every agreement of the same hour starts at the same instant).
      Instant start = T0.plusSeconds(3600L * random.nextInt(count / 3 + 1));
      AgreementProfile profile = profile(random, i);
      AgreementId a = AgreementId.of(id);
      Story story;
      switch (random.nextInt(7)) {
        case 0, 1 -> story = AgreementFixtures.drafted(id, start, profile);
        case 2 -> story = AgreementFixtures.drafted(id, start, profile)
            .then(PROGRAM, new DraftRevised(a, 2, profile(random, i + 1), Scope.IN_SCOPE, AgreementFixtures.stakeholders(), List.of()))
            .then(IGP, new StakeholderConcurred(a, StakeholderOffice.IGP, 2, "ok", List.of(RuleId.of("S1"))));
        case 3 -> story = AgreementFixtures.active(id, start, profile, day(random));
        case 4 -> {
          LocalDate reviewed = LocalDate.of(2026, 1 + random.nextInt(12), 1 + random.nextInt(28));
          story = AgreementFixtures.active(id, start, profile, day(random))
              .then(PROGRAM, new BiennialReviewCompleted(a, reviewed, ReviewOutcome.CONTINUE,
                  new ReviewFindings(true, true, true, true, true), "continue", reviewed.plusYears(2)));
        }
        case 5 -> story = AgreementFixtures.drafted(id, start, profile)
            .then(PROGRAM, new AgreementWithdrawn(a, AgreementStatus.DRAFT, "no longer needed"));
        default -> story = AgreementFixtures.active(id, start, profile, day(random))
            .then(PROGRAM, new PersonalDataErased(a, "request", "PRIV-" + i, 3));
      }
      stories.add(story);
    }
    return stories;
  }

  /** Every story's events, interleaved round-robin (each agreement's in order), so one batch holds several agreements. */
  static List<DomainEventMessage<?>> interleaved(List<Story> stories) {
    List<DomainEventMessage<?>> all = new ArrayList<>();
    List<List<DomainEventMessage<?>>> each = stories.stream().map(Story::messages).toList();
    int longest = each.stream().mapToInt(List::size).max().orElse(0);
    for (int step = 0; step < longest; step++) {
      for (List<DomainEventMessage<?>> messages : each) {
        if (step < messages.size()) {
          all.add(messages.get(step));
        }
      }
    }
    return all;
  }

  private static AgreementProfile profile(Random random, int i) {
    String word = WORDS.get(random.nextInt(WORDS.size()));
    // Forty titles for hundreds of agreements: sorting by title has many ties, broken by id.
    String title = (random.nextBoolean() ? "Data " : "data ") + word + " agreement " + (i % 40);
    List<Party> parties = new ArrayList<>();
    int count = 1 + random.nextInt(3);
    for (int p = 0; p < count; p++) {
      PartyKind kind = PartyKind.values()[random.nextInt(PartyKind.values().length)];
      parties.add(AgreementFixtures.party(PARTY_NAMES.get(random.nextInt(PARTY_NAMES.size())), kind,
          COUNTRIES.get(random.nextInt(COUNTRIES.size()))));
    }
    List<InformationCategory> categories = new ArrayList<>();
    for (InformationCategory category : InformationCategory.values()) {
      if (random.nextInt(3) == 0) {
        categories.add(category);
      }
    }
    if (categories.isEmpty()) {
      categories.add(InformationCategory.values()[random.nextInt(InformationCategory.values().length)]);
    }
    String purpose = "Share " + WORDS.get(random.nextInt(WORDS.size())) + " records " + (random.nextInt(5) == 0 ? "" : "weekly");
    LocalDate effective = random.nextInt(3) == 0 ? null : day(random);
    LocalDate termination = random.nextInt(3) == 0 ? null : day(random).plusYears(3);
    return AgreementFixtures.profile(title, AgreementKind.values()[random.nextInt(AgreementKind.values().length)],
        Directorate.values()[random.nextInt(Directorate.values().length)], parties, categories, random.nextBoolean(),
        purpose, effective, termination);
  }

  private static LocalDate day(Random random) {
    return LocalDate.of(2022 + random.nextInt(3), 1 + random.nextInt(12), 1 + random.nextInt(28));
  }
}
