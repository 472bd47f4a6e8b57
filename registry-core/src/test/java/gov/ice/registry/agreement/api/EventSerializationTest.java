package gov.ice.registry.agreement.api;

import static gov.ice.registry.agreement.AgreementFixtures.STATE_PARTY_NAME;
import static gov.ice.registry.agreement.AgreementFixtures.agreementId;
import static gov.ice.registry.agreement.AgreementFixtures.dataProfile;
import static gov.ice.registry.agreement.AgreementFixtures.profile;
import static gov.ice.registry.agreement.AgreementFixtures.ruleIds;
import static gov.ice.registry.agreement.AgreementFixtures.terms;
import static gov.ice.registry.agreement.AgreementFixtures.withExemption;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.ice.registry.agreement.AgreementFacts;
import gov.ice.registry.serialization.RegistryJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Pins down the stored form of every event. The ledger keeps events for years, so a change of
 * shape must be deliberate: approve the new snapshot, bump the {@code @Revision} and write an
 * upcaster. To approve, check the {@code .received.json} file and rename it to {@code .json}.
 */
class EventSerializationTest {

  private static final Path APPROVED = Path.of(System.getProperty("basedir", "")).resolve("src/test/resources/approved/events");

  private static final ObjectMapper CANONICAL = RegistryJson.objectMapper();

  private static final String DRAFT_TEXT_SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  private final JacksonSerializer serializer = RegistryJson.serializer();

  @TestFactory
  Stream<DynamicTest> everyEventMatchesItsApprovedJson() {
    return perEvent(event -> {
      String received = canonicalForm(serializer.serialize(event, String.class));
      String name = event.getClass().getSimpleName();
      Path approved = APPROVED.resolve(name + ".json");
      Path receivedFile = APPROVED.resolve(name + ".received.json");
      if (!Files.exists(approved)) {
        write(receivedFile, received);
        fail("No approved JSON for %s. Check %s and rename it to %s to approve it.", name, receivedFile, approved.getFileName());
      }
      String expected = read(approved);
      if (!expected.equals(received)) {
        write(receivedFile, received);
      } else {
        delete(receivedFile);
      }
      assertThat(received)
          .as("%s no longer serializes as approved; if the change is intended, bump its @Revision, add an upcaster, and approve %s", name, receivedFile)
          .isEqualTo(expected);
    });
  }

  @TestFactory
  Stream<DynamicTest> everyEventRoundTrips() {
    return perEvent(event -> {
      SerializedObject<String> serialized = serializer.serialize(event, String.class);

      Object read = serializer.deserialize(serialized);

      assertThat(read).isEqualTo(event);
    });
  }

  /** Contacts gained {@code title} and {@code organization} without a new revision: events stored before still read. */
  @Test
  void aContactStoredBeforeTitleAndOrganizationStillReads() throws IOException {
    ObjectNode stored = (ObjectNode) CANONICAL.readTree(read(APPROVED.resolve("AgreementDrafted.json")));
    ObjectNode contact = (ObjectNode) stored.at("/payload/profile/terms/pointsOfContact/0");
    contact.remove(List.of("title", "organization"));
    SerializedObject<String> old = new SimpleSerializedObject<>(CANONICAL.writeValueAsString(stored.get("payload")), String.class,
        stored.get("type").asText(), stored.get("revision").asText());

    AgreementDrafted read = serializer.deserialize(old);

    PointOfContact readContact = read.profile().terms().pointsOfContact().get(0);
    assertThat(readContact.name()).isEqualTo("Jordan Rivera");
    assertThat(readContact.email()).isEqualTo("jordan.rivera@ice.example");
    assertThat(readContact.title()).isNull();
    assertThat(readContact.organization()).isNull();
  }

