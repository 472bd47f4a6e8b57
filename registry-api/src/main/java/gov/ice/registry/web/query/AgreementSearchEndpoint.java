package gov.ice.registry.web.query;

import gov.ice.registry.agreement.api.AgreementKind;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.Directorate;
import gov.ice.registry.agreement.api.InformationCategory;
import gov.ice.registry.agreement.api.PartyKind;
import gov.ice.registry.agreement.api.SignatoryAuthority;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.projection.repository.AgreementRepositoryQueries;
import gov.ice.registry.projection.repository.AgreementSearch;
import gov.ice.registry.web.access.AccessAction;
import gov.ice.registry.web.access.ReadAccess;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/agreements}: the central repository. Filters {@code status}, {@code kind},
 * {@code category}, {@code partyKind}, {@code country}, {@code directorate} (several values:
 * repeat or comma-separate), {@code party} (a party's name, whole, ignoring case; repeat for
 * several), {@code pii}, {@code executedCopy} (true: an executed copy is on file; false: none is), free text {@code q} over title, purpose and party names;
 * {@code page} (from 0), {@code size} (1-200, default 20), {@code sort} ({@code title},
 * {@code -updatedAt}, {@code createdAt,desc}, {@code relevance}: the default with {@code q}, ...). Answers {@code items}, {@code total},
 * {@code page}, {@code size} and {@code facets} ({@link AgreementSearchResponse}).
 */
@RestController
public class AgreementSearchEndpoint {

  private final AgreementRepositoryQueries agreements;
  private final ReadAccess access;

  public AgreementSearchEndpoint(AgreementRepositoryQueries agreements, ReadAccess access) {
    this.agreements = agreements;
    this.access = access;
  }

  @GetMapping("/api/agreements")
  @PreAuthorize("@queryAccess.anyRegistryRole(authentication)")
  public Mono<AgreementSearchResponse> search(@ParameterObject QueryRecords.SearchParameters parameters, ServerWebExchange exchange) {
    // The record publishes the parameters; their values are read as sent. The binder's conversion of
    // text to a list trims each value, and trimming takes a NUL or an escape away: "%00ACTIVE" was
    // read as ACTIVE, where the same value on a page or in q is refused.
    return search(exchange.getRequest().getQueryParams()).flatMap(answer -> access.record(exchange, AccessAction.LIST,
        answer.items().stream().map(AgreementSearchResponse.Item::id).toList(), "summary", "json").thenReturn(answer));
  }

  /** The same search and answer for the pages, which pass the query string as it came. */
  @PreAuthorize("@queryAccess.anyRegistryRole(authentication)")
  public Mono<AgreementSearchResponse> search(MultiValueMap<String, String> parameters) {
    // The markings filter inside the search, so the total and the facets count only what the user can page through.
    return Mono.fromCallable(() -> parse(parameters))
        .flatMap(search -> access.reader().flatMap(reader -> agreements.search(search, access.policy(), reader)))
        .map(AgreementSearchResponse::of);
  }

  static AgreementSearch parse(MultiValueMap<String, String> parameters) {
    QueryParameters p = new QueryParameters(parameters);
    var statuses = p.enums("status", AgreementStatus.class);
    var kinds = p.enums("kind", AgreementKind.class);
    var categories = p.enums("category", InformationCategory.class);
    var partyKinds = p.enums("partyKind", PartyKind.class);
    var countries = p.strings("country");
    var directorates = p.enums("directorate", Directorate.class);
    var parties = p.wholeStrings("party");
    var awaiting = p.enums("awaiting", StakeholderOffice.class);
    var awaitingSignatureBy = p.enums("awaitingSignatureBy", SignatoryAuthority.class);
    Boolean pii = p.bool("pii");
    Boolean executedCopy = p.bool("executedCopy");
    String q = p.string("q");
    int page = p.integer("page", 0, 0, 100_000);
    int size = p.integer("size", AgreementSearch.DEFAULT_SIZE, 1, AgreementSearch.MAX_SIZE);
    AgreementSearch.Sort sort = null;
    try {
      sort = AgreementSearch.Sort.parse(p.string("sort"));
    } catch (IllegalArgumentException e) {
      p.invalid("sort", e.getMessage());
    }
    p.validate();
    return new AgreementSearch(statuses, kinds, categories, partyKinds, countries, directorates, pii, q,
        page, size, sort, parties, awaiting, awaitingSignatureBy, executedCopy);
  }
}
