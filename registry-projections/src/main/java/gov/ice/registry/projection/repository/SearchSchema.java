package gov.ice.registry.projection.repository;

import static gov.ice.registry.projection.repository.AgreementDocuments.CATEGORIES;
import static gov.ice.registry.projection.repository.AgreementDocuments.COUNTRIES;
import static gov.ice.registry.projection.repository.AgreementDocuments.DIRECTORATE;
import static gov.ice.registry.projection.repository.AgreementDocuments.EXECUTED_COPY;
import static gov.ice.registry.projection.repository.AgreementDocuments.KIND;
import static gov.ice.registry.projection.repository.AgreementDocuments.PARTY_KINDS;
import static gov.ice.registry.projection.repository.AgreementDocuments.PARTY_NAMES;
import static gov.ice.registry.projection.repository.AgreementDocuments.PII;
import static gov.ice.registry.projection.repository.AgreementDocuments.STATUS;
import static gov.ice.registry.projection.repository.AgreementDocuments.TITLE_SORT;

import gov.ice.registry.projection.batch.BsonValues;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.util.BytesRef;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;

/**
 * The Lucene document of an agreement, made from the central repository's own document (the one
 * {@link AgreementDocuments} computes), and the queries over it. Each field's use:
 * <ul>
 *   <li>{@code id}: indexed (the key of every update), stored, and sorted (ties);
 *   <li>{@code source}: stored, the repository document as BSON: what the result list shows;
 *   <li>{@code status}, {@code kind}, {@code category}, {@code partyKind}, {@code country},
 *       {@code directorate}, {@code pii}, {@code executedCopy}: indexed as exact values (the filters) and faceted under
 *       the same names (the facets of the answer);
 *   <li>{@code partyName}: the party names lower-cased, exact (existing agreements with a party);
 *   <li>{@code title}, {@code purpose}, {@code parties}, {@code reference}: English text, stemmed,
 *       stored with offsets for the highlighted passage;
 *   <li>{@code externalReference}: the reference lower-cased, exact, for prefix matching;
 *   <li>{@code reviewDue}: the next review's due day as a point, for the review views;
 *   <li>{@code awaiting}, {@code awaitingSignatureBy}: the offices and authorities the agreement
 *       waits for ({@link Awaiting}), exact (the work queues' filters);
 *   <li>{@code sort.*}: doc values of each sort key.
 * </ul>
 */
final class SearchSchema {

  static final String ID = "id";
  static final String SOURCE = "source";
  /**
   * What a Lucene document is: an agreement ({@link #AGREEMENT}), one approval of the audit
   * ({@link #APPROVAL}) or one exigent transfer ({@link #TRANSFER}). Each kind has its own key
   * field, so their ids never meet.
   */
  static final String DOC = "doc";
  static final String AGREEMENT = "agreement";
  static final String APPROVAL = "approval";
  static final String TRANSFER = "transfer";
  /** The agreement's {@code AgreementContext} as BSON: what its approvals and transfers are made from. */
  static final String CONTEXT = "context";
  /** The approval's {@code _id} in the audit read model (agreement:sequence:index). */
  static final String APPROVAL_ID = "approvalId";
  static final String ACTOR = "actorKey";
  static final String OFFICE = "office";
  static final String AT = "at";
  /** The transfer's {@code _id} in the exigent read model (agreement:transfer day). */
  static final String TRANSFER_ID = "transferId";
  static final String MET = "met";
  /** The memorialization deadline (epoch day). */
  static final String DEADLINE = "deadline";
  static final String DOCUMENT = "document";
  /** An attached document's id. */
  static final String DOCUMENT_ID = "documentId";
  /** The agreement a document is attached to. */
  static final String OF_AGREEMENT = "ofAgreement";
  /** A document's extracted text (English, stored with offsets for its passage). */
  static final String DOCUMENT_TEXT = "text";
  /** On the agreement: the text of each of its documents, searched with its own fields. */
  static final String DOCUMENTS_TEXT = "documentText";
  /** A document's state: {@code extracted}, {@code not extracted} or {@code withdrawn}; and why. */
  static final String TEXT_STATE = "textState";
  static final String TEXT_REASON = "textReason";
  static final String PARTY_NAME = "partyName";
  static final String TITLE = "title";
  static final String PURPOSE = "purpose";
  static final String PARTIES = "parties";
  static final String REFERENCE = "reference";
  static final String REFERENCE_EXACT = "externalReference";
  /** The next review's due day (epoch day), for the review views' ranges. */
  static final String REVIEW_DUE = "reviewDue";
  /** The offices whose concurrence the agreement awaits ({@link Awaiting}), exact. */
  static final String AWAITING = "awaiting";
  /** The ICE authorities that may give a signature the agreement awaits ({@link Awaiting}), exact. */
  static final String AWAITING_SIGNATURE_BY = "awaitingSignatureBy";