  /**
   * Approvals gained {@code documentSha256} (the draft text they approve) without a new revision:
   * events stored before it still read, with no hash.
   */
  @TestFactory
  Stream<DynamicTest> anApprovalStoredBeforeDocumentSha256StillReads() {
    return Stream.of("StakeholderConcurred", "StakeholderNonConcurred", "ClearanceGranted", "LegalReviewCompleted")
        .map(name -> DynamicTest.dynamicTest(name, () -> {
          ObjectNode stored = (ObjectNode) CANONICAL.readTree(read(APPROVED.resolve(name + ".json")));
          ((ObjectNode) stored.get("payload")).remove("documentSha256");
          SerializedObject<String> old = new SimpleSerializedObject<>(CANONICAL.writeValueAsString(stored.get("payload")),
              String.class, stored.get("type").asText(), stored.get("revision").asText());

          AgreementEvent read = serializer.deserialize(old);

          assertThat(read.agreementId()).isEqualTo(agreementId());
          assertThat(read).hasFieldOrPropertyWithValue("documentSha256", null);
          assertThat(read).hasFieldOrPropertyWithValue("draftVersion", 1);
        }));
  }

  /**
   * Parties gained {@code identifier} and terms {@code permittedPurposes} and {@code channels}
   * (for the sharing gate) without a new revision: events stored before read with them null, which
   * the gate treats as "the terms do not say". Events written with them read them back.
   */
  @Test
  void partiesAndTermsStoredBeforeTheGateFieldsStillRead() throws IOException {
    ObjectNode stored = (ObjectNode) CANONICAL.readTree(read(APPROVED.resolve("AgreementDrafted.json")));
    ((ObjectNode) stored.at("/payload/profile/parties/0")).remove("identifier");
    ((ObjectNode) stored.at("/payload/profile/terms")).remove(List.of("permittedPurposes", "channels"));
    SerializedObject<String> old = new SimpleSerializedObject<>(CANONICAL.writeValueAsString(stored.get("payload")), String.class,
        stored.get("type").asText(), stored.get("revision").asText());

    AgreementDrafted read = serializer.deserialize(old);

    assertThat(read.profile().parties().get(0).identifier()).isNull();
    assertThat(read.profile().terms().permittedPurposes()).isNull();
    assertThat(read.profile().terms().channels()).isNull();

    ((ObjectNode) stored.at("/payload/profile/parties/0")).putObject("identifier").put("scheme", "ori").put("value", "TX2270000");
    ((ObjectNode) stored.at("/payload/profile/terms")).putArray("channels").add("LEIS_SERVICE");
    ((ObjectNode) stored.at("/payload/profile/terms")).putArray("permittedPurposes").add("CRIMINAL_INVESTIGATION");
    AgreementDrafted current = serializer.deserialize(new SimpleSerializedObject<>(CANONICAL.writeValueAsString(stored.get("payload")),
        String.class, stored.get("type").asText(), stored.get("revision").asText()));
    assertThat(current.profile().parties().get(0).identifier()).isEqualTo(new PartyIdentifier("ORI", "TX2270000"));
    assertThat(current.profile().terms().channels()).containsExactly(SharingChannel.LEIS_SERVICE);
    assertThat(current.profile().terms().permittedPurposes()).containsExactly("CRIMINAL_INVESTIGATION");
  }

  /** Profiles gained {@code handling} without a new revision: a profile stored before reads with no handling markings. */
  @Test
  void aProfileStoredBeforeHandlingStillReads() throws IOException {
    ObjectNode stored = (ObjectNode) CANONICAL.readTree(read(APPROVED.resolve("AgreementDrafted.json")));
    ((ObjectNode) stored.at("/payload/profile")).remove("handling");
    SerializedObject<String> old = new SimpleSerializedObject<>(CANONICAL.writeValueAsString(stored.get("payload")), String.class,
        stored.get("type").asText(), stored.get("revision").asText());

    AgreementDrafted read = serializer.deserialize(old);

    assertThat(read.profile().handling()).isEqualTo(Handling.none());
    assertThat(read.profile().banner()).isEqualTo("CUI");
  }

