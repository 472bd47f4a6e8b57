package gov.ice.registry.projection.repository;

import gov.ice.registry.agreement.api.DisseminationControl;
import gov.ice.registry.agreement.api.Marking;
import gov.ice.registry.projection.batch.BsonValues;
import gov.ice.registry.projection.access.AccessPolicy;
import gov.ice.registry.projection.access.Reader;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.bson.Document;

/**
 * {@link AccessPolicy} as a Lucene query, so a search leaves out what the reader may not see
 * before it counts: totals and facet counts then count only what the reader can page through.
 * Each rule the reader fails becomes a clause excluding the agreements that carry it; the
 * policy's own predicate and this query are tested to agree on every combination.
 */
final class AccessFilter {

  static final String MARKING = "access.marking";
  static final String CONTROL = "access.control";
  static final String REL_TO = "access.relTo";
  static final String LIST = "access.list";

  private AccessFilter() {}

  /** The access fields of the repository document {@code d}. */
  static void index(org.apache.lucene.document.Document doc, Document d) {
    String marking = d.getString("marking");
    doc.add(new StringField(MARKING, marking == null ? Marking.NONE.name() : marking, Field.Store.NO));
    if (d.get(AgreementDocuments.HANDLING) instanceof Document h) {
      for (String control : BsonValues.strings(h, "disseminationControls")) {
        doc.add(new StringField(CONTROL, control, Field.Store.NO));
      }
      for (String country : BsonValues.strings(h, "relTo")) {
        doc.add(new StringField(REL_TO, country, Field.Store.NO));
      }
      for (String name : BsonValues.strings(h, "disseminationList")) {
        doc.add(new StringField(LIST, name, Field.Store.NO));
      }
    }
  }

  /** The agreements {@code reader} may see; null when it may see all. */
  static Query query(AccessPolicy policy, Reader reader) {
    if (policy.exempt(reader)) {
      return null;
    }
    BooleanQuery.Builder excluded = new BooleanQuery.Builder();
    if (!reader.federal()) {
      excluded.add(control(DisseminationControl.FED_ONLY), Occur.SHOULD);
      excluded.add(control(DisseminationControl.NOCON), Occur.SHOULD);
      if (!reader.contractor()) {
        excluded.add(control(DisseminationControl.FEDCON), Occur.SHOULD);
      }
    }
    if (!reader.usCitizen()) {
      excluded.add(control(DisseminationControl.NOFORN), Occur.SHOULD);
    }
    excluded.add(controlUnless(DisseminationControl.REL_TO, REL_TO,
        reader.citizenship() == null ? List.of() : List.of(reader.citizenship())), Occur.SHOULD);
    excluded.add(controlUnless(DisseminationControl.DL_ONLY, LIST,
        Stream.concat(Stream.of(reader.username()), reader.offices().stream()).filter(java.util.Objects::nonNull).toList()), Occur.SHOULD);
    for (Marking marking : policy.needToKnow().keySet()) {
      if (!policy.meetsNeedToKnow(reader, marking)) {
        excluded.add(new TermQuery(new Term(MARKING, marking.name())), Occur.SHOULD);
      }
    }
    return new BooleanQuery.Builder()
        .add(new MatchAllDocsQuery(), Occur.FILTER)
        .add(excluded.build(), Occur.MUST_NOT)
        .build();
  }

  private static Query control(DisseminationControl control) {
    return new TermQuery(new Term(CONTROL, control.name()));
  }

  /** Agreements carrying {@code control} whose {@code field} holds none of {@code admitted}. */
  private static Query controlUnless(DisseminationControl control, String field, List<String> admitted) {
    BooleanQuery.Builder query = new BooleanQuery.Builder().add(control(control), Occur.FILTER);
    if (!admitted.isEmpty()) {
      query.add(new TermInSetQuery(field, admitted.stream().map(BytesRef::new).toList()), Occur.MUST_NOT);
    }
    return query.build();
  }

  /** {@code query} restricted to {@code filter}; {@code query} alone without one. */
  static Query restrict(Query query, Query filter) {
    if (filter == null) {
      return query;
    }
    return new BooleanQuery.Builder().add(query, Occur.MUST).add(filter, Occur.FILTER).build();
  }

}