  /** Facet (and filter field) name to the repository document's field, in the order of the answer's facets. */
  static final Map<String, String> FACETS = facets();

  /** The text fields a passage is highlighted from, the most telling first. */
  static final String[] HIGHLIGHTED = {PURPOSE, TITLE, PARTIES, REFERENCE};

  /** Free text weights: a word in the title counts more than one in the purpose. */
  private static final Map<String, Float> WEIGHTS = Map.of(TITLE, 3f, PARTIES, 2f, REFERENCE, 2f, PURPOSE, 1f, DOCUMENTS_TEXT, 0.5f);

  static final Analyzer ANALYZER = new EnglishAnalyzer();

  static final FacetsConfig FACETS_CONFIG = facetsConfig();

  private static final FieldType TEXT = text();

  private static final DocumentCodec CODEC = new DocumentCodec();

  private SearchSchema() {}

  private static Map<String, String> facets() {
    Map<String, String> facets = new LinkedHashMap<>();
    facets.put("status", STATUS);
    facets.put("kind", KIND);
    facets.put("category", CATEGORIES);
    facets.put("partyKind", PARTY_KINDS);
    facets.put("country", COUNTRIES);
    facets.put("directorate", DIRECTORATE);
    facets.put("pii", PII);
    facets.put("executedCopy", EXECUTED_COPY);
    return java.util.Collections.unmodifiableMap(facets);
  }

