package gov.ice.registry.projection;

import gov.ice.registry.agreement.api.Actor;
import gov.ice.registry.agreement.api.AgreementCleared;
import gov.ice.registry.agreement.api.AgreementDrafted;
import gov.ice.registry.agreement.api.AgreementEvent;
import gov.ice.registry.agreement.api.AgreementExecuted;
import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.AgreementKind;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.AgreementSigned;
import gov.ice.registry.agreement.BiennialReview;
import gov.ice.registry.agreement.api.ClearanceGranted;
import gov.ice.registry.agreement.api.ClearanceRequested;
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
import gov.ice.registry.agreement.api.StakeholderConcurred;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.agreement.api.Terms;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

/** Builders of agreements' events as the ledger holds them: in order, with sequence, time and actor. */
public final class AgreementFixtures {

  public static final Actor PROGRAM = new Actor("pat", "Pat Program", List.of("PROGRAM_OFFICE"));
  public static final Actor IGP = new Actor("ivy", "Ivy Governance", List.of("IGP", "STAKEHOLDER_IGP"));
  public static final Actor PRIVACY = new Actor("pia", "Pia Privacy", List.of("STAKEHOLDER_IGP_PRIVACY"));
  public static final Actor SIGNATORY = new Actor("sam", "Sam Signatory", List.of("SIGNATORY_HSI_EAD"));
  public static final Actor DIRECTOR = new Actor("dee", "Dee Director", List.of("DIRECTOR"));

  private AgreementFixtures() {}

  public static DataProfile data(boolean pii) {
    return new DataProfile(pii, false, Marking.NONE, false, false, false, false, false, false, false, null,
        false, false, false, false, false, false);
  }

  public static Terms terms(String purpose, LocalDate effective, LocalDate termination) {
    return new Terms(purpose, "aligned", null, "6 U.S.C. 101", "needs", "requirements", null, "data", "duties",
        "systems", List.of(), "safeguards", "retention", "markings", "dissemination", "audit", effective, termination,
        30, "security", "disposition");
  }

  public static Party party(String name, PartyKind kind, String country) {
    return new Party(name, kind, country, false);
  }

  public static AgreementProfile profile(String title, AgreementKind kind, Directorate directorate, List<Party> parties,
      List<InformationCategory> categories, boolean pii, String purpose, LocalDate effective, LocalDate termination) {
    return new AgreementProfile(title, kind, directorate, parties, categories, data(pii),
        terms(purpose, effective, termination), null);
  }

  public static List<RequiredStakeholder> stakeholders() {
    return List.of(new RequiredStakeholder(StakeholderOffice.IGP, List.of("S1")));
  }

  /** One agreement's events, numbered from 0, one minute apart from {@code start}. */
  public static final class Story {

    private final AgreementId id;
    private final List<DomainEventMessage<?>> messages = new ArrayList<>();
    private Instant at;

    private Story(AgreementId id, Instant start) {
      this.id = id;
      this.at = start;
    }

    public AgreementId id() {
      return id;
    }

    public Story then(Actor actor, AgreementEvent event) {
      messages.add(new GenericDomainEventMessage<>("Agreement", id.value(), messages.size(), event,
          actor.asMetadata(), UUID.randomUUID().toString(), at));
      at = at.plusSeconds(60);
      return this;
    }

    public Story at(Instant instant) {
      this.at = instant;
      return this;
    }

    public List<DomainEventMessage<?>> messages() {
      return List.copyOf(messages);
    }
  }

  public static Story story(String id, Instant start) {
    return new Story(AgreementId.of(id), start);
  }

  public static Story drafted(String id, Instant start, AgreementProfile profile) {
    return story(id, start).then(PROGRAM, new AgreementDrafted(AgreementId.of(id), 1, profile, Scope.IN_SCOPE, stakeholders()));
  }

  /** Drafted, concurred, cleared, signed by ICE and every party, and executed on {@code executedOn}. */
  public static Story active(String id, Instant start, AgreementProfile profile, LocalDate executedOn) {
    AgreementId agreement = AgreementId.of(id);
    Story story = drafted(id, start, profile)
        .then(IGP, new StakeholderConcurred(agreement, StakeholderOffice.IGP, 1, "fine", List.of("S1")))
        .then(PROGRAM, new ClearanceRequested(agreement, 1))
        .then(IGP, new ClearanceGranted(agreement, 1, "cleared"))
        .then(IGP, new AgreementCleared(agreement, 1, List.of()))
        .then(SIGNATORY, new AgreementSigned(agreement, 1,
            new SignatureRecord(SignatureRecord.ICE, SignatoryAuthority.HSI_EAD, "Sam Signatory", "EAD", executedOn), List.of()));
    for (Party p : profile.parties()) {
      story.then(PROGRAM, new AgreementSigned(agreement, 1,
          new SignatureRecord(p.name(), null, "Their Signer", "Director", executedOn), List.of()));
    }
    LocalDate effective = profile.terms().effectiveDate() == null ? executedOn : profile.terms().effectiveDate();
    return story.then(PROGRAM, new AgreementExecuted(agreement, 1, executedOn, effective, BiennialReview.dueAfter(effective)));
  }
}
