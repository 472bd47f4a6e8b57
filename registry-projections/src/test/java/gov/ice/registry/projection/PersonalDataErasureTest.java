package gov.ice.registry.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import gov.ice.registry.agreement.AgreementFixtures;
import gov.ice.registry.agreement.api.AgreementEvent;
import gov.ice.registry.agreement.api.PersonalDataErased;
import gov.ice.registry.projection.mongo.ReadStore;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/** After a lawful erasure no read model keeps a signatory's name (the ledger rewrote the events). */
class PersonalDataErasureTest {

  private final TestReadStore mongo = new TestReadStore();
  private final ReadStore store = mongo.store("erasure");

  @AfterEach
  void stop() {
    mongo.close();
  }

  private List<Object> signatoryNames() {
    List<Object> names = new ArrayList<>();
    documents("approvals", "agreementId").stream()
        .filter(d -> d.containsKey("signatoryName"))
        .forEach(d -> names.add(d.get("signatoryName")));
    documents("agreements", "_id").forEach(d -> d.getList("signatures", Document.class).forEach(s -> names.add(s.get("signatoryName"))));
    return names;
  }

  private List<Document> documents(String collection, String idField) {
    return Flux.from(store.collection(collection).find(Filters.eq(idField, KnownAgreements.VISA.id().value()))).collectList().block();
  }

  @Test
  void erasureClearsSignatoryNamesFromEveryReadModel() {
    ProjectionDriver driver = new ProjectionDriver(store).apply(KnownAgreements.VISA);
    assertThat(signatoryNames()).isNotEmpty().doesNotContainNull();

    AgreementFixtures.Story erased = AgreementFixtures.story(KnownAgreements.VISA.id().value(), KnownAgreements.T0.plusSeconds(86_400));
    KnownAgreements.VISA.messages().forEach(m -> erased.then(AgreementFixtures.PROGRAM, (AgreementEvent) m.getPayload()));
    erased.then(AgreementFixtures.PROGRAM, new PersonalDataErased(KnownAgreements.VISA.id(), "Privacy Act request", "PRIV-1",
        KnownAgreements.VISA.messages().size()));
    driver.apply(erased.messages().subList(erased.messages().size() - 1, erased.messages().size()));

    assertThat(signatoryNames()).isNotEmpty().containsOnlyNulls();
  }
}
