package gov.ice.registry.agreement;

import static gov.ice.registry.agreement.AgreementFixtures.profile;
import static gov.ice.registry.agreement.AgreementFixtures.profileWith;
import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.agreement.api.Actor;
import gov.ice.registry.agreement.api.ErasePersonalData;
import gov.ice.registry.agreement.api.PersonalDataErased;
import gov.ice.registry.agreement.api.RefusalCode;
import gov.ice.registry.chain.ChainVerifier;
import gov.ice.registry.chain.EventChain;
import gov.ice.registry.chain.EventChain.StoredEvent;
import gov.ice.registry.serialization.RegistryJson;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/** The events the aggregate records carry a sound hash chain, computed from its own state. */
class LedgerChainTest extends AgreementTestSupport {

  private static final JacksonSerializer SERIALIZER = RegistryJson.serializer();
  private static final Map<String, Object> PAT = new Actor("pat", "Pat Program", List.of("PROGRAM_OFFICE")).asMetadata();

  /** The agreement's events as the store would hold them: serialized payload, type, revision, metadata. */
  private List<StoredEvent> stored() {
    return fixture.getEventStore().readEvents(ID.value()).asStream().map(LedgerChainTest::stored).toList();
  }

  private static StoredEvent stored(DomainEventMessage<?> message) {
    SerializedObject<String> payload = SERIALIZER.serialize(message.getPayload(), String.class);
    return new StoredEvent(message.getAggregateIdentifier(), message.getSequenceNumber(), payload.getType().getName(),
        payload.getType().getRevision(), payload.getData(), message.getMetaData());
  }

  private static ChainVerifier verified(List<StoredEvent> events) {
    ChainVerifier verifier = new ChainVerifier();
    events.forEach(verifier::accept);
    assertThat(verifier.finish()).isEmpty();
    return verifier;
  }

  @Test
  void anAgreementsWholeLifeIsOneUnbrokenChain() {
    fixture.givenCommands(active())
        .when(new ErasePersonalData(ID, "Privacy Act request of the point of contact", "PRIV-2026-0042"), PAT);

    List<StoredEvent> events = stored();
    ChainVerifier verifier = verified(events);

    assertThat(events).extracting(StoredEvent::sequence).containsExactlyElementsOf(
        java.util.stream.LongStream.range(0, events.size()).boxed().toList());
    assertThat(events.get(0).previousHash()).isEqualTo(EventChain.GENESIS);
    for (int i = 1; i < events.size(); i++) {
      assertThat(events.get(i).previousHash()).isEqualTo(events.get(i - 1).hash());
    }
    assertThat(verifier.heads().get(ID.value()).hash()).isEqualTo(events.get(events.size() - 1).hash());
    assertThat(events).allSatisfy(e -> assertThat(e.metadata().get(EventChain.RECORDED_AT)).isEqualTo("2026-11-22T15:00:00Z"));
  }

  @Test
  void theActorOfTheCommandIsHashed() {
    fixture.givenCommands(drafted())
        .when(new ErasePersonalData(ID, "Privacy Act request", "PRIV-1"), PAT);

    StoredEvent erasure = stored().get(1);

    assertThat(erasure.metadata().get(EventChain.ACTOR_USERNAME)).isEqualTo("pat");
    assertThat(erasure.metadata().get(EventChain.ACTOR_ROLES)).isEqualTo("PROGRAM_OFFICE");
    assertThat(erasure.metadata().get(EventChain.ACTOR_DISPLAY_NAME)).isEqualTo("Pat Program");
    assertThat(erasure.metadata().get(EventChain.REVISION)).isEqualTo(EventChain.CURRENT_REVISION);
    assertThat(EventChain.canonicalText(erasure)).startsWith("{\"actor\":{\"displayName\":{\"personal\":\"")
        .contains("\"roles\":\"PROGRAM_OFFICE\",\"username\":\"pat\"},").doesNotContain("Pat Program");
  }

  @Test
  void eventsOfACreatingCommandAreChainedInOrder() {
    fixture.given()
        .when(draft(profileWith(d -> d.bulkTransfer(true).newPurpose(true))));

    List<StoredEvent> events = stored();

    assertThat(events).hasSize(2);
    assertThat(events.get(1).previousHash()).isEqualTo(events.get(0).hash());
    verified(events);
  }

  @Test
  void personalValuesAreHashedApart() {
    fixture.given().when(draft());

    StoredEvent drafted = stored().get(0);

    assertThat((String) drafted.metadata().get(EventChain.PERSONAL))
        .contains("/profile/terms/pointsOfContact/0/name", "/profile/terms/pointsOfContact/0/email",
            "/profile/terms/pointsOfContact/0/phone", "/profile/terms/pointsOfContact/0/title",
            "/profile/terms/pointsOfContact/0/organization");
    assertThat(EventChain.canonicalText(drafted)).doesNotContain(profile().terms().pointsOfContact().get(0).name())
        .doesNotContain(profile().terms().pointsOfContact().get(0).organization());
  }

  @Test
  void erasureCoversEverythingRecordedBeforeIt() {
    var given = fixture.givenCommands(active());
    long recorded = stored().size();

    given.when(new ErasePersonalData(ID, "Privacy Act request", "PRIV-1"))
        .expectEvents(new PersonalDataErased(ID, "Privacy Act request", "PRIV-1", recorded));
    // Drafted, six concurrences, clearance requested, granted, cleared, two signatures, the executed copy, executed.
    assertThat(recorded).isEqualTo(14);
  }

  @Test
  void erasureStatesItsReasonAndRequest() {
    fixture.givenCommands(drafted())
        .when(new ErasePersonalData(ID, " ", "PRIV-1"))
        .expectException(refused(RefusalCode.PROFILE_INVALID))
        .expectNoEvents();
  }

  @Test
  void theStateForgetsErasedPersonalData() {
    fixture.givenCommands(active())
        .when(new ErasePersonalData(ID, "Privacy Act request", "PRIV-1"))
        .expectState(agreement -> {
          AgreementState state = agreement.state();
          assertThat(state.profile().terms().pointsOfContact()).allSatisfy(c -> {
            assertThat(c.name()).isNull();
            assertThat(c.email()).isNull();
            assertThat(c.phone()).isNull();
            assertThat(c.title()).isNull();
            assertThat(c.organization()).isNull();
            assertThat(c.party()).isNotNull();
          });
          assertThat(state.signatures()).isNotEmpty().allSatisfy(s -> assertThat(s.signatoryName()).isNull());
        });
  }
}
