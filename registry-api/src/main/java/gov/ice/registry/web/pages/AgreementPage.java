package gov.ice.registry.web.pages;

import gov.ice.registry.agreement.api.Actor;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.AmendAgreement;
import gov.ice.registry.agreement.api.AmendmentChanges;
import gov.ice.registry.agreement.api.AmendmentProposed;
import gov.ice.registry.agreement.api.InformationCategory;
import gov.ice.registry.agreement.api.Marking;
import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.web.access.AccessAction;
import gov.ice.registry.agreement.AgreementFacts;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.ClearanceDecision;
import gov.ice.registry.agreement.api.CompleteLegalReview;
import gov.ice.registry.agreement.api.Concurrence;
import gov.ice.registry.agreement.api.ConcurrenceDecision;
import gov.ice.registry.agreement.api.DecideClearance;
import gov.ice.registry.agreement.api.DisputeDecision;
import gov.ice.registry.agreement.api.DisputeLevel;
import gov.ice.registry.agreement.api.ExigentAuthority;
import gov.ice.registry.agreement.api.PartyName;
import gov.ice.registry.agreement.api.RaiseDispute;
import gov.ice.registry.agreement.api.RecordBiennialReview;
import gov.ice.registry.agreement.api.RecordConcurrence;
import gov.ice.registry.agreement.api.RecordExigentTransfer;
import gov.ice.registry.agreement.api.RequestClearance;
import gov.ice.registry.agreement.api.RequiredStakeholder;
import gov.ice.registry.agreement.api.ResolveDispute;
import gov.ice.registry.agreement.api.ReviewFindings;
import gov.ice.registry.agreement.api.ReviewOutcome;
import gov.ice.registry.agreement.api.SignAgreement;
import gov.ice.registry.agreement.api.SignatoryAuthority;
import gov.ice.registry.agreement.api.SignatureRecord;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.agreement.api.TerminateAgreement;
import gov.ice.registry.agreement.api.WithdrawAgreement;
import gov.ice.registry.agreement.api.DocumentKind;
import gov.ice.registry.document.DocumentRefused;
import gov.ice.registry.document.DocumentView;
import gov.ice.registry.security.CurrentActor;
import gov.ice.registry.web.agreement.DocumentAttachments;
import gov.ice.registry.web.agreement.ExistingAgreement;
import gov.ice.registry.security.Roles;
import gov.ice.registry.web.pages.PageErrors.ForbiddenPage;
import gov.ice.registry.web.pages.PageErrors.NotFoundPage;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code /agreements/{id}}: one agreement as the ledger holds it (now, or as of an instant), its
 * history and verification for those who may see them, and the lifecycle actions the user's
 * roles allow. Each action is a plain form posted to {@code /agreements/{id}/actions/{action}}
 * and checked here again: the pages' filter chain only knows who is signed in. A refused action
 * shows the page again with the refusal beside its form and what was typed still in it.
 */
@Controller
class AgreementPage {

  private static final List<AgreementStatus> PATH = List.of(
      AgreementStatus.DRAFT, AgreementStatus.IN_CLEARANCE, AgreementStatus.CLEARED, AgreementStatus.ACTIVE);
  private static final List<AgreementStatus> BEFORE_EXECUTION = List.of(
      AgreementStatus.DRAFT, AgreementStatus.IN_CLEARANCE, AgreementStatus.CLEARED);

  private final PageBackend backend;
  private final DocumentAttachments documents;

  private final gov.ice.registry.document.DocumentTextStates textStates;

  AgreementPage(PageBackend backend, DocumentAttachments documents, gov.ice.registry.document.DocumentTextStates textStates) {
    this.textStates = textStates;
    this.backend = backend;
    this.documents = documents;
  }