  @TestFactory
  Stream<DynamicTest> everyEventDeclaresARevision() {
    return Arrays.stream(AgreementEvent.class.getPermittedSubclasses())
        .map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> {
          Revision revision = type.getAnnotation(Revision.class);
          assertThat(revision).as("@Revision on %s", type.getSimpleName()).isNotNull();
          assertThat(revision.value()).isNotBlank();
          assertThat(serializer.typeForClass(type).getRevision()).isEqualTo(revision.value());
        }));
  }

  /** The fold's if/else over the sealed interface throws for an event it lacks: every event must fold. */
  @TestFactory
  Stream<DynamicTest> everyEventFoldsIntoTheState() {
    return perEvent(example -> assertThat(AgreementFacts.none().then(example).version()).isEqualTo(1));
  }

  private Stream<DynamicTest> perEvent(EventCheck check) {
    Map<Class<?>, AgreementEvent> examples = examples().stream()
        .collect(Collectors.toMap(Object::getClass, Function.identity()));
    return Arrays.stream(AgreementEvent.class.getPermittedSubclasses())
        .map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> {
          AgreementEvent example = examples.get(type);
          if (example == null) {
            fail("No example of %s: add a fully populated one to EventSerializationTest.examples()", type.getSimpleName());
          }
          check.verify(example);
        }));
  }

  /** One fully populated, plausible example of every event of an agreement's life. */
  private static List<AgreementEvent> examples() {
    AgreementId id = agreementId();
    AgreementProfile profile = profile();
    List<RequiredStakeholder> required = List.of(
        new RequiredStakeholder(StakeholderOffice.IGP, ruleIds("S1")),
        new RequiredStakeholder(StakeholderOffice.OPP, ruleIds("S1")),
        new RequiredStakeholder(StakeholderOffice.IGP_RECORDS, ruleIds("S2")),
        new RequiredStakeholder(StakeholderOffice.IGP_PRIVACY, ruleIds("S3")),
        new RequiredStakeholder(StakeholderOffice.OPR, ruleIds("S3")),
        new RequiredStakeholder(StakeholderOffice.OPR_SD_SMOU, ruleIds("S4")));
    RequiredStakeholder ocio = new RequiredStakeholder(StakeholderOffice.OCIO, ruleIds("S10"));
    List<RequiredStakeholder> requiredAfterAmendment = Stream.concat(required.stream(), Stream.of(ocio)).toList();
    SignatureRecord iceSignature = new SignatureRecord(
        PartyName.ICE, SignatoryAuthority.HSI_EAD, "Alex Morgan", "Executive Associate Director, HSI", LocalDate.of(2026, 1, 12));
    SignatureRecord partySignature = new SignatureRecord(
        PartyName.of(STATE_PARTY_NAME), null, "Casey Nguyen", "Director, Texas Department of Public Safety", LocalDate.of(2026, 1, 14));
    List<String> consentedBy = List.of(PartyName.ICE.value(), STATE_PARTY_NAME);
    AmendmentChanges changes = new AmendmentChanges(
        "Sharing of ICE law and homeland security information with the Texas Department of Public Safety",
        List.of(InformationCategory.LAW_ENFORCEMENT, InformationCategory.HOMELAND_SECURITY),
        dataProfile(d -> d.itInterconnection(true)),
        terms(t -> t.systems(
            "A system-to-system interface between the ICE Law Enforcement Support Center and the partner's records system.")));
    AgreementProfile exemptProfile = withExemption(
        profile, Exemption.of(7, "Sensitive law enforcement sharing with a joint task force.", "HSI_EAD", null));

    return List.of(
        new AgreementDrafted(id, 1, profile, Scope.IN_SCOPE, required),
        new AgreementEscalatedToDhs(
            id, 1, ruleIds("DHS_LEVEL"), "Bulk PII for a purpose beyond the original collection needs DHS review."),
        new DraftRevised(
            id, 2, exemptProfile, Scope.EXEMPT, List.of(), List.of(StakeholderOffice.IGP, StakeholderOffice.IGP_PRIVACY)),
        new StakeholderConcurred(id, StakeholderOffice.IGP_PRIVACY, 1, "The PII handling meets privacy requirements.", ruleIds("S3"),
            DRAFT_TEXT_SHA256),
        new StakeholderNonConcurred(id, StakeholderOffice.OPR_SD_SMOU, 1, "The terms lack a CUI marking procedure.", ruleIds("S4"),
            DRAFT_TEXT_SHA256),
        new DisputeRaised(
            id, DisputeLevel.PROGRAM_AD, "HSI holds the marking procedure sufficient.", 1, List.of(StakeholderOffice.OPR_SD_SMOU)),
        new DisputeResolved(
            id, DisputeDecision.PROCEED_AS_DRAFTED, "The existing CUI policy covers the marking.", 1,
            List.of(StakeholderOffice.OPR_SD_SMOU)),
        new ClearanceRequested(id, 1),
        new ClearanceGranted(id, 1, "Cleared by IGP.", DRAFT_TEXT_SHA256),
        new ClearanceReturned(id, 1, "Element 4 lacks the retention schedule."),
        new LegalReviewCompleted(id, 1, true, "Legally sufficient.", DRAFT_TEXT_SHA256),
        new AgreementCleared(id, 1, ruleIds("S1")),
        new AgreementSigned(id, 1, iceSignature, ruleIds("SIGNATORY_LAW_ENFORCEMENT")),
        new AgreementExecuted(id, 1, LocalDate.of(2026, 1, 14), LocalDate.of(2026, 1, 15), LocalDate.of(2028, 1, 15)),
        new ExecutedAgreementImported(
            id, profile, Scope.IN_SCOPE, required, List.of(iceSignature, partySignature), LocalDate.of(2026, 1, 14),
            LocalDate.of(2028, 1, 10), LocalDate.of(2030, 1, 10), "HSI-MOU-2019-0042"),
        new BiennialReviewCompleted(
            id, LocalDate.of(2028, 1, 10), ReviewOutcome.CONTINUE, new ReviewFindings(true, true, true, true, true),
            "The sharing still supports the mission.", LocalDate.of(2030, 1, 10)),
        new AmendmentProposed(id, 1, 2, changes, consentedBy, LocalDate.of(2028, 6, 1), List.of(ocio)),
        new AgreementAmended(
            id, 1, 2, changes.applyTo(profile), Scope.IN_SCOPE, requiredAfterAmendment, consentedBy, LocalDate.of(2028, 6, 15)),
        new AgreementTerminated(
            id, "The partner's program ended.", LocalDate.of(2029, 3, 1), LocalDate.of(2029, 3, 31), false),
        new AgreementExpired(id, LocalDate.of(2030, 1, 14), LocalDate.of(2030, 1, 15)),
        new ExigentTransferRecorded(
            id, LocalDate.of(2026, 7, 3), ExigentAuthority.ICE_DIRECTOR, LocalDate.of(2026, 7, 10),
            ExigentAuthority.DEPUTY_SECRETARY, ruleIds("EXEMPTION_10")),
        new AgreementWithdrawn(id, AgreementStatus.DRAFT, "The partner chose another channel."),
        new ReviewDueNoticeIssued(id, LocalDate.of(2028, 1, 15), 30, LocalDate.of(2027, 12, 16)),
        new ExigentDeadlineMissedNoticeIssued(id, LocalDate.of(2026, 7, 3), LocalDate.of(2026, 7, 10), LocalDate.of(2026, 7, 13)),
        new ReminderIssued(id, ReminderStep.CONCURRENCE, "OPLA", 1, LocalDate.of(2026, 11, 2), 10, LocalDate.of(2026, 11, 17)),
        new PersonalDataErased(id, "Erasure requested by the data subject under the Privacy Act.", "PRIV-2026-0042", 7),
        new DocumentAttached(id, "doc-1", DRAFT_TEXT_SHA256, 48_213, "application/pdf", "MOU Texas DPS draft 2.pdf",
            DocumentKind.DRAFT_TEXT, 2, List.of(StakeholderOffice.IGP_PRIVACY)),
        new DocumentContentWithdrawn(id, "doc-1", DRAFT_TEXT_SHA256, "Sealed by court order 26-cv-0042."),
        new HandlingMarked(id, 1, new Handling(List.of("SP-PRVCY", "LEI"), List.of(DisseminationControl.NOFORN, DisseminationControl.DL_ONLY),
            List.of(), List.of("HSI", "pat"), "OPR SD SMOU"), List.of(StakeholderOffice.OPR_SD_SMOU)));
  }

  /** The type, revision and payload Axon stores, as stable, indented JSON ending in a newline. */
  private static String canonicalForm(SerializedObject<String> serialized) throws IOException {
    ObjectNode stored = CANONICAL.createObjectNode();
    stored.put("type", serialized.getType().getName());
    stored.put("revision", serialized.getType().getRevision());
    stored.set("payload", CANONICAL.readTree(serialized.getData()));
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator(""));
    printer.indentObjectsWith(indenter);
    printer.indentArraysWith(indenter);
    return CANONICAL.writer(printer).writeValueAsString(stored) + "\n";
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FunctionalInterface
  private interface EventCheck {
    void verify(AgreementEvent event) throws Exception;
  }
}
