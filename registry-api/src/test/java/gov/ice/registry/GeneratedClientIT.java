package gov.ice.registry;

import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.client.ApiClient;
import gov.ice.registry.client.ApiException;
import gov.ice.registry.client.ApiResponse;
import gov.ice.registry.client.api.AgreementCommandsApi;
import gov.ice.registry.client.api.AgreementLedgerApi;
import gov.ice.registry.client.api.AgreementSearchApi;
import gov.ice.registry.client.api.ApprovalsAuditApi;
import gov.ice.registry.client.model.AgreementSearchItem;
import gov.ice.registry.client.model.AgreementSearchResponse;
import gov.ice.registry.client.model.AgreementSummary;
import gov.ice.registry.client.model.AgreementView;
import gov.ice.registry.client.model.Approvals;
import gov.ice.registry.client.model.ClearanceRequest;
import gov.ice.registry.client.model.ConcurrenceRequest;
import gov.ice.registry.client.model.DraftRequest;
import gov.ice.registry.client.model.HistoryEntry;
import gov.ice.registry.client.model.LegalReviewRequest;
import gov.ice.registry.client.model.RequiredStakeholder;
import gov.ice.registry.client.model.SignatureRequest;
import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.TestUsers;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import gov.ice.registry.client.model.ErasureRequest;
import gov.ice.registry.client.model.Problem;
import gov.ice.registry.client.model.ProblemViolationsInner;
import gov.ice.registry.support.StrictRegistry;
import org.junit.jupiter.api.Test;

/**
 * A client generated from the committed contract (openapi-generator's {@code java} generator,
 * {@code native} library, in generate-test-sources) drives an agreement's life against the
 * running registry: real HTTP, real sign-in with the users of {@code deploy/users.example.yml}.
 * If the contract stopped describing the server (a parameter renamed, a status or header
 * missing, a schema that does not read the answer), this test fails to compile or to pass.
 */
class GeneratedClientIT extends H2Registry {

  /** A client signed in as {@code username}, as a client team would configure the generated one. */
  private ApiClient as(String username) {
    return client(port, username, TestUsers.passwordOf(username), request -> {});
  }

  /** A client of the registry on {@code port}; {@code also} changes each request after the generated code built it. */
  private static ApiClient client(int port, String username, String password, Consumer<HttpRequest.Builder> also) {
    ApiClient client = new ApiClient();
    client.updateBaseUri("http://localhost:" + port);
    client.setReadTimeout(Duration.ofMinutes(1));
    String credentials = username + ":" + password;
    String authorization = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    client.setRequestInterceptor(request -> also.accept(request.header("Authorization", authorization)));
    return client;
  }

  private DraftRequest draft(String title) {
    DraftRequest draft = as(TestUsers.PROGRAM_OFFICE).getObjectMapper().convertValue(AgreementBodies.draft(), DraftRequest.class);
    return draft.title(title);
  }

