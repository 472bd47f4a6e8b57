package gov.ice.registry.web.pages;

import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.AgreementKind;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.AgreementFacts;
import gov.ice.registry.agreement.api.DataProfile;
import gov.ice.registry.agreement.api.Directorate;
import gov.ice.registry.agreement.api.DraftAgreement;
import gov.ice.registry.agreement.api.Exemption;
import gov.ice.registry.agreement.api.InformationCategory;
import gov.ice.registry.agreement.api.Marking;
import gov.ice.registry.agreement.api.Party;
import gov.ice.registry.agreement.api.PartyIdentifier;
import gov.ice.registry.agreement.api.SharingChannel;
import gov.ice.registry.agreement.api.PartyKind;
import gov.ice.registry.agreement.api.PointOfContact;
import gov.ice.registry.agreement.api.ReviseDraft;
import gov.ice.registry.agreement.api.Terms;
import gov.ice.registry.security.CurrentActor;
import gov.ice.registry.security.Roles;
import gov.ice.registry.web.pages.AgreementPage.Form;
import gov.ice.registry.web.pages.AgreementPage.Refused;
import gov.ice.registry.web.pages.PageErrors.ForbiddenPage;
import gov.ice.registry.web.pages.PageErrors.NotFoundPage;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code /agreements/new} and {@code /agreements/{id}/draft}: one form over the whole profile
 * (parties, categories, the data profile, every baseline element of the terms, points of
 * contact, an exemption) for a program office to draft or revise. The aggregate decides scope and
 * stakeholders; the agreement's page shows them, with the rules, right after.
 */
@Controller
class DraftPage {

  /** Empty rows a new draft offers; a revision or amendment shows every row the agreement has, and one more. */
  static final int PARTIES = 3;
  static final int CONTACTS = 2;
  /** A form names rows by index; more than this many is not a form this page rendered. */
  private static final int MAX_ROWS = 100;

  /** The data profile's yes/no questions, in the order of the record, with the words the form shows. */
  static final Map<String, String> FLAGS = linked(
      "pii", "Personally identifiable information (PII)",
      "sensitivePii", "Sensitive PII",
      "intelligenceCommunityInformation", "Intelligence Community information",
      "leisService", "Under the Law Enforcement Information Sharing Service",
      "chis", "Criminal History Information Sharing",
      "securityRelated", "Security information",
      "protectedClasses", "Protected classes or constitutionally protected activity",
      "section1367", "Section 1367 protected data",
      "protectedApplications", "Protected applications (T, U, VAWA, asylum...)",
      "bulkTransfer", "Bulk transfer",
      "newPurpose", "A new purpose",
      "itInterconnection", "An IT interconnection or new technical solution",
      "novelLegalIssue", "A novel legal issue",
      "receiptOnly", "ICE only receives information",
      "multipleDhsComponents", "Several DHS components are parties");

  /** The terms' text fields: the baseline elements (BASELINE_1-5). */
  static final Map<String, String> TERMS = linked(
      "purpose", "Purpose (BASELINE_1)",
      "useAlignment", "Use alignment with the original collection",
      "routineUse", "Routine use (optional)",
      "authorities", "Legal authorities",
      "missionNeeds", "Mission needs",
      "sharingRequirements", "Sharing requirements",
      "thirdPartyConstraints", "Third-party constraints (optional)",
      "dataDescription", "Description of the data",
      "responsibilities", "Responsibilities",
      "systems", "Systems",
      "safeguards", "Safeguards",
      "retention", "Retention",
      "classificationMarkings", "Classification markings",
      "dissemination", "Dissemination",
      "auditReporting", "Audit and reporting",
      "informationSecurity", "Information security",
      "disposition", "Disposition");

  private final PageBackend backend;

  DraftPage(PageBackend backend) {
    this.backend = backend;
  }

  @GetMapping("/agreements/new")
  Mono<String> form(Model model) {
    return programOffice().map(me -> show(model, null, Map.of("marking", "NONE"), null));
  }

  @GetMapping("/agreements/{id}/draft")
  Mono<String> revise(@PathVariable String id, Model model, ServerWebExchange exchange) {
    AgreementId agreement = AgreementId.of(id);
    return programOffice().flatMap(me -> backend.state(agreement, null, exchange, "draft")).flatMap(state -> {
      AgreementFacts a = state.orElseThrow(() -> new NotFoundPage("No agreement has the id " + id + "."));
      String view = show(model, a, values(a.profile()), null);
      return backend.access().record(exchange, gov.ice.registry.web.access.AccessAction.VIEW, java.util.List.of(id), "draft", "html")
          .thenReturn(view);
    });
  }