  private static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    for (String facet : List.of("category", "partyKind", "country")) {
      config.setMultiValued(facet, true);
    }
    return config;
  }

  /** Analyzed, stored, with offsets in the postings: the highlighter reads passages without analyzing again. */
  private static FieldType text() {
    FieldType type = new FieldType();
    type.setTokenized(true);
    type.setStored(true);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    return type;
  }

  /** The Lucene document of the repository document {@code d} (with its {@code _id} and {@code version}). */
  static org.apache.lucene.document.Document document(Document d) {
    String id = d.getString("_id");
    org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
    doc.add(new StringField(DOC, AGREEMENT, Field.Store.NO));
    doc.add(new StringField(ID, id, Field.Store.YES));
    doc.add(new SortedDocValuesField(ID, new BytesRef(id)));
    doc.add(new StoredField(SOURCE, bson(d)));
    FACETS.forEach((facet, field) -> {
      for (String value : values(d, field)) {
        doc.add(new StringField(facet, value, Field.Store.NO));
        doc.add(new SortedSetDocValuesFacetField(facet, value));
      }
    });
    for (String office : Awaiting.offices(d)) {
      doc.add(new StringField(AWAITING, office, Field.Store.NO));
    }
    for (String authority : Awaiting.authorities(d)) {
      doc.add(new StringField(AWAITING_SIGNATURE_BY, authority, Field.Store.NO));
    }
    for (String name : BsonValues.strings(d, PARTY_NAMES)) {
      doc.add(new StringField(PARTY_NAME, name, Field.Store.NO));
    }
    text(doc, TITLE, d.getString("title"));
    text(doc, PURPOSE, d.getString("purpose"));
    for (Document party : BsonValues.documents(d, "parties")) {
      text(doc, PARTIES, party.getString("name"));
      // The sharing gate's identifier (e.g. ORI:TX2270000): found by free text as "TX2270000" or "ORI TX2270000".
      var identifier = AgreementDocuments.identifier(party);
      if (identifier != null) {
        text(doc, PARTIES, identifier.scheme() + " " + identifier.value());
      }
    }
    String reference = d.getString("externalReference");
    text(doc, REFERENCE, reference);
    if (reference != null) {
      doc.add(new StringField(REFERENCE_EXACT, AgreementDocuments.lower(reference), Field.Store.NO));
    }
    sortable(doc, "title", d.getString(TITLE_SORT));
    sortable(doc, "status", d.getString(STATUS));
    sortable(doc, "kind", d.getString(KIND));
    sortable(doc, "effectiveDate", d.getString("effectiveDate"));
    sortable(doc, "nextReviewDue", d.getString("nextReviewDue"));
    if (d.getString("nextReviewDue") != null) {
      doc.add(new LongPoint(REVIEW_DUE, java.time.LocalDate.parse(d.getString("nextReviewDue")).toEpochDay()));
    }
    for (String instant : List.of("createdAt", "updatedAt")) {
      Date value = d.getDate(instant);
      if (value != null) {
        doc.add(new NumericDocValuesField("sort." + instant, value.getTime()));
      }
    }
    AccessFilter.index(doc, d);
    try {
      return FACETS_CONFIG.build(doc);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * {@link #document(Document)} with the agreement's context kept beside it (see {@link #CONTEXT})
   * and the text of its documents, searched (not stored: each document's own Lucene document keeps
   * it for the passage).
   */
  static org.apache.lucene.document.Document document(Document d, Document context, Collection<String> documentTexts) {
    org.apache.lucene.document.Document doc = document(d);
    doc.add(new StoredField(CONTEXT, bson(context)));
    for (String text : documentTexts) {
      doc.add(new Field(DOCUMENTS_TEXT, text, SEARCHED));
    }
    return doc;
  }

  private static final FieldType SEARCHED = searched();

  private static FieldType searched() {
    FieldType type = new FieldType();
    type.setTokenized(true);
    type.setStored(false);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
    type.freeze();
    return type;
  }

  /** One attached document: its text (if extracted) for its passage, and its state with the reason. */
  static org.apache.lucene.document.Document attached(String agreementId, String documentId, String fileName, String text,
      String state, String reason) {
    org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
    doc.add(new StringField(DOC, DOCUMENT, Field.Store.NO));
    doc.add(new StringField(DOCUMENT_ID, documentId, Field.Store.YES));
    doc.add(new StringField(OF_AGREEMENT, agreementId, Field.Store.YES));
    doc.add(new StoredField("fileName", fileName == null ? "" : fileName));
    doc.add(new StoredField(TEXT_STATE, state));
    if (reason != null) {
      doc.add(new StoredField(TEXT_REASON, reason));
    }
    if (text != null && !text.isBlank()) {
      doc.add(new Field(DOCUMENT_TEXT, text, TEXT));
    }
    return doc;
  }

  /** Free text {@code q} over a document's text alone: which documents of the page matched, for their passages. */
  static Query documentText(String q) {
    SimpleQueryParser parser = new SimpleQueryParser(ANALYZER, DOCUMENT_TEXT);
    parser.setDefaultOperator(Occur.MUST);
    Query words = parser.parse(q);
    return words == null ? new MatchNoDocsQuery() : words;
  }

  /**
   * One approval of the audit read model ({@code ApprovalProjection.entries}): only what the audit
   * filters and orders by; the rows themselves are read from the read model by {@code _id}.
   */
  static org.apache.lucene.document.Document approval(Document entry) {
    org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
    String id = entry.getString("_id");
    doc.add(new StringField(DOC, APPROVAL, Field.Store.NO));
    doc.add(new StringField(APPROVAL_ID, id, Field.Store.YES));
    doc.add(new SortedDocValuesField(APPROVAL_ID, new BytesRef(id)));
    if (entry.getString(ACTOR) != null) {
      doc.add(new StringField(ACTOR, entry.getString(ACTOR), Field.Store.NO));
    }
    if (entry.getString(OFFICE) != null) {
      doc.add(new StringField(OFFICE, entry.getString(OFFICE), Field.Store.NO));
    }
    long at = entry.getDate(AT).getTime();
    doc.add(new LongPoint(AT, at));
    doc.add(new NumericDocValuesField("sort.at", at));
    doc.add(new SortedDocValuesField("sort.agreementId", new BytesRef(entry.getString("agreementId"))));
    doc.add(new NumericDocValuesField("sort.sequence", BsonValues.number(entry, "sequence")));
    return doc;
  }

  /** The approvals {@code search} selects (actor and office ignoring case, {@code [from, to)}). */
  static Query approvals(gov.ice.registry.projection.audit.ApprovalSearch search) {
    BooleanQuery.Builder query = new BooleanQuery.Builder().add(new TermQuery(new Term(DOC, APPROVAL)), Occur.FILTER);
    if (search.actor() != null) {
      query.add(new TermQuery(new Term(ACTOR, search.actor().toLowerCase(Locale.ROOT))), Occur.FILTER);
    }
    if (search.office() != null) {
      query.add(new TermQuery(new Term(OFFICE, search.office().toUpperCase(Locale.ROOT))), Occur.FILTER);
    }
    if (search.from() != null || search.to() != null) {
      // As the read model stores instants: BSON dates, milliseconds.
      long from = search.from() == null ? Long.MIN_VALUE : search.from().toEpochMilli();
      long to = search.to() == null ? Long.MAX_VALUE : search.to().toEpochMilli() - 1;
      query.add(LongPoint.newRangeQuery(AT, from, to), Occur.FILTER);
    }
    return query.build();
  }

  /** The audit's order: time, agreement, event sequence, then {@code _id}, as the read model sorts. */
  static final Sort APPROVAL_ORDER = new Sort(new SortField("sort.at", SortField.Type.LONG),
      new SortField("sort.agreementId", SortField.Type.STRING), new SortField("sort.sequence", SortField.Type.LONG),
      new SortField(APPROVAL_ID, SortField.Type.STRING));

  /** One exigent transfer: whether it was met and its deadline; the row is read from the read model by {@code _id}. */
  static org.apache.lucene.document.Document transfer(String id, boolean met, java.time.LocalDate deadline) {
    org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
    doc.add(new StringField(DOC, TRANSFER, Field.Store.NO));
    doc.add(new StringField(TRANSFER_ID, id, Field.Store.YES));
    doc.add(new SortedDocValuesField(TRANSFER_ID, new BytesRef(id)));
    doc.add(new StringField(MET, Boolean.toString(met), Field.Store.NO));
    doc.add(new LongPoint(DEADLINE, deadline.toEpochDay()));
    doc.add(new NumericDocValuesField("sort." + DEADLINE, deadline.toEpochDay()));
    return doc;
  }

  /** Every transfer, or (with {@code latestMissedDeadline}) those not met whose deadline is on or before that day. */
  static Query transfers(java.time.LocalDate latestMissedDeadline) {
    BooleanQuery.Builder query = new BooleanQuery.Builder().add(new TermQuery(new Term(DOC, TRANSFER)), Occur.FILTER);
    if (latestMissedDeadline != null) {
      query.add(new TermQuery(new Term(MET, "false")), Occur.FILTER)
          .add(LongPoint.newRangeQuery(DEADLINE, Long.MIN_VALUE, latestMissedDeadline.toEpochDay()), Occur.FILTER);
    }
    return query.build();
  }

  /** The exigent view's order: the earliest deadline first, then {@code _id}. */
  static final Sort TRANSFER_ORDER = new Sort(new SortField("sort." + DEADLINE, SortField.Type.LONG),
      new SortField(TRANSFER_ID, SortField.Type.STRING));

  static byte[] bson(Document d) {
    org.bson.ByteBuf bson = new RawBsonDocument(d, CODEC).getByteBuffer();
    byte[] bytes = new byte[bson.remaining()];
    bson.get(bytes);
    return bytes;
  }

  /** The repository document a Lucene document keeps. */
  static Document source(BytesRef stored) {
    byte[] bytes = java.util.Arrays.copyOfRange(stored.bytes, stored.offset, stored.offset + stored.length);
    return new RawBsonDocument(bytes).decode(CODEC);
  }

  /** A field's values as the facets count them: text, an array's values each, a boolean "true"/"false". */
  private static List<String> values(Document d, String field) {
    Object value = d.get(field);
    if (value instanceof Collection<?> many) {
      return many.stream().filter(Objects::nonNull).map(Object::toString).distinct().toList();
    }
    if (PII.equals(field) || EXECUTED_COPY.equals(field)) {
      // A document written before the field existed counts as false: a rebuild of the read model sets it.
      return List.of(Boolean.toString(Boolean.TRUE.equals(value)));
    }
    return value == null ? List.of() : List.of(value.toString());
  }

  private static void text(org.apache.lucene.document.Document doc, String field, String value) {
    if (value != null && !value.isBlank()) {
      doc.add(new Field(field, value, TEXT));
    }
  }

  private static void sortable(org.apache.lucene.document.Document doc, String key, String value) {
    if (value != null) {
      doc.add(new SortedDocValuesField("sort." + key, new BytesRef(value)));
    }
  }

  /** The filters and the free text of {@code search}: values of one filter OR-ed, filters AND-ed. */
  static Query query(AgreementSearch search) {
    BooleanQuery.Builder query = new BooleanQuery.Builder().add(AGREEMENTS, Occur.FILTER);
    filter(query, "status", search.statuses().stream().map(Enum::name).toList());
    filter(query, "kind", search.kinds().stream().map(Enum::name).toList());
    filter(query, "category", search.categories().stream().map(Enum::name).toList());
    filter(query, "partyKind", search.partyKinds().stream().map(Enum::name).toList());
    filter(query, "country", search.countries().stream().map(c -> c.trim().toUpperCase(Locale.ROOT)).toList());
    filter(query, "directorate", search.directorates().stream().map(Enum::name).toList());
    // Whole party names, lower-cased as the index keeps them (AgreementSearch lower-cases the filter).
    filter(query, PARTY_NAME, search.parties());
    filter(query, AWAITING, search.awaiting().stream().map(Enum::name).toList());
    filter(query, AWAITING_SIGNATURE_BY, search.awaitingSignatureBy().stream().map(Enum::name).toList());
    if (search.pii() != null) {
      query.add(new TermQuery(new Term("pii", search.pii().toString())), Occur.FILTER);
    }
    if (search.executedCopy() != null) {
      query.add(new TermQuery(new Term("executedCopy", search.executedCopy().toString())), Occur.FILTER);
    }
    if (search.text() != null) {
      query.add(text(search.text()), Occur.MUST);
    }
    return query.build();
  }

  /** Every agreement (and no approval or transfer). */
  static final Query AGREEMENTS = new TermQuery(new Term(DOC, AGREEMENT));

  /**
   * Free text: Lucene's simple query syntax over the text fields (every word must occur, in any
   * of them; {@code "..."} a phrase; {@code word*} a prefix; {@code a | b} either; {@code -word}
   * not), or a prefix of an imported agreement's reference number. Never fails to parse.
   */
  static Query text(String q) {
    SimpleQueryParser parser = new SimpleQueryParser(ANALYZER, WEIGHTS);
    parser.setDefaultOperator(Occur.MUST);
    Query words = parser.parse(q);
    BooleanQuery.Builder either = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
    if (words != null && !(words instanceof MatchNoDocsQuery)) {
      either.add(words, Occur.SHOULD);
    }
    either.add(new BoostQuery(new ConstantScoreQuery(
        new PrefixQuery(new Term(REFERENCE_EXACT, AgreementDocuments.lower(q)))), 5f), Occur.SHOULD);
    return either.build();
  }

  private static void filter(BooleanQuery.Builder query, String field, List<String> values) {
    if (!values.isEmpty()) {
      List<BytesRef> terms = new ArrayList<>();
      values.forEach(v -> terms.add(new BytesRef(v)));
      query.add(new TermInSetQuery(field, terms), Occur.FILTER);
    }
  }

  /**
   * The order of {@code sort}: the key's doc values, missing values first going up and last going
   * down (as MongoDB orders nulls), ties by id ascending; {@code relevance} by score, then id.
   */
  static Sort sort(AgreementSearch.Sort sort) {
    SortField id = new SortField(ID, SortField.Type.STRING);
    if (sort.relevance()) {
      return new Sort(SortField.FIELD_SCORE, id);
    }
    SortField field;
    if (sort.key().equals("createdAt") || sort.key().equals("updatedAt")) {
      field = new SortField("sort." + sort.key(), SortField.Type.LONG, !sort.ascending());
      field.setMissingValue(Long.MIN_VALUE);
    } else {
      field = new SortField("sort." + sort.key(), SortField.Type.STRING, !sort.ascending());
      field.setMissingValue(SortField.STRING_FIRST);
    }
    return new Sort(field, id);
  }
}