  @Test
  void drivesAnAgreementFromDraftToActiveThenFindsItsHistoryAndApprovals() throws Exception {
    String token = "GC" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    AgreementCommandsApi programOffice = new AgreementCommandsApi(as(TestUsers.PROGRAM_OFFICE));

    // Draft: 201 with Location and ETag, as the contract says.
    ApiResponse<AgreementSummary> drafted = programOffice.draftWithHttpInfo(draft("Sharing checked by the generated client " + token));
    assertThat(drafted.getStatusCode()).isEqualTo(201);
    String id = drafted.getData().getId();
    assertThat(drafted.getHeaders().get("Location")).containsExactly("/api/agreements/" + id);
    assertThat(drafted.getHeaders().get("ETag")).containsExactly("\"1\"");
    assertThat(drafted.getData().getStatus()).isEqualTo(AgreementSummary.StatusEnum.DRAFT);
    List<RequiredStakeholder> required = drafted.getData().getRequiredStakeholders();
    assertThat(required).extracting(s -> s.getOffice().getValue()).contains("IGP", "OPP", "OPLA");

    // A second draft sharing the token stays a draft: the search's status filter must tell them apart.
    String other = programOffice.draft(draft("Draft left alone by the generated client " + token)).getId();

    // Every required stakeholder concurs, each as its own office's user, with If-Match.
    String etag = drafted.getHeaders().get("ETag").get(0);
    for (RequiredStakeholder stakeholder : required) {
      String office = stakeholder.getOffice().getValue();
      AgreementCommandsApi concurring = new AgreementCommandsApi(as(TestUsers.stakeholder(StakeholderOffice.valueOf(office))));
      ApiResponse<AgreementSummary> concurred = concurring.concurWithHttpInfo(id, new ConcurrenceRequest()
          .office(ConcurrenceRequest.OfficeEnum.fromValue(office))
          .decision(ConcurrenceRequest.DecisionEnum.CONCUR)
          .draftVersion(1)
          .comment("Concur."), etag);
      assertThat(concurred.getStatusCode()).isEqualTo(200);
      etag = concurred.getHeaders().get("ETag").get(0);
    }

    // Clearance: requested by the program office, granted by IGP, then OPLA's legal review.
    assertThat(programOffice.requestClearance(id, etag).getStatus()).isEqualTo(AgreementSummary.StatusEnum.IN_CLEARANCE);
    AgreementSummary cleared = new AgreementCommandsApi(as(TestUsers.IGP)).clear(id,
        new ClearanceRequest().decision(ClearanceRequest.DecisionEnum.CLEARED).comment("Cleared."), null);
    if (cleared.getStatus() != AgreementSummary.StatusEnum.CLEARED) {
      cleared = new AgreementCommandsApi(as(TestUsers.OPLA)).legalReview(id,
          new LegalReviewRequest().legallySufficient(true).comment("Legally sufficient."), null);
    }
    assertThat(cleared.getStatus()).isEqualTo(AgreementSummary.StatusEnum.CLEARED);

    // Signatures: ICE's by a signatory with the authority, the partner's recorded by the program office.
    AgreementSummary iceSigned = new AgreementCommandsApi(as("sig-hsi-ead")).sign(id, new SignatureRequest()
        .party("ICE").authority(SignatureRequest.AuthorityEnum.HSI_EAD).signatoryName("Hana Executive")
        .position("Executive Associate Director").signedOn(AgreementBodies.today()), null);
    assertThat(iceSigned.getStatus()).isEqualTo(AgreementSummary.StatusEnum.CLEARED);
    ApiResponse<AgreementSummary> executed = programOffice.signWithHttpInfo(id, new SignatureRequest()
        .party(AgreementBodies.STATE_PARTY).signatoryName("Casey Colonel").position("Director").signedOn(AgreementBodies.today()), null);
    // EXECUTED_COPY_ON_FILE: every party has signed, and the agreement waits for its executed copy.
    assertThat(executed.getData().getStatus()).isEqualTo(AgreementSummary.StatusEnum.CLEARED);
    gov.ice.registry.support.RegistryClient.Response copy = gov.ice.registry.support.Multipart.attachExecutedCopy(registry(), id);
    // The ledger position of the last event: reads given it show this agreement as it now is.
    Long position = Long.valueOf(copy.header("X-Registry-Position").orElseThrow());

    AgreementLedgerApi ledger = new AgreementLedgerApi(as(TestUsers.AUDITOR));
    AgreementView active = ledger.agreement(id, null);
    AgreementView view = active;
    assertThat(view.getStatus()).isEqualTo(AgreementView.StatusEnum.ACTIVE);
    assertThat(view.getSignatures()).hasSize(2);

    // Search: the token finds both; the status filter narrows to the one that applies.
    AgreementSearchApi search = new AgreementSearchApi(as(TestUsers.IGP));
    // Read-your-writes: no polling, the position makes the search wait until it shows the signature.
    AgreementSearchResponse both = search.search(null, null, null, null, null, null, null, token, null, null, null, null, null, null, null, null, position);
    assertThat(both.getItems()).extracting(AgreementSearchItem::getId).containsExactlyInAnyOrder(id, other);
    AgreementSearchResponse activeOnly = search.search(List.of("ACTIVE"), null, null, null, null, null, null, token, null, null, null, null, null, null, null, position, null);
    assertThat(activeOnly.getItems()).extracting(AgreementSearchItem::getId).containsExactly(id);
    assertThat(activeOnly.getTotal()).isEqualTo(1L);
    AgreementSearchResponse drafts = search.search(List.of("DRAFT"), List.of("MOU"), List.of("LAW_ENFORCEMENT"), null, null, null, true, token, 0, 20,
        null, null, null, null, null, null, null);
    assertThat(drafts.getItems()).extracting(AgreementSearchItem::getId).containsExactly(other);
    AgreementSearchResponse otherKind = search.search(null, List.of("MOA"), null, null, null, null, null, token, null, null, null, null, null, null, null, null, null);
    assertThat(otherKind.getItems()).isEmpty();

    // History: every event, in order, each with who did it.
    List<HistoryEntry> history = ledger.history(id);
    assertThat(history).hasSize(active.getVersion().intValue());
    assertThat(history.get(0).getType()).isEqualTo("AgreementDrafted");
    assertThat(history.get(0).getActor().getUsername()).isEqualTo(TestUsers.PROGRAM_OFFICE);
    assertThat(history).extracting(HistoryEntry::getType).contains("StakeholderConcurred", "ClearanceGranted", "AgreementSigned")
        .endsWith("AgreementExecuted");

    // Approvals: as JSON through the generated model, and the CSV the contract documents beside it.
    ApiClient auditor = as(TestUsers.AUDITOR);
    Approvals approvals = new ApprovalsAuditApi(auditor).approvals(null, null, null, null, "json", null, null, null, position);
    assertThat(approvals.getItems()).anySatisfy(a -> assertThat(a.getAgreementId()).isEqualTo(id));
    HttpRequest.Builder csvRequest = HttpRequest.newBuilder(URI.create(auditor.getBaseUri() + "/api/audit/approvals?format=csv"))
        .header("Accept", "text/csv").timeout(Duration.ofMinutes(1)).GET();
    auditor.getRequestInterceptor().accept(csvRequest);
    HttpResponse<String> csv = auditor.getHttpClient().send(csvRequest.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    RegistryClient.checked(csv);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
    assertThat(csv.body().lines().filter(line -> line.contains(id)).count()).as(csv.body()).isGreaterThanOrEqualTo(required.size());
  }

  @Test
  void readsARefusalAsTheProblemTheContractDescribes() {
    AgreementCommandsApi programOffice = new AgreementCommandsApi(as(TestUsers.PROGRAM_OFFICE));
    try {
      String id = programOffice.draft(draft("Refused by the generated client")).getId();
      programOffice.requestClearance(id, null);
      throw new AssertionError("clearance was requested before any concurrence");
    } catch (ApiException refused) {
      assertThat(refused.getCode()).isEqualTo(409);
      assertThat(refused.getResponseHeaders().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
      assertThat(refused.getResponseBody()).contains("CONCURRENCE_MISSING");
    }
  }

  /** A call of the generated client that must be refused. */
  interface Call {
    Object run() throws ApiException;
  }

  /**
   * The refusal of {@code call} read as the contract's {@code Problem} through the generated model:
   * the status, problem+json, and the problem's status, type (by its slug) and title.
   */
  private static Problem refused(Call call, int status, String slug, String title) throws Exception {
    ApiException refusal;
    try {
      Object answer = call.run();
      throw new AssertionError(status + " expected, the call answered " + answer);
    } catch (ApiException e) {
      refusal = e;
    }
    return problem(refusal.getCode(), refusal.getResponseHeaders(), refusal.getResponseBody(), status, slug, title);
  }

  private static Problem problem(int code, java.net.http.HttpHeaders headers, String body, int status, String slug, String title)
      throws Exception {
    assertThat(code).as(body).isEqualTo(status);
    assertThat(headers.firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    Problem problem = new ApiClient().getObjectMapper().readValue(body, Problem.class);
    assertThat(problem.getStatus()).isEqualTo(status);
    assertThat(problem.getType().toString()).endsWith("/" + slug);
    assertThat(problem.getTitle()).isEqualTo(title);
    return problem;
  }

  private static long retryAfter(java.net.http.HttpHeaders headers) {
    return headers.firstValue("Retry-After").map(Long::parseLong).orElseThrow(() -> new AssertionError("no Retry-After"));
  }

  @Test
  void readsOneProblemPerErrorStatusThroughTheGeneratedModel() throws Exception {
    AgreementCommandsApi programOffice = new AgreementCommandsApi(as(TestUsers.PROGRAM_OFFICE));
    ApiResponse<AgreementSummary> drafted = programOffice.draftWithHttpInfo(draft("Refusals read by the generated client"));
    String id = drafted.getData().getId();
    String etag = drafted.getHeaders().get("ETag").get(0);

    Problem invalid = refused(() -> programOffice.draft(draft("")), 400, "invalid-request", "Invalid request");
    assertThat(invalid.getViolations()).extracting(ProblemViolationsInner::getField).contains("title");

    refused(() -> new AgreementLedgerApi(client(port, TestUsers.AUDITOR, "not-the-password", r -> {})).agreement(id, null),
        401, "unauthorized", "Not authenticated");
    refused(() -> new AgreementCommandsApi(as(TestUsers.IGP)).draft(draft("Not IGP's to draft")), 403, "forbidden", "Not allowed");
    refused(() -> new AgreementLedgerApi(as(TestUsers.AUDITOR)).agreement("00000000-0000-4000-8000-000000000000", null),
        404, "unknown-agreement", "Unknown agreement");

    // No operation of the document has the method, so the generated client has no call for it: its HTTP client it is.
    ApiClient auditor = as(TestUsers.AUDITOR);
    HttpRequest.Builder delete = HttpRequest.newBuilder(URI.create(auditor.getBaseUri() + "/api/agreements/" + id))
        .timeout(Duration.ofMinutes(1)).DELETE();
    auditor.getRequestInterceptor().accept(delete);
    HttpResponse<String> notAllowed = auditor.getHttpClient().send(delete.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    RegistryClient.checked(notAllowed);
    problem(notAllowed.statusCode(), notAllowed.headers(), notAllowed.body(), 405, "method-not-allowed", "Method Not Allowed");
    assertThat(notAllowed.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET"));

    // The generated call with one header replaced, as a client's own interceptor would.
    refused(() -> new AgreementLedgerApi(client(port, TestUsers.AUDITOR, TestUsers.passwordOf(TestUsers.AUDITOR),
        r -> r.setHeader("Accept", "text/html"))).agreement(id, null), 406, "not-acceptable", "Not Acceptable");

    Problem lifecycle = refused(() -> programOffice.requestClearance(id, null), 409, "concurrence-missing", "Refused: concurrence missing");
    assertThat(lifecycle.getCode()).isEqualTo("CONCURRENCE_MISSING");
    assertThat(lifecycle.getRules()).isNotEmpty();

    new AgreementCommandsApi(as(TestUsers.stakeholder(StakeholderOffice.IGP))).concur(id, new ConcurrenceRequest()
        .office(ConcurrenceRequest.OfficeEnum.IGP).decision(ConcurrenceRequest.DecisionEnum.CONCUR).draftVersion(1).comment("Concur."), etag);
    refused(() -> new AgreementCommandsApi(as(TestUsers.stakeholder(StakeholderOffice.OPP))).concur(id, new ConcurrenceRequest()
            .office(ConcurrenceRequest.OfficeEnum.OPP).decision(ConcurrenceRequest.DecisionEnum.CONCUR).draftVersion(1).comment("Concur."), etag),
        412, "version-conflict", "Precondition failed");

    refused(() -> programOffice.draft(draft("x".repeat(2 * 1024 * 1024))), 413, "body-too-large", "Request body too large");
    refused(() -> new AgreementCommandsApi(client(port, TestUsers.PROGRAM_OFFICE, TestUsers.passwordOf(TestUsers.PROGRAM_OFFICE),
        r -> r.setHeader("Content-Type", "text/plain"))).draft(draft("Sent as text")), 415, "unsupported-media-type", "Unsupported Media Type");
  }

  /**
   * What the shared registry never answers, from a registry of the test's own ({@link StrictRegistry}):
   * 428 where If-Match is required, 429 once sign-ins are throttled, 503 while the ledger's database is down.
   */
  @Test
  void readsThe428The429AndThe503OfAStrictRegistry() throws Exception {
    try (StrictRegistry strict = StrictRegistry.start()) {
      int strictPort = strict.port();
      AgreementCommandsApi programOffice = new AgreementCommandsApi(
          client(strictPort, TestUsers.PROGRAM_OFFICE, TestUsers.passwordOf(TestUsers.PROGRAM_OFFICE), r -> {}));
      String id = programOffice.draft(draft("A registry that requires If-Match")).getId();

      Problem required = refused(() -> programOffice.requestClearance(id, null), 428, "precondition-required", "Precondition required");
      assertThat(required.getDetail()).contains("If-Match");
      assertThat(required.getViolations()).extracting(ProblemViolationsInner::getField).containsExactly("If-Match");
      AgreementCommandsApi admin = new AgreementCommandsApi(client(strictPort, TestUsers.ADMIN, TestUsers.passwordOf(TestUsers.ADMIN), r -> {}));
      refused(() -> admin.erase(id, new ErasureRequest().reason("A lawful request under the Privacy Act.").requestReference("PA-2026-0042"), null),
          428, "precondition-required", "Precondition required");

      String throttled = StrictRegistry.THROTTLED;
      for (int i = 0; i < StrictRegistry.FAILURES_BEFORE_THROTTLE; i++) {
        int attempt = i;
        refused(() -> new AgreementLedgerApi(client(strictPort, throttled, "guess-" + attempt, r -> {})).agreement(id, null),
            401, "unauthorized", "Not authenticated");
      }
      AgreementLedgerApi rightPassword = new AgreementLedgerApi(client(strictPort, throttled, TestUsers.passwordOf(throttled), r -> {}));
      ApiException tooMany = null;
      try {
        rightPassword.agreement(id, null);
      } catch (ApiException e) {
        tooMany = e;
      }
      assertThat(tooMany).as("the right password, once the user is throttled").isNotNull();
      problem(tooMany.getCode(), tooMany.getResponseHeaders(), tooMany.getResponseBody(), 429, "too-many-sign-ins", "Too many failed sign-ins");
      assertThat(retryAfter(tooMany.getResponseHeaders())).isPositive();

      strict.stopStore();
      ApiException unavailable = null;
      try {
        programOffice.draft(draft("Sent while the ledger is down"));
      } catch (ApiException e) {
        unavailable = e;
      }
      assertThat(unavailable).as("a draft while the ledger is down").isNotNull();
      problem(unavailable.getCode(), unavailable.getResponseHeaders(), unavailable.getResponseBody(), 503, "store-unavailable", "Ledger unavailable");
      assertThat(retryAfter(unavailable.getResponseHeaders())).isPositive();
    }
  }
}
