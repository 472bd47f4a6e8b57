package gov.ice.registry.projection.repository;

import gov.ice.registry.agreement.api.AgreementKind;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.Directorate;
import gov.ice.registry.agreement.api.InformationCategory;
import gov.ice.registry.agreement.api.PartyKind;
import gov.ice.registry.agreement.api.SignatoryAuthority;
import gov.ice.registry.agreement.api.StakeholderOffice;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A search of the central repository. Empty lists and nulls mean "any"; several values of one
 * filter match any of them; different filters must all match. {@code page} counts from 0.
 * {@code parties} are party names, matched whole and ignoring case. {@code awaiting} and
 * {@code awaitingSignatureBy} list the agreements awaiting an office's concurrence or a signature
 * under an authority, as the work queues do. {@code executedCopy} lists the agreements with (true)
 * or without (false) an executed copy on file.
 */
public record AgreementSearch(
    List<AgreementStatus> statuses,
    List<AgreementKind> kinds,
    List<InformationCategory> categories,
    List<PartyKind> partyKinds,
    List<String> countries,
    List<Directorate> directorates,
    Boolean pii,
    String text,
    int page,
    int size,
    Sort sort,
    List<String> parties,
    List<StakeholderOffice> awaiting,
    List<SignatoryAuthority> awaitingSignatureBy,
    Boolean executedCopy) {

  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 200;

  public AgreementSearch {
    statuses = statuses == null ? List.of() : List.copyOf(statuses);
    kinds = kinds == null ? List.of() : List.copyOf(kinds);
    categories = categories == null ? List.of() : List.copyOf(categories);
    partyKinds = partyKinds == null ? List.of() : List.copyOf(partyKinds);
    countries = countries == null ? List.of() : List.copyOf(countries);
    directorates = directorates == null ? List.of() : List.copyOf(directorates);
    text = text == null || text.isBlank() ? null : text.trim();
    awaiting = awaiting == null ? List.of() : List.copyOf(awaiting);
    awaitingSignatureBy = awaitingSignatureBy == null ? List.of() : List.copyOf(awaitingSignatureBy);
    parties = parties == null ? List.of()
        : parties.stream().filter(n -> n != null && !n.isBlank()).map(AgreementDocuments::lower).distinct().toList();
    if (page < 0) {
      throw new IllegalArgumentException("page counts from 0");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("size is between 1 and " + MAX_SIZE);
    }
    // Free text ranks by relevance unless a sort is asked for; relevance without free text is the default order.
    sort = sort == null ? (text == null ? Sort.DEFAULT : Sort.RELEVANCE) : sort.relevance() && text == null ? Sort.DEFAULT : sort;
  }

  /** A search with no executed-copy filter. */
  public AgreementSearch(List<AgreementStatus> statuses, List<AgreementKind> kinds, List<InformationCategory> categories,
      List<PartyKind> partyKinds, List<String> countries, List<Directorate> directorates, Boolean pii, String text, int page,
      int size, Sort sort, List<String> parties, List<StakeholderOffice> awaiting, List<SignatoryAuthority> awaitingSignatureBy) {
    this(statuses, kinds, categories, partyKinds, countries, directorates, pii, text, page, size, sort, parties, awaiting,
        awaitingSignatureBy, null);
  }

  /** A search with no work-queue filter. */
  public AgreementSearch(List<AgreementStatus> statuses, List<AgreementKind> kinds, List<InformationCategory> categories,
      List<PartyKind> partyKinds, List<String> countries, List<Directorate> directorates, Boolean pii, String text, int page,
      int size, Sort sort, List<String> parties) {
    this(statuses, kinds, categories, partyKinds, countries, directorates, pii, text, page, size, sort, parties, null, null);
  }

  /** A search with no party name filter. */
  public AgreementSearch(List<AgreementStatus> statuses, List<AgreementKind> kinds, List<InformationCategory> categories,
      List<PartyKind> partyKinds, List<String> countries, List<Directorate> directorates, Boolean pii, String text, int page,
      int size, Sort sort) {
    this(statuses, kinds, categories, partyKinds, countries, directorates, pii, text, page, size, sort, null);
  }

  public static AgreementSearch all() {
    return new AgreementSearch(null, null, null, null, null, null, null, null, 0, DEFAULT_SIZE, null);
  }

  /**
   * A sort key: {@code title}, {@code status}, {@code kind}, {@code createdAt}, {@code updatedAt},
   * {@code effectiveDate}, {@code nextReviewDue} or {@code relevance} (the best match of the free
   * text first), written {@code key}, {@code key,asc}, {@code key,desc} or {@code -key}. Ties fall
   * back to the agreement id, so pages are stable.
   */
  public record Sort(String key, boolean ascending) {

    static final Map<String, String> FIELDS = Map.of(
        "title", AgreementDocuments.TITLE_SORT,
        "status", AgreementDocuments.STATUS,
        "kind", AgreementDocuments.KIND,
        "createdAt", "createdAt",
        "updatedAt", "updatedAt",
        "effectiveDate", "effectiveDate",
        "nextReviewDue", "nextReviewDue",
        "relevance", "_score");

    /** Declared after FIELDS, which the constructor reads during class initialization. */
    public static final Sort DEFAULT = new Sort("title", true);
    public static final Sort RELEVANCE = new Sort("relevance", false);

    public Sort {
      if (!FIELDS.containsKey(key)) {
        throw new IllegalArgumentException("sort is one of " + FIELDS.keySet().stream().sorted().toList()
            + ", optionally followed by ,asc or ,desc");
      }
    }

    /** Null for no value: the search then orders by relevance with free text, by title without. */
    public static Sort parse(String value) {
      if (value == null || value.isBlank()) {
        return null;
      }
      String v = value.trim();
      if (v.startsWith("-")) {
        return new Sort(v.substring(1), false);
      }
      String[] parts = v.split(",", 2);
      if (parts.length == 1) {
        return new Sort(parts[0], true);
      }
      return switch (parts[1].trim().toLowerCase(Locale.ROOT)) {
        case "asc" -> new Sort(parts[0].trim(), true);
        case "desc" -> new Sort(parts[0].trim(), false);
        default -> throw new IllegalArgumentException("sort direction is asc or desc");
      };
    }

    /** Relevance is always best first, whatever the direction written. */
    public boolean relevance() {
      return key.equals("relevance");
    }
  }
}
