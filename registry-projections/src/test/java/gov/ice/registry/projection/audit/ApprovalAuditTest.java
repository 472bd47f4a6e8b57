package gov.ice.registry.projection.audit;

import static gov.ice.registry.agreement.AgreementFixtures.DIRECTOR;
import static gov.ice.registry.agreement.AgreementFixtures.IGP;
import static gov.ice.registry.agreement.AgreementFixtures.PRIVACY;
import static gov.ice.registry.agreement.AgreementFixtures.PROGRAM;
import static gov.ice.registry.agreement.AgreementFixtures.ruleIds;
import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.BiennialReview;
import gov.ice.registry.agreement.api.BiennialReviewCompleted;
import gov.ice.registry.agreement.api.DisputeDecision;
import gov.ice.registry.agreement.api.DisputeResolved;
import gov.ice.registry.agreement.api.DraftRevised;
import gov.ice.registry.agreement.api.ReviewFindings;
import gov.ice.registry.agreement.api.ReviewOutcome;
import gov.ice.registry.agreement.api.Scope;
import gov.ice.registry.agreement.api.StakeholderConcurred;
import gov.ice.registry.agreement.api.StakeholderNonConcurred;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.agreement.AgreementFixtures;
import gov.ice.registry.projection.KnownAgreements;
import gov.ice.registry.projection.ProjectionDriver;
import gov.ice.registry.projection.TestReadStore;
import gov.ice.registry.projection.mongo.ReadStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ApprovalAuditTest {

  static final Instant REVISION_DAY = Instant.parse("2025-03-03T14:00:00Z");

  static TestReadStore mongo;
  static ApprovalQueries approvals;

  @BeforeAll
  static void load() {
    mongo = new TestReadStore();
    ReadStore store = mongo.store("audit");
    ProjectionDriver driver = new ProjectionDriver(store);
    KnownAgreements.ALL.forEach(driver::apply);

    AgreementFixtures.Story disputed = KnownAgreements.GANG;
    AgreementId gang = disputed.id();
    var profile = ((gov.ice.registry.agreement.api.AgreementDrafted) disputed.messages().get(0).getPayload()).profile();
    AgreementFixtures.Story more = AgreementFixtures.story(gang.value(), REVISION_DAY);
    more.then(PROGRAM, new gov.ice.registry.agreement.api.AgreementDrafted(gang, 1, profile, Scope.IN_SCOPE, AgreementFixtures.stakeholders()))
        .then(PRIVACY, new StakeholderNonConcurred(gang, StakeholderOffice.IGP_PRIVACY, 1, "too broad, \"bulk\"", ruleIds("S3")))
        .then(PROGRAM, new DraftRevised(gang, 2, profile, Scope.IN_SCOPE, AgreementFixtures.stakeholders(), List.of()))
        .then(PRIVACY, new StakeholderConcurred(gang, StakeholderOffice.IGP_PRIVACY, 2, "=cmd() now fine", ruleIds("S3")))
        .then(DIRECTOR, new DisputeResolved(gang, DisputeDecision.PROCEED_AS_DRAFTED, "mission need", 2, List.of()));
    driver.apply(more.messages().subList(1, more.messages().size()));

    AgreementFixtures.Story visa = KnownAgreements.VISA;
    AgreementFixtures.Story reviewed = AgreementFixtures.story(visa.id().value(), REVISION_DAY.plusSeconds(86_400 * 30));
    visa.messages().forEach(m -> reviewed.then(PROGRAM, (gov.ice.registry.agreement.api.AgreementEvent) m.getPayload()));
    reviewed.then(PROGRAM, new BiennialReviewCompleted(visa.id(), LocalDate.of(2025, 4, 1), ReviewOutcome.MODIFY,
        new ReviewFindings(true, false, true, true, true), "update contacts", BiennialReview.dueAfter(LocalDate.of(2025, 4, 1))));
    driver.apply(reviewed.messages().subList(reviewed.messages().size() - 1, reviewed.messages().size()));
    approvals = new ApprovalQueries(store);
  }

  @AfterAll
  static void stop() {
    mongo.close();
  }

  private static List<Approval> find(String actor, String office, Instant from, Instant to) {
    return approvals.find(new ApprovalSearch(actor, office, from, to)).collectList().block();
  }

  @Test
  void listsEveryApprovalOfTheKnownAgreements() {
    // Four active agreements: IGP concurrence, clearance, ICE's and each party's signatures; plus the later ones.
    List<Approval> all = find(null, null, null, null);
    assertThat(all).extracting(Approval::type).containsOnly("CONCURRENCE", "CLEARANCE", "SIGNATURE", "REVIEW", "DISPUTE_DECISION");
    assertThat(all.stream().filter(a -> a.type().equals("SIGNATURE") && "ICE".equals(a.party()))).hasSize(4);
    assertThat(all.stream().filter(a -> a.type().equals("SIGNATURE") && !"ICE".equals(a.party()))).hasSize(5);
  }

  @Test
  void findsByActorIgnoringCase() {
    List<Approval> byIvy = find("IVY", null, null, null);
    assertThat(byIvy).hasSize(8).allSatisfy(a -> {
      assertThat(a.actorUsername()).isEqualTo("ivy");
      assertThat(a.actorDisplayName()).isEqualTo("Ivy Governance");
      assertThat(a.office()).isEqualTo("IGP");
    });
    assertThat(byIvy).extracting(Approval::type).containsOnly("CONCURRENCE", "CLEARANCE");
  }

  @Test
  void findsByOfficeWithTheDraftVersionEachApproved() {
    List<Approval> privacy = find(null, "igp_privacy", null, null);
    assertThat(privacy).extracting(Approval::decision).containsExactly("NON_CONCUR", "CONCUR");
    assertThat(privacy).extracting(Approval::draftVersion).containsExactly(1, 2);
    assertThat(privacy).extracting(Approval::rules).containsOnly(List.of("S3"));
  }

  @Test
  void findsSignaturesByAuthorityAndDecisionsByTheDirector() {
    assertThat(find(null, "HSI_EAD", null, null)).hasSize(4).extracting(Approval::signatoryName).containsOnly("Sam Signatory");
    assertThat(find("dee", null, null, null)).singleElement().satisfies(a -> {
      assertThat(a.type()).isEqualTo("DISPUTE_DECISION");
      assertThat(a.decision()).isEqualTo("PROCEED_AS_DRAFTED");
      assertThat(a.office()).isEqualTo("ICE_DIRECTOR");
      assertThat(a.draftVersion()).isEqualTo(2);
    });
    assertThat(find(null, "HSI", null, null)).singleElement().satisfies(a -> {
      assertThat(a.type()).isEqualTo("REVIEW");
      assertThat(a.decision()).isEqualTo("MODIFY");
    });
  }

  @Test
  void findsWithinADateRange() {
    List<Approval> fromRevision = find(null, null, REVISION_DAY, REVISION_DAY.plusSeconds(3600));
    assertThat(fromRevision).extracting(Approval::type).containsExactly("CONCURRENCE", "CONCURRENCE", "DISPUTE_DECISION");
    assertThat(find("pia", null, null, REVISION_DAY)).isEmpty();
  }

  @Test
  void writesCsvThatSpreadsheetsReadSafely() {
    List<Approval> privacy = find(null, "IGP_PRIVACY", null, null);
    String csv = ApprovalCsv.header() + ApprovalCsv.row(privacy.get(0)) + ApprovalCsv.row(privacy.get(1));
    String[] lines = csv.split("\r\n");
    assertThat(lines[0]).isEqualTo(ApprovalCsv.BYTE_ORDER_MARK + String.join(",", ApprovalCsv.COLUMNS));
    assertThat(lines[1]).contains(",NON_CONCUR,IGP_PRIVACY,").contains("\"too broad, \"\"bulk\"\"\"").contains(",1,");
    assertThat(lines[2]).contains(",'=cmd() now fine,").contains(",2,");
    assertThat(lines).hasSize(3);
  }
}