  @PostMapping("/agreements/new")
  Mono<String> draft(ServerWebExchange exchange, Model model) {
    return submit(exchange, model, null);
  }

  @PostMapping("/agreements/{id}/draft")
  Mono<String> submitRevision(@PathVariable String id, ServerWebExchange exchange, Model model) {
    return submit(exchange, model, AgreementId.of(id));
  }

  private Mono<String> submit(ServerWebExchange exchange, Model model, AgreementId existing) {
    return programOffice().flatMap(me -> exchange.getFormData()).flatMap(form -> {
      Map<String, String> typed = new LinkedHashMap<>();
      form.forEach((k, v) -> typed.put(k, String.join(",", v)));
      typed.remove("_csrf");
      typed.remove("preview");
      Mono<AgreementFacts> current = existing == null ? Mono.empty()
          : backend.state(existing, null).flatMap(s -> Mono.justOrEmpty(s));
      return current.map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()).flatMap(state -> {
        AgreementProfile profile;
        try {
          profile = profile(form);
        } catch (Refused refused) {
          exchange.getResponse().setStatusCode(refused.refusal.status());
          return Mono.just(show(model, state.orElse(null), typed, refused.refusal));
        }
        if (form.containsKey("preview")) {
          return backend.preview(profile)
              .map(decided -> {
                model.addAttribute("preview", new Preview(decided.scope().name(), decided.requiredStakeholders().stream()
                    .map(r -> new PreviewLine(r.office().name(), StakeholderReasons.ids(r.rules()), StakeholderReasons.of(r.rules())))
                    .toList()));
                return show(model, state.orElse(null), typed, null);
              })
              .onErrorResume(e -> {
                Refusal refusal = Refusal.of(e);
                if (refusal == null) {
                  return Mono.error(e);
                }
                exchange.getResponse().setStatusCode(refusal.status());
                return Mono.just(show(model, state.orElse(null), typed, refusal));
              });
        }
        AgreementId id = existing != null ? existing : AgreementId.of(UUID.randomUUID().toString());
        Object command = existing != null ? new ReviseDraft(id, profile) : new DraftAgreement(id, profile);
        Long version = existing != null && form.getFirst("version") != null ? Long.valueOf(form.getFirst("version")) : null;
        return backend.send(exchange, id, command, version)
            .map(summary -> "redirect:/agreements/" + summary.id() + "?done=" + (existing != null ? "revise" : "draft"))
            .onErrorResume(e -> {
              Refusal refusal = Refusal.of(e);
              if (refusal == null) {
                return Mono.error(e);
              }
              exchange.getResponse().setStatusCode(refusal.status());
              return Mono.just(show(model, state.orElse(null), typed, refusal));
            });
      });
    });
  }

  private String show(Model model, AgreementFacts existing, Map<String, String> values, Refusal refusal) {
    model.addAttribute("existing", existing);
    model.addAttribute("pageTitle", existing == null ? "New agreement" : "Revise the draft");
    model.addAttribute("values", values);
    model.addAttribute("refusal", refusal);
    model.addAttribute("flags", FLAGS);
    model.addAttribute("terms", TERMS);
    model.addAttribute("partyRows", rows(values.keySet(), "party", PARTIES));
    model.addAttribute("contactRows", rows(values.keySet(), "poc", CONTACTS));
    model.addAttribute("kinds", names(AgreementKind.values()));
    model.addAttribute("directorates", names(Directorate.values()));
    model.addAttribute("partyKinds", names(PartyKind.values()));
    model.addAttribute("categories", names(InformationCategory.values()));
    model.addAttribute("markings", names(Marking.values()));
    model.addAttribute("channels", names(SharingChannel.values()));
    return "draft";
  }

  static AgreementProfile profile(MultiValueMap<String, String> values) {
    Form f = new Form(values);
    List<Party> parties = new ArrayList<>();
    for (int i : indices(values.keySet(), "party")) {
      String name = f.text("party" + i + ".name");
      if (name == null) {
        continue;
      }
      String scheme = f.text("party" + i + ".identifierScheme");
      String identifier = f.text("party" + i + ".identifierValue");
      if ((scheme == null) != (identifier == null)) {
        throw new Refused(Refusal.invalid("party" + i + (scheme == null ? ".identifierScheme" : ".identifierValue"),
            "is required with the other half of the identifier"));
      }
      parties.add(new Party(name, f.enumValue("party" + i + ".kind", PartyKind.class), f.text("party" + i + ".country"),
          f.checked("party" + i + ".intelligenceCommunity"), scheme == null ? null : new PartyIdentifier(scheme, identifier)));
    }
    if (parties.isEmpty()) {
      throw new Refused(Refusal.invalid("party0.name", "is required: an agreement has at least one party besides ICE"));
    }
    List<InformationCategory> categories = values.getOrDefault("categories", List.of()).stream()
        .map(c -> {
          try {
            return InformationCategory.valueOf(c);
          } catch (IllegalArgumentException e) {
            throw new Refused(Refusal.invalid("categories", "is not one of the choices"));
          }
        }).toList();
    if (categories.isEmpty()) {
      throw new Refused(Refusal.invalid("categories", "needs at least one information category"));
    }
    Boolean[] flags = FLAGS.keySet().stream().map(f::checked).toArray(Boolean[]::new);
    DataProfile data = new DataProfile(flags[0], flags[1], f.enumValue("marking", Marking.class), flags[2], flags[3], flags[4],
        flags[5], flags[6], flags[7], flags[8], f.text("exceptionCitation"), flags[9], flags[10], flags[11], flags[12], flags[13], flags[14]);
    List<PointOfContact> contacts = new ArrayList<>();
    for (int i : indices(values.keySet(), "poc")) {
      String name = f.text("poc" + i + ".name");
      if (name != null) {
        contacts.add(new PointOfContact(name, f.text("poc" + i + ".title"), f.text("poc" + i + ".organization"),
            f.text("poc" + i + ".email"), f.text("poc" + i + ".phone"), f.text("poc" + i + ".party")));
      }
    }
    Integer noticeDays = f.text("terminationNoticeDays") == null ? null : f.integer("terminationNoticeDays");
    Terms terms = new Terms(f.text("purpose"), f.text("useAlignment"), f.text("routineUse"), f.text("authorities"),
        f.text("missionNeeds"), f.text("sharingRequirements"), f.text("thirdPartyConstraints"), f.text("dataDescription"),
        f.text("responsibilities"), f.text("systems"), contacts, f.text("safeguards"), f.text("retention"),
        f.text("classificationMarkings"), f.text("dissemination"), f.text("auditReporting"), f.optionalDate("effectiveDate"),
        f.optionalDate("terminationDate"), noticeDays, f.text("informationSecurity"), f.text("disposition"), purposeCodes(f),
        channels(values));
    Exemption exemption = f.text("exemption.number") == null ? null : Exemption.of(f.integer("exemption.number"),
        f.text("exemption.reason"), f.text("exemption.approvedBy"), f.text("exemption.parentAgreementId"));
    return new AgreementProfile(f.required("title"), f.enumValue("kind", AgreementKind.class),
        f.enumValue("owningDirectorate", Directorate.class), parties, categories, data, terms, exemption);
  }

  /** Comma-separated purpose codes; none given means the terms do not say (null), as in the JSON API. */
  private static List<String> purposeCodes(Form f) {
    String text = f.text("permittedPurposes");
    if (text == null) {
      return null;
    }
    List<String> codes = java.util.Arrays.stream(text.split(",")).map(String::trim).filter(c -> !c.isEmpty()).distinct().toList();
    for (String code : codes) {
      if (!code.matches("[A-Z][A-Z0-9_]{1,63}")) {
        throw new Refused(Refusal.invalid("permittedPurposes", "must be codes of capital letters, digits and _, comma-separated"));
      }
    }
    return codes.isEmpty() ? null : codes;
  }

  private static List<SharingChannel> channels(MultiValueMap<String, String> values) {
    List<String> chosen = values.getOrDefault("channels", List.of());
    if (chosen.isEmpty()) {
      return null;
    }
    try {
      return chosen.stream().map(SharingChannel::valueOf).distinct().toList();
    } catch (IllegalArgumentException e) {
      throw new Refused(Refusal.invalid("channels", "is not one of the choices"));
    }
  }

  /** The form's values for an existing profile: what a revision starts from. */
  static Map<String, String> values(AgreementProfile p) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("title", p.title());
    v.put("kind", String.valueOf(p.kind()));
    v.put("owningDirectorate", String.valueOf(p.owningDirectorate()));
    // Every row, never only the first few: a revision or amendment sends them all back, so a row left out would be dropped.
    for (int i = 0; i < p.parties().size(); i++) {
      Party party = p.parties().get(i);
      v.put("party" + i + ".name", party.name());
      v.put("party" + i + ".kind", String.valueOf(party.kind()));
      v.put("party" + i + ".country", party.country());
      v.put("party" + i + ".intelligenceCommunity", party.intelligenceCommunity() ? "true" : null);
      if (party.identifier() != null) {
        v.put("party" + i + ".identifierScheme", party.identifier().scheme());
        v.put("party" + i + ".identifierValue", party.identifier().value());
      }
    }
    v.put("categories", String.join(",", p.categories().stream().map(Enum::name).toList()));
    copyRecord(p.dataProfile(), v);
    v.put("marking", String.valueOf(p.dataProfile().marking()));
    copyRecord(p.terms(), v);
    if (p.terms().permittedPurposes() != null) {
      v.put("permittedPurposes", String.join(",", p.terms().permittedPurposes()));
    }
    if (p.terms().channels() != null) {
      v.put("channels", String.join(",", p.terms().channels().stream().map(Enum::name).toList()));
    }
    for (int i = 0; i < p.terms().pointsOfContact().size(); i++) {
      PointOfContact c = p.terms().pointsOfContact().get(i);
      v.put("poc" + i + ".name", c.name());
      v.put("poc" + i + ".title", c.title());
      v.put("poc" + i + ".organization", c.organization());
      v.put("poc" + i + ".email", c.email());
      v.put("poc" + i + ".phone", c.phone());
      v.put("poc" + i + ".party", c.party());
    }
    if (p.exemption() != null) {
      v.put("exemption.number", Integer.toString(p.exemption().number().value()));
      v.put("exemption.reason", p.exemption().reason());
      v.put("exemption.approvedBy", p.exemption().approvedBy() == null ? null : p.exemption().approvedBy().value());
      v.put("exemption.parentAgreementId", p.exemption().parentAgreementId());
    }
    return v;
  }

  /** Strings, dates, numbers and yes/no answers of a record, by component name ({@code true} as "true", {@code false} left out). */
  /** The row indices a form's fields name ({@code party3.name}: 3), in order. */
  static List<Integer> indices(Collection<String> fields, String row) {
    SortedSet<Integer> found = new TreeSet<>();
    for (String field : fields) {
      Matcher m = rowField(row).matcher(field);
      if (m.matches()) {
        if (m.group(1).length() > 2) {
          throw new Refused(Refusal.invalid(field, "is not a field of this form (at most " + MAX_ROWS + " rows)"));
        }
        found.add(Integer.parseInt(m.group(1)));
      }
    }
    return List.copyOf(found);
  }

  /** The rows to render: every row the values name, one empty row more, and at least the given count. */
  static List<Integer> rows(Collection<String> fields, String row, int atLeast) {
    int highest = -1;
    for (String field : fields) {
      Matcher m = rowField(row).matcher(field);
      if (m.matches() && m.group(1).length() <= 2) {
        highest = Math.max(highest, Integer.parseInt(m.group(1)));
      }
    }
    return IntStream.range(0, Math.max(atLeast, highest + 2)).boxed().toList();
  }

  private static Pattern rowField(String row) {
    return Pattern.compile(Pattern.quote(row) + "(\\d+)\\..+");
  }

  private static void copyRecord(Record record, Map<String, String> into) {
    if (record == null) {
      return;
    }
    for (RecordComponent c : record.getClass().getRecordComponents()) {
      try {
        Object value = c.getAccessor().invoke(record);
        if (value instanceof Boolean b) {
          into.put(c.getName(), b ? "true" : null);
        } else if (value != null && !(value instanceof List<?>)) {
          into.put(c.getName(), value.toString());
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** The stakeholders a profile would require, shown before it is submitted. */
  public record Preview(String scope, List<PreviewLine> stakeholders) {}

  /** One office the profile would require, the rules behind it and why in plain words. */
  public record PreviewLine(String office, String rules, String reason) {}

  private static Mono<PageUser> programOffice() {
    return CurrentActor.authentication().map(PageUser::of).map(me -> {
      if (!me.has(Roles.PROGRAM_OFFICE)) {
        throw new ForbiddenPage("Drafting is for program offices.");
      }
      return me;
    });
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }

  private static Map<String, String> linked(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
