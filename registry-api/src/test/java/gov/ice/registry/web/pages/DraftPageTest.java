package gov.ice.registry.web.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.ice.registry.agreement.AgreementFixtures;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.Party;
import gov.ice.registry.agreement.api.PartyKind;
import gov.ice.registry.agreement.api.PartyIdentifier;
import gov.ice.registry.agreement.api.PointOfContact;
import gov.ice.registry.agreement.api.SharingChannel;
import gov.ice.registry.agreement.api.Terms;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The draft form's values and the profile read back from them: a revision or an amendment sends
 * every row of the agreement back, so no party or contact, and nothing a contact holds, is lost.
 */
class DraftPageTest {

  @Test
  void keepsEveryPartyAndEveryContactWithTitleAndOrganizationThroughTheForm() {
    List<PointOfContact> contacts = List.of(
        new PointOfContact("Ana One", "Program Manager", "HSI", "ana@ice.dhs.gov", "202-555-0101", "ICE"),
        new PointOfContact("Ben Two", "Analyst", "Ohio BCI", "ben@ohio.gov", null, "Ohio BCI"),
        new PointOfContact("Cy Three", null, null, "cy@ice.dhs.gov", null, "ICE"),
        new PointOfContact("Di Four", "Counsel", "OPLA", null, "202-555-0104", "ICE"));
    AgreementProfile original = AgreementFixtures.withParties(
        AgreementFixtures.withTerms(AgreementFixtures.profile(),
            AgreementFixtures.terms(t -> t.pointsOfContact(contacts.toArray(PointOfContact[]::new)))),
        new Party("Ohio BCI", PartyKind.STATE, "US", false), new Party("Texas DPS", PartyKind.STATE, "US", false),
        new Party("Mexico SSPC", PartyKind.FOREIGN_GOVERNMENT, "MX", false), new Party("Canada RCMP", PartyKind.FOREIGN_GOVERNMENT, "CA", true));

    AgreementProfile readBack = DraftPage.profile(asSubmitted(DraftPage.values(original)));

    assertThat(readBack.parties()).isEqualTo(original.parties());
    assertThat(readBack.terms().pointsOfContact()).isEqualTo(contacts);
  }

  @Test
  void keepsIdentifiersPurposeCodesAndChannelsThroughTheForm() {
    AgreementProfile original = AgreementFixtures.withParties(
        AgreementFixtures.withTerms(AgreementFixtures.profile(), new Terms(null, null, null, null, null, null, null, null, null, null,
            List.of(), null, null, null, null, null, null, null, null, null, null, List.of("CRIMINAL_INVESTIGATION", "REMOVAL"),
            List.of(SharingChannel.LEIS_SERVICE, SharingChannel.EXTRACT))),
        new Party("Texas DPS", PartyKind.STATE, "US", false, new PartyIdentifier("ORI", "TX2270000")),
        new Party("Ohio BCI", PartyKind.STATE, "US", false));

    AgreementProfile readBack = DraftPage.profile(asSubmitted(DraftPage.values(original)));

    assertThat(readBack.parties()).isEqualTo(original.parties());
    assertThat(readBack.terms().permittedPurposes()).containsExactly("CRIMINAL_INVESTIGATION", "REMOVAL");
    assertThat(readBack.terms().channels()).containsExactly(SharingChannel.LEIS_SERVICE, SharingChannel.EXTRACT);
  }

  @Test
  void refusesHalfAnIdentifierAndAPurposeThatIsNoCode() {
    MultiValueMap<String, String> form = asSubmitted(DraftPage.values(AgreementFixtures.profile()));
    form.add("party0.identifierScheme", "ORI");
    assertThatThrownBy(() -> DraftPage.profile(form)).isInstanceOf(AgreementPage.Refused.class);
    MultiValueMap<String, String> purposes = asSubmitted(DraftPage.values(AgreementFixtures.profile()));
    purposes.add("permittedPurposes", "criminal investigation");
    assertThatThrownBy(() -> DraftPage.profile(purposes)).isInstanceOf(AgreementPage.Refused.class);
  }

  @Test
  void rendersEveryRowTheValuesNameAndOneEmptyRowMore() {
    assertThat(DraftPage.rows(Set.of(), "poc", 2)).containsExactly(0, 1);
    assertThat(DraftPage.rows(Set.of("poc0.name", "poc3.email", "party7.name"), "poc", 2)).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void refusesARowIndexNoRenderedFormHas() {
    assertThatThrownBy(() -> DraftPage.indices(Set.of("poc100.name"), "poc")).isInstanceOf(AgreementPage.Refused.class);
  }

  /** What a browser posts: each field once, the categories as one value each. */
  private static MultiValueMap<String, String> asSubmitted(java.util.Map<String, String> values) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    values.forEach((k, v) -> {
      if (v == null) {
        return;
      }
      if (k.equals("categories") || k.equals("channels")) {
        form.put(k, List.of(v.split(",")));
      } else {
        form.add(k, v);
      }
    });
    return form;
  }
}
