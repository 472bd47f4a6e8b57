package gov.ice.registry.projection.repository;

import static gov.ice.registry.projection.BsonValues.day;
import static gov.ice.registry.projection.BsonValues.documents;
import static gov.ice.registry.projection.BsonValues.instant;
import static gov.ice.registry.projection.BsonValues.name;
import static gov.ice.registry.projection.BsonValues.number;
import static gov.ice.registry.projection.BsonValues.strings;

import gov.ice.registry.agreement.api.AgreementKind;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.AgreementState;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.Concurrence;
import gov.ice.registry.agreement.api.ConcurrenceDecision;
import gov.ice.registry.agreement.api.DataProfile;
import gov.ice.registry.agreement.api.Directorate;
import gov.ice.registry.agreement.api.InformationCategory;
import gov.ice.registry.agreement.api.Marking;
import gov.ice.registry.agreement.api.Party;
import gov.ice.registry.agreement.api.PartyKind;
import gov.ice.registry.agreement.api.RequiredStakeholder;
import gov.ice.registry.agreement.api.Scope;
import gov.ice.registry.agreement.api.SignatoryAuthority;
import gov.ice.registry.agreement.api.SignatureRecord;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.projection.LedgerFold.Folded;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bson.Document;

/**
 * The stored shape of {@link AgreementDocument}. Besides the fields a reader sees it keeps
 * lower-cased copies to filter and sort on: mongo-java-server has neither {@code $text} nor
 * collations, so free text is a regex over {@code searchText} and names compare lower-cased.
 */
final class AgreementDocuments {

  static final String COLLECTION = "agreements";

  static final String STATUS = "status";
  static final String KIND = "kind";
  static final String CATEGORIES = "categories";
  static final String PARTY_KINDS = "partyKinds";
  static final String PARTY_NAMES = "partyNames";
  static final String COUNTRIES = "countries";
  static final String DIRECTORATE = "owningDirectorate";
  static final String PII = "pii";
  static final String SEARCH_TEXT = "searchText";
  static final String TITLE_SORT = "titleSort";
  static final String TERMINATION_DATE = "terminationDate";

  private AgreementDocuments() {}

  static Document toDocument(Folded folded) {
    AgreementState state = folded.state();
    AgreementProfile profile = state.profile();
    DataProfile data = profile.dataProfile();
    List<Party> parties = profile.parties();
    String purpose = profile.terms() == null ? null : profile.terms().purpose();
    return new Document()
        .append("title", profile.title())
        .append(TITLE_SORT, lower(profile.title()))
        .append(KIND, name(profile.kind()))
        .append(STATUS, name(state.status()))
        .append("scope", name(state.scope()))
        .append(DIRECTORATE, name(profile.owningDirectorate()))
        .append("parties", parties.stream().map(AgreementDocuments::party).toList())
        .append(PARTY_NAMES, distinct(parties.stream().map(p -> lower(p.name()))))
        .append(PARTY_KINDS, distinct(parties.stream().map(p -> name(p.kind()))))
        .append(COUNTRIES, distinct(parties.stream().map(p -> p.country() == null ? null : p.country().toUpperCase(Locale.ROOT))))
        .append(CATEGORIES, distinct(profile.categories().stream().map(Enum::name)))
        .append(PII, data != null && (data.pii() || data.sensitivePii()))
        .append("sensitivePii", data != null && data.sensitivePii())
        .append("marking", data == null ? Marking.NONE.name() : name(data.marking()))
        .append("purpose", purpose)
        .append("exemptionNumber", profile.exemption() == null ? null : profile.exemption().number())
        .append(SEARCH_TEXT, searchText(profile.title(), purpose, parties))
        .append("draftVersion", state.draftVersion())
        .append("requiredStakeholders", state.requiredStakeholders().stream()
            .map(s -> new Document("office", s.office().name()).append("rules", s.rules())).toList())
        .append("concurrences", state.concurrences().values().stream()
            .map(c -> new Document("office", c.office().name())
                .append("decision", c.decision().name())
                .append("draftVersion", c.draftVersion())
                .append("comment", c.comment()))
            .toList())
        .append("signatures", state.signatures().stream()
            .map(s -> new Document("party", s.party())
                .append("authority", name(s.authority()))
                .append("signatoryName", s.signatoryName())
                .append("position", s.position())
                .append("signedOn", day(s.signedOn())))
            .toList())
        .append("executedOn", day(state.executedOn()))
        .append("effectiveDate", day(state.effectiveDate()))
        .append(TERMINATION_DATE, day(profile.terms() == null ? null : profile.terms().terminationDate()))
        .append("lastReviewedOn", day(state.lastReviewedOn()))
        .append("nextReviewDue", day(state.nextReviewDue()))
        .append("createdAt", instant(folded.firstAt()))
        .append("updatedAt", instant(folded.lastAt()));
  }

  static AgreementDocument fromDocument(Document d) {
    return new AgreementDocument(
        d.getString("_id"),
        d.getString("title"),
        name(d, KIND, AgreementKind.class),
        name(d, STATUS, AgreementStatus.class),
        name(d, "scope", Scope.class),
        name(d, DIRECTORATE, Directorate.class),
        documents(d, "parties").stream()
            .map(p -> new Party(p.getString("name"), name(p, "kind", PartyKind.class), p.getString("country"),
                Boolean.TRUE.equals(p.getBoolean("intelligenceCommunity"))))
            .toList(),
        strings(d, CATEGORIES).stream().map(InformationCategory::valueOf).toList(),
        Boolean.TRUE.equals(d.getBoolean(PII)),
        Boolean.TRUE.equals(d.getBoolean("sensitivePii")),
        name(d, "marking", Marking.class),
        d.getString("purpose"),
        d.getInteger("exemptionNumber"),
        (int) number(d, "draftVersion"),
        number(d, "version"),
        documents(d, "requiredStakeholders").stream()
            .map(s -> new RequiredStakeholder(name(s, "office", StakeholderOffice.class), strings(s, "rules")))
            .toList(),
        documents(d, "concurrences").stream()
            .map(c -> new Concurrence(name(c, "office", StakeholderOffice.class),
                name(c, "decision", ConcurrenceDecision.class), (int) number(c, "draftVersion"), c.getString("comment")))
            .toList(),
        documents(d, "signatures").stream()
            .map(s -> new SignatureRecord(s.getString("party"), name(s, "authority", SignatoryAuthority.class),
                s.getString("signatoryName"), s.getString("position"), day(s, "signedOn")))
            .toList(),
        day(d, "executedOn"),
        day(d, "effectiveDate"),
        day(d, "terminationDate"),
        day(d, "lastReviewedOn"),
        day(d, "nextReviewDue"),
        instant(d, "createdAt"),
        instant(d, "updatedAt"));
  }

  static String lower(String value) {
    return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
  }

  private static Document party(Party p) {
    return new Document("name", p.name())
        .append("kind", name(p.kind()))
        .append("country", p.country())
        .append("intelligenceCommunity", p.intelligenceCommunity());
  }

  private static String searchText(String title, String purpose, Collection<Party> parties) {
    return Stream.concat(Stream.of(title, purpose), parties.stream().map(Party::name))
        .filter(Objects::nonNull)
        .map(AgreementDocuments::lower)
        .collect(Collectors.joining("\n"));
  }

  private static List<String> distinct(Stream<String> values) {
    return values.filter(Objects::nonNull).distinct().toList();
  }
}