  @GetMapping("/agreements/{id}")
  Mono<String> agreement(@PathVariable String id, @RequestParam(required = false) String asOf, ServerWebExchange exchange, Model model) {
    Instant instant = null;
    if (asOf != null && !asOf.isBlank()) {
      try {
        instant = Instant.parse(asOf.trim());
      } catch (DateTimeParseException e) {
        model.addAttribute("asOfError", "must be an instant such as 2026-01-31T12:00:00Z");
      }
    }
    model.addAttribute("asOf", asOf);
    boolean past = instant != null;
    return render(id(id), instant, TypedForm.NONE, null, model, exchange)
        .flatMap(view -> backend.access().record(exchange, past ? AccessAction.AS_OF_VIEW : AccessAction.VIEW, List.of(id), "agreement", "html")
            .thenReturn(view));
  }

  @GetMapping("/agreements/{id}/evidence.json")
  Mono<ResponseEntity<String>> evidence(@PathVariable String id, ServerWebExchange exchange) {
    AgreementId agreement = id(id);
    return user().flatMap(me -> {
      if (!me.auditor()) {
        return Mono.error(new ForbiddenPage("The evidence bundle is for auditors."));
      }
      return backend.evidence(agreement, exchange).map(bundle -> bundle.map(json -> ResponseEntity.ok()
              .contentType(MediaType.APPLICATION_JSON)
              .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"evidence-" + agreement.value() + ".json\"")
              .body(json))
          .orElseThrow(() -> new NotFoundPage("No agreement has the id " + id)));
    });
  }

  /**
   * Attaches a document from the page's multipart form. The framework parses the form (its CSRF
   * token is one of its fields); the file part then goes through the same door as the API's.
   */
  @PostMapping(path = "/agreements/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  Mono<String> attachDocument(@PathVariable String id, ServerWebExchange exchange, Model model) {
    AgreementId agreement = id(id);
    return exchange.getMultipartData().flatMap(parts -> CurrentActor.authentication().flatMap(user -> {
      Map<String, String> fields = new LinkedHashMap<>();
      for (String name : List.of("kind", "draftVersion")) {
        if (parts.getFirst(name) instanceof FormFieldPart field) {
          fields.put(name, field.value());
        }
      }
      TypedForm typedForm = new TypedForm("attach", fields);
      Mono<DocumentView> attached = parts.getFirst("file") instanceof FilePart file && !file.filename().isBlank()
          ? documents.attach(agreement, file, fields, user, exchange)
          : Mono.error(new Refusal.Invalid(Refusal.invalid("file", "is required: choose the file to attach")));
      return attached
          .map(d -> "redirect:/agreements/" + agreement.value() + "?done=attach#documents")
          .onErrorResume(e -> {
            Refusal refusal = e instanceof DocumentRefused d
                ? new Refusal(d.status(), d.title(), d.getMessage(), null, List.of(), "file")
                : Refusal.of(e);
            if (refusal == null) {
              return Mono.error(e);
            }
            exchange.getResponse().setStatusCode(refusal.status());
            return render(agreement, null, typedForm, refusal, model, exchange);
          });
    }));
  }

  @PostMapping("/agreements/{id}/actions/{action}")
  Mono<String> act(@PathVariable String id, @PathVariable String action, ServerWebExchange exchange, Model model) {
    AgreementId agreement = id(id);
    return exchange.getFormData().flatMap(form -> CurrentActor.authentication().flatMap(user -> {
      Map<String, String> typed = new LinkedHashMap<>();
      form.forEach((k, v) -> typed.put(k, String.join("\n", v)));
      typed.remove("_csrf");
      TypedForm typedForm = new TypedForm(action, typed);
      Mono<Object> command = "amend".equals(action)
          ? Mono.defer(() -> amendment(agreement, form, user))
          : Mono.fromCallable(() -> command(agreement, action, form, user));
      Long version = parseVersion(form.getFirst("version"));
      return command
          .flatMap(c -> backend.send(exchange, agreement, c, version))
          .map(summary -> "redirect:/agreements/" + agreement.value() + "?done=" + action + "#status")
          .onErrorResume(e -> {
            Refusal refusal = e instanceof Refused refused ? refused.refusal : Refusal.of(e);
            if (refusal == null) {
              return Mono.error(e);
            }
            if ("amend".equals(action)) {
              refusal = besideAmendmentField(refusal);
            }
            exchange.getResponse().setStatusCode(refusal.status());
            return render(agreement, null, typedForm, refusal, model, exchange);
          });
    }));
  }

  /** The domain command an action's form asks for, after the role checks the API's filter chain makes for its endpoints. */
  private Object command(AgreementId id, String action, MultiValueMap<String, String> form, Authentication user) {
    Form f = new Form(form);
    switch (action) {
      case "concur" -> {
        StakeholderOffice office = f.enumValue("office", StakeholderOffice.class);
        if (!Roles.concursFor(user, office)) {
          throw new Refused(new Refusal(HttpStatus.FORBIDDEN, "Not allowed",
              "A stakeholder concurs only for its own office; you are not STAKEHOLDER_" + office, null, List.of(), "office"));
        }
        return new RecordConcurrence(id, office, f.enumValue("decision", ConcurrenceDecision.class), f.integer("draftVersion"), f.text("comment"));
      }
      case "request-clearance" -> {
        requireRole(user, Roles.PROGRAM_OFFICE);
        return new RequestClearance(id);
      }
      case "clearance" -> {
        requireRole(user, Roles.IGP);
        return new DecideClearance(id, f.enumValue("decision", ClearanceDecision.class), f.text("comment"));
      }
      case "legal-review" -> {
        requireRole(user, Roles.STAKEHOLDER_ + StakeholderOffice.OPLA.name());
        return new CompleteLegalReview(id, "true".equals(f.required("legallySufficient")), f.text("comment"));
      }
      case "sign-ice" -> {
        SignatoryAuthority authority = f.enumValue("authority", SignatoryAuthority.class);
        if (!Roles.signsWith(user, authority)) {
          throw new Refused(new Refusal(HttpStatus.FORBIDDEN, "Not allowed",
              "A signatory signs only with an authority it holds; you are not SIGNATORY_" + authority, null, List.of(), "authority"));
        }
        return new SignAgreement(id, new SignatureRecord(PartyName.ICE, authority, f.required("signatoryName"),
            f.text("position"), f.date("signedOn")));
      }
      case "sign-party" -> {
        requireRole(user, Roles.PROGRAM_OFFICE);
        return new SignAgreement(id, new SignatureRecord(PartyName.of(f.required("party")), null, f.required("signatoryName"),
            f.text("position"), f.date("signedOn")));
      }
      case "review" -> {
        requireRole(user, Roles.PROGRAM_OFFICE);
        return new RecordBiennialReview(id, f.date("reviewedOn"), f.enumValue("outcome", ReviewOutcome.class),
            new ReviewFindings(f.checked("missionSupported"), f.checked("termsCompliant"), f.checked("partiesAdhere"),
                f.checked("trainingCurrent"), f.checked("contactsCurrent")),
            f.text("comment"));
      }
      case "terminate" -> {
        requireRole(user, Roles.PROGRAM_OFFICE);
        return new TerminateAgreement(id, f.required("reason"), f.optionalDate("noticeGivenOn"), f.date("effectiveOn"), f.checked("mutual"));
      }
      case "exigent" -> {
        requireRole(user, Roles.PROGRAM_OFFICE);
        return new RecordExigentTransfer(id, f.date("transferredOn"), f.enumValue("authorizedBy", ExigentAuthority.class),
            f.optionalEnum("laterMemorializationApprovedBy", ExigentAuthority.class));
      }
      case "dispute" -> {
        requireRole(user, Roles.PROGRAM_OFFICE);
        return new RaiseDispute(id, f.enumValue("level", DisputeLevel.class), f.required("summary"));
      }
      case "resolve" -> {
        requireRole(user, Roles.DIRECTOR);
        return new ResolveDispute(id, f.enumValue("decision", DisputeDecision.class), f.required("rationale"));
      }
      case "withdraw" -> {
        requireRole(user, Roles.PROGRAM_OFFICE);
        return new WithdrawAgreement(id, f.required("reason"));
      }
      default -> throw new NotFoundPage("No such action: " + action);
    }
  }

  /**
   * {@code AmendAgreement} from the amendment form: the form shows the current title,
   * categories, data profile and terms; a part the user changed is sent, an unchanged one is
   * left out (null), as the API's amendment body leaves it out. The points of contact are part of
   * the terms. Kind, directorate, parties and exemption are not amended, so they come from the
   * agreement as it stands.
   */
  private Mono<Object> amendment(AgreementId id, MultiValueMap<String, String> form, Authentication user) {
    requireRole(user, Roles.PROGRAM_OFFICE);
    return backend.state(id, null).map(found -> {
      AgreementFacts a = found.orElseThrow(() -> new NotFoundPage("No agreement has the id " + id.value() + "."));
      AgreementProfile current = a.profile();
      // The contacts are terms and the form shows them; a form without any (a script's, or a page
      // from before the form had them) keeps the agreement's rather than removing every one.
      boolean contactsSent = form.keySet().stream().anyMatch(k -> k.startsWith("poc"));
      MultiValueMap<String, String> whole = new org.springframework.util.LinkedMultiValueMap<>();
      DraftPage.values(current).forEach((k, v) -> {
        if (v != null && (notAmended(k) || (!contactsSent && k.startsWith("poc")))) {
          whole.add(k, v);
        }
      });
      form.forEach((k, v) -> {
        if (!notAmended(k)) {
          whole.put(k, v);
        }
      });
      AgreementProfile amended = DraftPage.profile(whole);
      AmendmentChanges changes = new AmendmentChanges(
          amended.title().equals(current.title()) ? null : amended.title(),
          new HashSet<>(amended.categories()).equals(new HashSet<>(current.categories())) ? null : amended.categories(),
          amended.dataProfile().equals(current.dataProfile()) ? null : amended.dataProfile(),
          java.util.Objects.equals(amended.terms(), current.terms()) ? null : amended.terms());
      Form f = new Form(form);
      return new AmendAgreement(id, changes, form.getOrDefault("consentedBy", List.of()), f.date("amendedOn"));
    });
  }

  /** Fields of the profile an amendment does not change: kind, directorate, parties and exemption. */
  private static boolean notAmended(String field) {
    return field.startsWith("party") || field.startsWith("exemption.") || field.equals("kind") || field.equals("owningDirectorate");
  }

  /** A refusal of an amendment beside the part of the form it concerns. */
  private static Refusal besideAmendmentField(Refusal r) {
    if (r.field() != null || r.code() == null) {
      return r;
    }
    String field = switch (r.code()) {
      case "CONSENT_MISSING" -> "consentedBy";
      case "SHARING_BLOCKED" -> "dataProfile";
      case "DATE_INVALID" -> "amendedOn";
      default -> null;
    };
    return field == null ? r : new Refusal(r.status(), r.title(), r.detail(), r.code(), r.rules(), field);
  }

  private static void requireRole(Authentication user, String role) {
    if (!Roles.has(user, role)) {
      throw new Refused(new Refusal(HttpStatus.FORBIDDEN, "Not allowed", "This action needs the role " + role + ".", null, List.of(), null));
    }
  }

  private Mono<String> render(AgreementId id, Instant asOf, TypedForm typed, Refusal refusal, Model model, ServerWebExchange exchange) {
    return user().flatMap(me -> backend.state(id, asOf, exchange, "agreement").flatMap(found -> {
      if (found.isEmpty()) {
        if (asOf != null) {
          return Mono.error(new NotFoundPage("The agreement did not exist yet at " + asOf + "."));
        }
        return Mono.error(new NotFoundPage("No agreement has the id " + id.value() + "."));
      }
      AgreementFacts a = found.get();
      model.addAttribute("a", a);
      model.addAttribute("handlingBanner", a.profile().banner());
      model.addAttribute("pageTitle", a.profile().title());
      model.addAttribute("exigentAuthorities", ExigentAuthority.values());
      model.addAttribute("disputeLevels", DisputeLevel.values());
      model.addAttribute("disputeDecisions", DisputeDecision.values());
      model.addAttribute("id", id.value());
      model.addAttribute("asOfInstant", asOf);
      model.addAttribute("typed", typed);
      model.addAttribute("refusal", refusal);
      model.addAttribute("done", exchange.getRequest().getQueryParams().getFirst("done"));
      model.addAttribute("today", backend.today().toString());
      model.addAttribute("progress", progress(a.status()));
      model.addAttribute("stakeholders", stakeholders(a));
      model.addAttribute("can", actions(a, me, asOf == null));
      model.addAttribute("myOffices", me.offices().stream().filter(o -> concursOn(a, o)).toList());
      model.addAttribute("parties", a.profile().parties().stream().map(p -> p.name()).toList());
      model.addAttribute("pendingAmendment", a.pendingAmendment().map(AgreementPage::pending).orElse(null));
      if (Boolean.TRUE.equals(((Map<?, ?>) model.getAttribute("can")).get("amend"))) {
        Map<String, String> values = typed.failed("amend") ? typed.values() : DraftPage.values(a.profile());
        model.addAttribute("amendValues", values);
        model.addAttribute("amendContactRows", DraftPage.rows(values.keySet(), "poc", DraftPage.CONTACTS));
        model.addAttribute("amendCategories", split(values.get("categories"), "[,\n]"));
        model.addAttribute("amendConsented", split(values.get("consentedBy"), "\n"));
        String field = typed.failed("amend") && refusal != null ? refusal.field() : null;
        model.addAttribute("amendRefusalAt", !typed.failed("amend") ? "none"
            : "marking".equals(field) || "dataProfile".equals(field) ? "dataProfile"
            : List.of("categories", "consentedBy", "amendedOn").contains(field) ? field : "top");
        model.addAttribute("flags", DraftPage.FLAGS);
        model.addAttribute("terms", DraftPage.TERMS);
        // The gate's fields are terms too: a form without them would amend them away.
        model.addAttribute("channels", java.util.Arrays.stream(gov.ice.registry.agreement.api.SharingChannel.values()).map(Enum::name)
            .toList());
        model.addAttribute("categories", java.util.Arrays.stream(InformationCategory.values()).map(Enum::name).toList());
        model.addAttribute("markings", java.util.Arrays.stream(Marking.values()).map(Enum::name).toList());
      }
      Mono<Optional<?>> verification = me.auditor() ? backend.verify(id).map(v -> (Optional<?>) v) : Mono.just(Optional.empty());
      Mono<List<HistoryLine>> history = me.seesHistory()
          ? backend.history(id).map(messages -> messages.stream().map(HistoryLine::of).toList())
          : Mono.just(List.of());
      Mono<List<ExistingAgreement>> existing = a.status() == AgreementStatus.DRAFT && asOf == null
          ? backend.overlapping(id, a.profile()).onErrorReturn(List.of())
          : Mono.just(List.of());
      Mono<List<DocumentView>> documents = backend.history(id).map(DocumentView::of)
          .flatMap(list -> asOf == null ? textStates.of(id.value(), list) : Mono.just(list));
      return Mono.zip(verification, history, existing, documents).map(t -> {
        model.addAttribute("verification", t.getT1().orElse(null));
        model.addAttribute("history", t.getT2());
        model.addAttribute("existing", t.getT3());
        model.addAttribute("documents", t.getT4());
        model.addAttribute("documentKinds", java.util.Arrays.stream(DocumentKind.values())
            .filter(k -> k.mayBeAttachedBy(me.roles())).toList());
        model.addAttribute("canAttach", asOf == null && java.util.Arrays.stream(DocumentKind.values()).anyMatch(k -> k.mayBeAttachedBy(me.roles())));
        // The text a concurrence now binds to: the latest draft text of the current version.
        model.addAttribute("draftText", a.draftTextOf(a.draftVersion()).flatMap(sha -> t.getT4().stream()
            .filter(d -> d.kind() == DocumentKind.DRAFT_TEXT && d.draftVersion() == a.draftVersion() && d.sha256().equals(sha))
            .findFirst()).orElse(null));
        return "agreement";
      });
    }));
  }

  private static Mono<PageUser> user() {
    return CurrentActor.authentication().map(PageUser::of);
  }

  /** Which action forms this user sees on this agreement now. The domain decides in the end; this only hides the hopeless. */
  private static Map<String, Boolean> actions(AgreementFacts a, PageUser me, boolean current) {
    AgreementStatus s = a.status();
    boolean po = current && me.programOffice();
    Map<String, Boolean> can = new LinkedHashMap<>();
    can.put("concur", current && (s == AgreementStatus.DRAFT || a.pendingAmendment().isPresent())
        && me.offices().stream().anyMatch(o -> concursOn(a, o)));
    can.put("requestClearance", po && s == AgreementStatus.DRAFT);
    can.put("revise", po && s == AgreementStatus.DRAFT);
    can.put("clearance", current && me.igp() && s == AgreementStatus.IN_CLEARANCE);
    can.put("legalReview", current && me.opla() && s == AgreementStatus.IN_CLEARANCE);
    can.put("signIce", current && !me.authorities().isEmpty() && s == AgreementStatus.CLEARED);
    can.put("signParty", po && s == AgreementStatus.CLEARED);
    can.put("review", po && s == AgreementStatus.ACTIVE);
    can.put("amend", po && s == AgreementStatus.ACTIVE && a.pendingAmendment().isEmpty());
    can.put("terminate", po && s == AgreementStatus.ACTIVE);
    can.put("exigent", po && BEFORE_EXECUTION.contains(s));
    can.put("dispute", po && s == AgreementStatus.DRAFT && !a.standingNonConcurrences().isEmpty());
    can.put("resolve", current && me.director() && a.openDispute().isPresent());
    can.put("withdraw", po && BEFORE_EXECUTION.contains(s));
    can.put("any", can.values().stream().anyMatch(Boolean::booleanValue));
    return can;
  }

  /** A draft's required stakeholders concur on it; while an amendment is pending, the stakeholders it newly requires. */
  private static boolean concursOn(AgreementFacts a, StakeholderOffice office) {
    return a.pendingAmendment()
        .map(p -> p.pendingStakeholders().stream().anyMatch(s -> s.office() == office))
        .orElseGet(() -> a.status() == AgreementStatus.DRAFT && a.requirementOf(office).isPresent());
  }

  private static java.util.Set<String> split(String joined, String separator) {
    return joined == null || joined.isEmpty() ? java.util.Set.of() : java.util.Arrays.stream(joined.split(separator))
        .filter(v -> !v.isEmpty()).collect(java.util.stream.Collectors.toSet());
  }

  private static PendingAmendment pending(AmendmentProposed p) {
    return new PendingAmendment(p.amendmentNumber(), p.draftVersion(), String.join(", ", p.consentedBy()), p.amendedOn().toString(),
        p.pendingStakeholders().stream().map(s -> new StakeholderLine(s.office().name(), StakeholderReasons.ids(s.rules()),
            StakeholderReasons.of(s.rules()), "Awaited", null, false, null)).toList());
  }

  private static List<Step> progress(AgreementStatus status) {
    int at = PATH.indexOf(status);
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < PATH.size(); i++) {
      steps.add(new Step(PATH.get(i).name(), at >= 0 && i < at, i == at));
    }
    if (at < 0) {
      steps.add(new Step(status.name(), false, true));
    }
    return steps;
  }

  private static List<StakeholderLine> stakeholders(AgreementFacts a) {
    Map<StakeholderOffice, Concurrence> given = a.concurrences();
    return a.requiredStakeholders().stream().map(required -> {
      Concurrence c = given.get(required.office());
      String decision = c == null ? "Awaited" : c.decision() == ConcurrenceDecision.CONCUR ? "Concurred" : "Did not concur";
      boolean stale = c != null && c.draftVersion() != a.draftVersion();
      return new StakeholderLine(required.office().name(), StakeholderReasons.ids(required.rules()), StakeholderReasons.of(required.rules()),
          decision, c == null ? null : c.draftVersion(), stale, c == null ? null : c.comment());
    }).toList();
  }

  private static AgreementId id(String id) {
    try {
      return AgreementId.of(id);
    } catch (RuntimeException e) {
      throw new NotFoundPage("No agreement has the id " + id + ".");
    }
  }

  private static Long parseVersion(String version) {
    try {
      return version == null || version.isBlank() ? null : Long.parseLong(version);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** An amendment every party consented to that awaits the stakeholders it newly requires. */
  public record PendingAmendment(int number, int draftVersion, String consentedBy, String amendedOn, List<StakeholderLine> stakeholders) {}

  /** One step of the lifecycle's main path; {@code current} is where the agreement is. */
  public record Step(String name, boolean done, boolean current) {}

  /** A required stakeholder with why it is required and where its concurrence stands. */
  public record StakeholderLine(String office, String rules, String reason, String decision, Integer draftVersion, boolean stale, String comment) {}

  /** One ledger entry as the timeline shows it. */
  public record HistoryLine(long sequence, String type, Instant at, String username, String displayName, String roles,
      Integer draftVersion, String hash, String previousHash) {

    static HistoryLine of(DomainEventMessage<?> message) {
      Actor actor = Actor.fromMetadata(message.getMetaData());
      Object hash = message.getMetaData().get("ledger.hash");
      Object previous = message.getMetaData().get("ledger.previousHash");
      return new HistoryLine(message.getSequenceNumber(), message.getPayloadType().getSimpleName(), message.getTimestamp(),
          actor == null ? null : actor.username(), actor == null ? null : actor.displayName(),
          actor == null ? "" : gov.ice.registry.projection.export.Labels.all(gov.ice.registry.projection.export.Labels.Kind.ROLE, actor.roles(), ", "), draftVersionOf(message.getPayload()),
          hash == null ? null : hash.toString(), previous == null ? null : previous.toString());
    }

    private static Integer draftVersionOf(Object payload) {
      if (payload == null || !payload.getClass().isRecord()) {
        return null;
      }
      for (RecordComponent component : payload.getClass().getRecordComponents()) {
        if (component.getName().equals("draftVersion")) {
          try {
            return (Integer) component.getAccessor().invoke(payload);
          } catch (ReflectiveOperationException | ClassCastException e) {
            return null;
          }
        }
      }
      return null;
    }
  }

  /** A form's values, each problem a refusal naming its field. */
  static final class Form {
    private final MultiValueMap<String, String> values;

    Form(MultiValueMap<String, String> values) {
      this.values = values;
    }

    String text(String field) {
      String v = values.getFirst(field);
      return v == null || v.isBlank() ? null : v.trim();
    }

    String required(String field) {
      String v = text(field);
      if (v == null) {
        throw new Refused(Refusal.invalid(field, "is required"));
      }
      return v;
    }

    boolean checked(String field) {
      return "true".equals(values.getFirst(field)) || "on".equals(values.getFirst(field));
    }

    int integer(String field) {
      try {
        return Integer.parseInt(required(field));
      } catch (NumberFormatException e) {
        throw new Refused(Refusal.invalid(field, "must be a whole number"));
      }
    }

    LocalDate date(String field) {
      try {
        return LocalDate.parse(required(field));
      } catch (DateTimeParseException e) {
        throw new Refused(Refusal.invalid(field, "must be a date (YYYY-MM-DD)"));
      }
    }

    LocalDate optionalDate(String field) {
      return text(field) == null ? null : date(field);
    }

    <E extends Enum<E>> E enumValue(String field, Class<E> type) {
      try {
        return Enum.valueOf(type, required(field));
      } catch (IllegalArgumentException e) {
        throw new Refused(Refusal.invalid(field, "is not one of the choices"));
      }
    }

    <E extends Enum<E>> E optionalEnum(String field, Class<E> type) {
      return text(field) == null ? null : enumValue(field, type);
    }
  }

  /** A form refused before any command was sent. */
  static final class Refused extends RuntimeException {
    final transient Refusal refusal;

    Refused(Refusal refusal) {
      super(refusal.detail(), null, false, false);
      this.refusal = refusal;
    }
  }
}
