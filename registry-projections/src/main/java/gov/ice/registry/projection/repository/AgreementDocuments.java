package gov.ice.registry.projection.repository;

import static gov.ice.registry.projection.batch.BsonValues.day;
import static gov.ice.registry.projection.batch.BsonValues.documents;
import static gov.ice.registry.projection.batch.BsonValues.instant;
import static gov.ice.registry.projection.batch.BsonValues.name;
import static gov.ice.registry.projection.batch.BsonValues.number;
import static gov.ice.registry.projection.batch.BsonValues.strings;

import gov.ice.registry.agreement.api.AgreementAmended;
import gov.ice.registry.agreement.api.AgreementDrafted;
import gov.ice.registry.agreement.api.AgreementEvent;
import gov.ice.registry.agreement.api.AgreementExecuted;
import gov.ice.registry.agreement.api.AgreementSigned;
import gov.ice.registry.agreement.api.AmendmentProposed;
import gov.ice.registry.agreement.api.BiennialReviewCompleted;
import gov.ice.registry.agreement.api.DocumentAttached;
import gov.ice.registry.agreement.api.DocumentKind;
import gov.ice.registry.agreement.api.DraftRevised;
import gov.ice.registry.agreement.api.ExecutedAgreementImported;
import gov.ice.registry.agreement.api.PersonalDataErased;
import gov.ice.registry.agreement.api.StakeholderConcurred;
import gov.ice.registry.agreement.api.StakeholderNonConcurred;
import gov.ice.registry.projection.context.StatusChange;
import gov.ice.registry.projection.batch.VersionedWrite;
import java.time.Instant;
import gov.ice.registry.agreement.api.DisseminationControl;
import gov.ice.registry.agreement.api.Handling;
import gov.ice.registry.agreement.api.HandlingMarked;
import gov.ice.registry.projection.access.HandlingView;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;
import gov.ice.registry.agreement.api.AgreementKind;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.AgreementFacts;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.Concurrence;
import gov.ice.registry.agreement.api.ConcurrenceDecision;
import gov.ice.registry.agreement.api.DataProfile;
import gov.ice.registry.agreement.api.Directorate;
import gov.ice.registry.agreement.api.InformationCategory;
import gov.ice.registry.agreement.api.Marking;
import gov.ice.registry.agreement.api.Party;
import gov.ice.registry.agreement.api.PartyIdentifier;
import gov.ice.registry.agreement.api.PartyKind;
import gov.ice.registry.agreement.api.PartyName;
import gov.ice.registry.agreement.api.RequiredStakeholder;
import gov.ice.registry.agreement.api.RuleId;
import gov.ice.registry.agreement.api.Scope;
import gov.ice.registry.agreement.api.SignatoryAuthority;
import gov.ice.registry.agreement.api.SignatureRecord;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.projection.context.LedgerFold.Folded;
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
  /** Whether an executed copy is attached ({@code EXECUTED_COPY_ON_FILE}); imported agreements may have none. */
  static final String EXECUTED_COPY = "executedCopy";
  static final String SEARCH_TEXT = "searchText";
  static final String TITLE_SORT = "titleSort";
  static final String TERMINATION_DATE = "terminationDate";
  static final String HANDLING = "handling";
  /** The offices a pending amendment newly requires (their concurrence on it is awaited). */
  static final String PENDING_STAKEHOLDERS = "pendingStakeholders";
  static final String SIGNING_AUTHORITIES = "signingAuthorities";

  private AgreementDocuments() {}

  static Document toDocument(Folded folded) {
    AgreementFacts state = folded.state();
    Document d = new Document()
        .append(STATUS, name(state.status()))
        .append("externalReference", state.externalReference())
        .append("draftVersion", state.draftVersion())
        .append("concurrences", state.concurrences().values().stream().map(AgreementDocuments::concurrence).toList())
        .append("signatures", state.signatures().stream().map(AgreementDocuments::signature).toList())
        .append("executedOn", day(state.executedOn()))
        .append("effectiveDate", day(state.effectiveDate()))
        .append("lastReviewedOn", day(state.lastReviewedOn()))
        .append("nextReviewDue", day(state.nextReviewDue()))
        .append("createdAt", instant(folded.firstAt()))
        .append("updatedAt", instant(folded.lastAt()))
        .append(PENDING_STAKEHOLDERS, state.pendingAmendment()
            .map(a -> a.pendingStakeholders().stream().map(r -> r.office().name()).toList()).orElse(List.of()))
        .append(EXECUTED_COPY, state.hasExecutedCopy());
    // The profile's fields are computed by the one method a revision and an amendment use too.
    putProfile(d, state.profile(), state.scope(), state.requiredStakeholders());
    return d;
  }

  /**
   * The document after {@code event}, from the document as it stood before it ({@code before},
   * reflecting exactly the events before this one; ignored for an agreement's first event). Each
   * event changes only the fields it carries, the same way {@link AgreementFacts#then} changes the
   * state those fields come from; where the domain decides a value from the payload (the status of
   * a new draft), the domain's own fold runs on the payload alone, never on a ledger read.
   * {@code _id} and {@code version} are left to the batch.
   */
  static Document next(Document before, AgreementEvent event, Instant at) {
    if (event instanceof AgreementDrafted || event instanceof ExecutedAgreementImported) {
      return toDocument(new Folded(AgreementFacts.none().then(event), at, at, 0));
    }
    Document d = new Document(before);
    d.remove("_id");
    d.remove(VersionedWrite.VERSION);
    d.put(STATUS, name(StatusChange.after(name(d, STATUS, AgreementStatus.class), event)));
    if (event instanceof DraftRevised e) {
      d.put("draftVersion", e.draftVersion());
      putProfile(d, e.profile(), e.scope(), e.requiredStakeholders());
    } else if (event instanceof AgreementAmended e) {
      d.put("draftVersion", e.draftVersion());
      putProfile(d, e.profile(), e.scope(), e.requiredStakeholders());
      d.put(PENDING_STAKEHOLDERS, List.of());
    } else if (event instanceof AmendmentProposed e) {
      d.put("draftVersion", e.draftVersion());
      d.put(PENDING_STAKEHOLDERS, e.pendingStakeholders().stream().map(r -> r.office().name()).toList());
    } else if (event instanceof StakeholderConcurred e) {
      putConcurrence(d, new Concurrence(e.office(), ConcurrenceDecision.CONCUR, e.draftVersion(), e.comment()));
    } else if (event instanceof StakeholderNonConcurred e) {
      putConcurrence(d, new Concurrence(e.office(), ConcurrenceDecision.NON_CONCUR, e.draftVersion(), e.comment()));
    } else if (event instanceof AgreementSigned e) {
      List<Document> signatures = new ArrayList<>(documents(d, "signatures"));
      signatures.add(signature(e.signature()));
      d.put("signatures", signatures);
    } else if (event instanceof AgreementExecuted e) {
      d.put("executedOn", day(e.executedOn()));
      d.put("effectiveDate", day(e.effectiveDate()));
      d.put("nextReviewDue", day(e.nextReviewDue()));
    } else if (event instanceof BiennialReviewCompleted e) {
      d.put("lastReviewedOn", day(e.reviewedOn()));
      d.put("nextReviewDue", day(e.nextReviewDue()));
    } else if (event instanceof HandlingMarked e) {
      d.put(HANDLING, handling(e.handling()));
      d.put("concurrences", documents(d, "concurrences").stream()
          .filter(c -> !e.staleConcurrences().contains(name(c, "office", StakeholderOffice.class))).toList());
    } else if (event instanceof DocumentAttached e && e.kind() == DocumentKind.EXECUTED_COPY) {
      d.put(EXECUTED_COPY, true);
    } else if (event instanceof PersonalDataErased) {
      // The document keeps no point of contact; of what the fold erases, only the signatories' names.
      d.put("signatures", documents(d, "signatures").stream()
          .map(s -> new Document(s).append("signatoryName", null)).toList());
    }
    // Disputes, clearance granted, exigent transfers and notices change nothing shown here but the version and time.
    d.put("updatedAt", instant(at));
    return d;
  }

  /** Every field that comes from the profile, its scope and required stakeholders; the search text reads {@code externalReference} from {@code d}. */
  private static void putProfile(Document d, AgreementProfile profile, Scope scope, List<RequiredStakeholder> required) {
    DataProfile data = profile.dataProfile();
    List<Party> parties = profile.parties();
    String purpose = profile.terms() == null ? null : profile.terms().purpose();
    d.put("title", profile.title());
    d.put(TITLE_SORT, lower(profile.title()));
    d.put(KIND, name(profile.kind()));
    d.put("scope", name(scope));
    d.put(DIRECTORATE, name(profile.owningDirectorate()));
    d.put("parties", parties.stream().map(AgreementDocuments::party).toList());
    d.put(PARTY_NAMES, distinct(parties.stream().map(p -> lower(p.name()))));
    d.put(PARTY_KINDS, distinct(parties.stream().map(p -> name(p.kind()))));
    d.put(COUNTRIES, distinct(parties.stream().map(p -> p.country() == null ? null : p.country().toUpperCase(Locale.ROOT))));
    d.put(CATEGORIES, distinct(profile.categories().stream().map(Enum::name)));
    d.put(PII, data != null && (data.pii() || data.sensitivePii()));
    d.put("sensitivePii", data != null && data.sensitivePii());
    d.put("marking", data == null ? Marking.NONE.name() : name(data.marking()));
    d.put("purpose", purpose);
    d.put("exemptionNumber", profile.exemption() == null ? null : profile.exemption().number().value());
    d.put(SEARCH_TEXT, searchText(profile.title(), purpose, d.getString("externalReference"), parties));
    d.put("requiredStakeholders", requiredStakeholders(List.copyOf(required)));
    d.put(TERMINATION_DATE, day(profile.terms() == null ? null : profile.terms().terminationDate()));
    d.put(SIGNING_AUTHORITIES, signingAuthorities(profile));
    d.put(HANDLING, handling(profile.handling()));
  }

  private static Document handling(Handling h) {
    return new Document("cuiCategories", h.cuiCategories())
        .append("disseminationControls", h.disseminationControls().stream().map(Enum::name).toList())
        .append("relTo", h.relTo())
        .append("disseminationList", h.disseminationList())
        .append("designatedBy", h.designatedBy());
  }

  /** The stored handling and whether SMOU's concurrence on the current version confirms it; none for a document stored before. */
  private static HandlingView handlingView(Document d, Marking marking) {
    Object stored = d.get(HANDLING);
    Handling handling = stored instanceof Document h
        ? new Handling(strings(h, "cuiCategories"),
            strings(h, "disseminationControls").stream().map(DisseminationControl::valueOf).toList(),
            strings(h, "relTo"), strings(h, "disseminationList"), h.getString("designatedBy"))
        : Handling.none();
    int draftVersion = (int) number(d, "draftVersion");
    boolean confirmed = documents(d, "concurrences").stream().anyMatch(c ->
        "OPR_SD_SMOU".equals(c.getString("office")) && "CONCUR".equals(c.getString("decision"))
            && number(c, "draftVersion") == draftVersion);
    return HandlingView.of(marking, handling, confirmed);
  }

  /** Per category, the ICE authorities that may sign for it: what the work queues' signature filter reads. */
  private static List<Document> signingAuthorities(AgreementProfile profile) {
    return AgreementFacts.signingAuthorities(profile).entrySet().stream()
        .map(e -> new Document("category", e.getKey().name())
            .append("authorities", e.getValue().stream().map(Enum::name).sorted().toList()))
        .toList();
  }

  /** One concurrence per office, in the order of the offices (the fold keeps them in an EnumMap). */
  private static void putConcurrence(Document d, Concurrence concurrence) {
    Map<StakeholderOffice, Document> byOffice = new EnumMap<>(StakeholderOffice.class);
    for (Document c : documents(d, "concurrences")) {
      byOffice.put(name(c, "office", StakeholderOffice.class), c);
    }
    byOffice.put(concurrence.office(), concurrence(concurrence));
    d.put("concurrences", new ArrayList<>(byOffice.values()));
  }

  private static List<Document> requiredStakeholders(List<RequiredStakeholder> required) {
    return required.stream().map(s -> new Document("office", s.office().name()).append("rules", RuleId.names(s.rules()))).toList();
  }

  private static Document concurrence(Concurrence c) {
    return new Document("office", c.office().name())
        .append("decision", c.decision().name())
        .append("draftVersion", c.draftVersion())
        .append("comment", c.comment());
  }

  private static Document signature(SignatureRecord s) {
    return new Document("party", Objects.toString(s.party(), null))
        .append("authority", name(s.authority()))
        .append("signatoryName", s.signatoryName())
        .append("position", s.position())
        .append("signedOn", day(s.signedOn()));
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
                Boolean.TRUE.equals(p.getBoolean("intelligenceCommunity")), identifier(p)))
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
            .map(s -> new RequiredStakeholder(name(s, "office", StakeholderOffice.class), strings(s, "rules").stream().map(RuleId::of).toList()))
            .toList(),
        documents(d, "concurrences").stream()
            .map(c -> new Concurrence(name(c, "office", StakeholderOffice.class),
                name(c, "decision", ConcurrenceDecision.class), (int) number(c, "draftVersion"), c.getString("comment")))
            .toList(),
        documents(d, "signatures").stream()
            .map(s -> new SignatureRecord(partyName(s.getString("party")), name(s, "authority", SignatoryAuthority.class),
                s.getString("signatoryName"), s.getString("position"), day(s, "signedOn")))
            .toList(),
        day(d, "executedOn"),
        day(d, "effectiveDate"),
        day(d, "terminationDate"),
        day(d, "lastReviewedOn"),
        day(d, "nextReviewDue"),
        instant(d, "createdAt"),
        instant(d, "updatedAt"),
        d.getString("externalReference"),
        handlingView(d, name(d, "marking", Marking.class)));
  }

  private static PartyName partyName(String stored) {
    return stored == null ? null : PartyName.of(stored);
  }

  static String lower(String value) {
    return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
  }

  private static Document party(Party p) {
    Document party = new Document("name", p.name())
        .append("kind", name(p.kind()))
        .append("country", p.country())
        .append("intelligenceCommunity", p.intelligenceCommunity());
    // Only when there is one: the documents of parties without an identifier stay as they were.
    if (p.identifier() != null) {
      party.append("identifier", new Document("scheme", p.identifier().scheme()).append("value", p.identifier().value()));
    }
    return party;
  }

  private static String searchText(String title, String purpose, String externalReference, Collection<Party> parties) {
    return Stream.concat(Stream.of(title, purpose, externalReference), parties.stream().map(Party::name))
        .filter(Objects::nonNull)
        .map(AgreementDocuments::lower)
        .collect(Collectors.joining("\n"));
  }

  /** A party's stored identifier, or null when it has none. */
  static PartyIdentifier identifier(Document party) {
    Object stored = party.get("identifier");
    return stored instanceof Document id && id.getString("scheme") != null && id.getString("value") != null
        ? new PartyIdentifier(id.getString("scheme"), id.getString("value")) : null;
  }

  private static List<String> distinct(Stream<String> values) {
    return values.filter(Objects::nonNull).distinct().toList();
  }
}
