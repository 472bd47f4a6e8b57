package gov.ice.registry.agreement;

import gov.ice.registry.agreement.api.Actor;
import gov.ice.registry.agreement.api.AgreementCleared;
import gov.ice.registry.agreement.api.AgreementDirectory;
import gov.ice.registry.agreement.api.AgreementDrafted;
import gov.ice.registry.agreement.api.AgreementEvent;
import gov.ice.registry.agreement.api.AgreementExecuted;
import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.AgreementKind;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.AgreementSigned;
import gov.ice.registry.agreement.api.AmendAgreement;
import gov.ice.registry.agreement.api.ClearanceGranted;
import gov.ice.registry.agreement.api.ClearanceRequested;
import gov.ice.registry.agreement.api.CompleteLegalReview;
import gov.ice.registry.agreement.api.DataProfile;
import gov.ice.registry.agreement.api.DecideClearance;
import gov.ice.registry.agreement.api.Directorate;
import gov.ice.registry.agreement.api.DraftAgreement;
import gov.ice.registry.agreement.api.ErasePersonalData;
import gov.ice.registry.agreement.api.Exemption;
import gov.ice.registry.agreement.api.ExpireAgreement;
import gov.ice.registry.agreement.api.ImportExecutedAgreement;
import gov.ice.registry.agreement.api.InformationCategory;
import gov.ice.registry.agreement.api.IssueExigentDeadlineNotice;
import gov.ice.registry.agreement.api.IssueReviewDueNotice;
import gov.ice.registry.agreement.api.Marking;
import gov.ice.registry.agreement.api.Party;
import gov.ice.registry.agreement.api.PartyKind;
import gov.ice.registry.agreement.api.PartyName;
import gov.ice.registry.agreement.api.PointOfContact;
import gov.ice.registry.agreement.api.RaiseDispute;
import gov.ice.registry.agreement.api.RecordBiennialReview;
import gov.ice.registry.agreement.api.RecordConcurrence;
import gov.ice.registry.agreement.api.RecordExigentTransfer;
import gov.ice.registry.agreement.api.RequestClearance;
import gov.ice.registry.agreement.api.RequiredStakeholder;
import gov.ice.registry.agreement.api.ResolveDispute;
import gov.ice.registry.agreement.api.ReviseDraft;
import gov.ice.registry.agreement.api.RuleId;
import gov.ice.registry.agreement.api.Scope;
import gov.ice.registry.agreement.api.SignAgreement;
import gov.ice.registry.agreement.api.SignatoryAuthority;
import gov.ice.registry.agreement.api.SignatureRecord;
import gov.ice.registry.agreement.api.StakeholderConcurred;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.agreement.api.TerminateAgreement;
import gov.ice.registry.agreement.api.Terms;
import gov.ice.registry.agreement.api.WithdrawAgreement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

/**
 * The one set of shared test data, for the domain's tests and (as registry-core's test jar) the
 * read side's: a complete, valid, in-scope agreement (an HSI MOU with the Texas Department of
 * Public Safety sharing CUI-marked PII for law enforcement), and copy helpers to vary one part of
 * it, since records have no withers. Tests state only what differs from this agreement.
 *
 * <p>{@link #history} turns the commands that take an agreement to a stage into the events of
 * that stage, decided by the stages' own classes (no command bus, no ledger), so a test of a
 * late stage starts from {@code given(events)} and exercises only the step it is about.
 *
 * <p>{@link Story} and the builders beside it give the read side's tests events as the ledger
 * holds them: in order, with sequence, time and the actor's metadata.
 */
public final class AgreementFixtures {

  public static final String STATE_PARTY_NAME = "Texas Department of Public Safety";

  private AgreementFixtures() {}

  /** The events {@code commands} decide in order, from no agreement, as the stages decide them. */
  static List<AgreementEvent> history(List<?> commands, AgreementDirectory directory, LocalDate today) {
    AgreementState state = AgreementState.none();
    List<AgreementEvent> events = new ArrayList<>();
    for (Object command : commands) {
      Decided decided = decide(state, command, directory, today);
      events.addAll(decided.events());
      state = decided.state();
    }
    return List.copyOf(events);
  }

  private static Decided decide(AgreementState s, Object command, AgreementDirectory directory, LocalDate today) {
    if (command instanceof DraftAgreement c) {
      return Drafting.draft(c, directory);
    } else if (command instanceof ImportExecutedAgreement c) {
      return Signing.importExecuted(c, directory, today);
    } else if (command instanceof ReviseDraft c) {
      return Drafting.revise(s, c, directory);
    } else if (command instanceof WithdrawAgreement c) {
      return Drafting.withdraw(s, c);
    } else if (command instanceof RecordConcurrence c) {
      return ConcurrenceAndDisputes.record(s, c, directory);
    } else if (command instanceof RaiseDispute c) {
      return ConcurrenceAndDisputes.raise(s, c);
    } else if (command instanceof ResolveDispute c) {
      return ConcurrenceAndDisputes.resolve(s, c);
    } else if (command instanceof RequestClearance c) {
      return Clearance.request(s, c);
    } else if (command instanceof DecideClearance c) {
      return Clearance.decide(s, c);
    } else if (command instanceof CompleteLegalReview c) {
      return Clearance.completeLegalReview(s, c);
    } else if (command instanceof SignAgreement c) {
      return Signing.sign(s, c, today);
    } else if (command instanceof RecordBiennialReview c) {
      return Maintenance.review(s, c, today);
    } else if (command instanceof AmendAgreement c) {
      return Maintenance.amend(s, c, directory, today);
    } else if (command instanceof TerminateAgreement c) {
      return Maintenance.terminate(s, c, today);
    } else if (command instanceof ExpireAgreement c) {
      return Maintenance.expire(s, c);
    } else if (command instanceof ErasePersonalData c) {
      return Maintenance.erasePersonalData(s, c);
    } else if (command instanceof RecordExigentTransfer c) {
      return ExigentTransfers.record(s, c, today);
    } else if (command instanceof IssueReviewDueNotice c) {
      return Notices.reviewDue(s, c);
    } else if (command instanceof IssueExigentDeadlineNotice c) {
      return Notices.exigentDeadlineMissed(s, c);
    } else if (command instanceof gov.ice.registry.agreement.api.AttachDocument c) {
      return Documents.attach(s, c);
    } else if (command instanceof gov.ice.registry.agreement.api.WithdrawDocumentContent c) {
      return Documents.withdrawContent(s, c);
    } else if (command instanceof gov.ice.registry.agreement.api.MarkHandling c) {
      return HandlingMarkings.mark(s, c);
    } else if (command instanceof gov.ice.registry.agreement.api.IssueReminder c) {
      return Notices.reminder(s, c);
    }
    throw new IllegalArgumentException("no stage decides " + command.getClass().getSimpleName());
  }

  public static AgreementId agreementId() {
    return AgreementId.of("agr-1");
  }

  public static AgreementProfile profile() {
    return new AgreementProfile(
        "Sharing of ICE law enforcement information with the Texas Department of Public Safety",
        AgreementKind.MOU,
        Directorate.HSI,
        List.of(stateParty()),
        List.of(InformationCategory.LAW_ENFORCEMENT),
        dataProfile(),
        terms(),
        null);
  }

  /** {@link #profile()} with its data profile changed, for example {@code profileWith(d -> d.sensitivePii(true))}. */
  public static AgreementProfile profileWith(UnaryOperator<DataProfileBuilder> changes) {
    return withDataProfile(profile(), dataProfile(changes));
  }

  /** PII marked CUI, nothing else: it requires S1 to S4 and no blocking rule applies. */
  public static DataProfile dataProfile() {
    return new DataProfile(
        true, false, Marking.CUI, false, false, false, false, false, false, false, null, false, false, false, false, false, false);
  }

  public static DataProfile dataProfile(UnaryOperator<DataProfileBuilder> changes) {
    return changes.apply(new DataProfileBuilder(dataProfile())).build();
  }

  /** Terms holding every element of the standard baseline and the optional refinements too. */
  public static Terms terms() {
    return new Terms(
        "Help the Texas Department of Public Safety identify removable aliens in its custody before release.",
        "ICE collected the information to enforce criminal and immigration law; the partner uses it for the same purpose.",
        "The routine use of the system of records notice that permits sharing with state law enforcement.",
        "8 U.S.C. 1103 and 1357; 6 U.S.C. 482.",
        "Identify removable aliens in state custody before their release.",
        "ICE answers one request at a time with the identity and immigration status of its subject.",
        "The partner shares nothing further without ICE's written consent.",
        "Name, date of birth, alien registration number, immigration status and criminal history of each subject.",
        "HSI answers requests within one business day; the partner limits access to vetted personnel.",
        "The ICE Law Enforcement Support Center, queried over Nlets.",
        List.of(pointOfContact()),
        "Access is logged and limited to a need to know; data is encrypted in transit and at rest.",
        "Kept no longer than 90 days, under the approved records schedule.",
        "Every record is marked CUI.",
        "Within the Texas Department of Public Safety only, to personnel with a need to know.",
        "Queries are audited quarterly; incidents are reported to ICE within one hour.",
        LocalDate.of(2026, 1, 15),
        LocalDate.of(2030, 1, 14),
        30,
        "The partner's systems meet the FISMA moderate baseline.",
        "Data is destroyed at the end of retention or on termination, and the partner certifies it to ICE.");
  }

  public static Terms terms(UnaryOperator<TermsBuilder> changes) {
    return changes.apply(new TermsBuilder(terms())).build();
  }

  public static PointOfContact pointOfContact() {
    return new PointOfContact("Jordan Rivera", "Section Chief", "HSI Law Enforcement Support Center",
        "jordan.rivera@ice.example", "+1-202-555-0142", "ICE");
  }

  public static Party stateParty() {
    return new Party(STATE_PARTY_NAME, PartyKind.STATE, "US", false);
  }

  public static Party foreignGovernment() {
    return new Party("Canada Border Services Agency", PartyKind.FOREIGN_GOVERNMENT, "CA", false);
  }

  public static Party dhsComponent() {
    return new Party("U.S. Customs and Border Protection", PartyKind.DHS_COMPONENT, "US", false);
  }

  public static Party privateSector() {
    return new Party("Lone Star Data Services LLC", PartyKind.PRIVATE_SECTOR, "US", false);
  }

  public static AgreementProfile withTitle(AgreementProfile p, String title) {
    return new AgreementProfile(title, p.kind(), p.owningDirectorate(), p.parties(), p.categories(), p.dataProfile(), p.terms(), p.exemption());
  }

  public static AgreementProfile withKind(AgreementProfile p, AgreementKind kind) {
    return new AgreementProfile(p.title(), kind, p.owningDirectorate(), p.parties(), p.categories(), p.dataProfile(), p.terms(), p.exemption());
  }

  public static AgreementProfile withOwningDirectorate(AgreementProfile p, Directorate directorate) {
    return new AgreementProfile(p.title(), p.kind(), directorate, p.parties(), p.categories(), p.dataProfile(), p.terms(), p.exemption());
  }

  public static AgreementProfile withParties(AgreementProfile p, Party... parties) {
    return new AgreementProfile(p.title(), p.kind(), p.owningDirectorate(), List.of(parties), p.categories(), p.dataProfile(), p.terms(), p.exemption());
  }

  public static AgreementProfile withCategories(AgreementProfile p, InformationCategory... categories) {
    return new AgreementProfile(p.title(), p.kind(), p.owningDirectorate(), p.parties(), List.of(categories), p.dataProfile(), p.terms(), p.exemption());
  }

  public static AgreementProfile withDataProfile(AgreementProfile p, DataProfile dataProfile) {
    return new AgreementProfile(p.title(), p.kind(), p.owningDirectorate(), p.parties(), p.categories(), dataProfile, p.terms(), p.exemption());
  }

  public static AgreementProfile withTerms(AgreementProfile p, Terms terms) {
    return new AgreementProfile(p.title(), p.kind(), p.owningDirectorate(), p.parties(), p.categories(), p.dataProfile(), terms, p.exemption());
  }

  public static AgreementProfile withExemption(AgreementProfile p, Exemption exemption) {
    return new AgreementProfile(p.title(), p.kind(), p.owningDirectorate(), p.parties(), p.categories(), p.dataProfile(), p.terms(), exemption);
  }

  /** A changed copy of a {@link DataProfile}; it starts from the one it is given. */
  public static final class DataProfileBuilder {
    private boolean pii;
    private boolean sensitivePii;
    private Marking marking;
    private boolean intelligenceCommunityInformation;
    private boolean leisService;
    private boolean chis;
    private boolean securityRelated;
    private boolean protectedClasses;
    private boolean section1367;
    private boolean protectedApplications;
    private String exceptionCitation;
    private boolean bulkTransfer;
    private boolean newPurpose;
    private boolean itInterconnection;
    private boolean novelLegalIssue;
    private boolean receiptOnly;
    private boolean multipleDhsComponents;

    public DataProfileBuilder(DataProfile from) {
      pii = from.pii();
      sensitivePii = from.sensitivePii();
      marking = from.marking();
      intelligenceCommunityInformation = from.intelligenceCommunityInformation();
      leisService = from.leisService();
      chis = from.chis();
      securityRelated = from.securityRelated();
      protectedClasses = from.protectedClasses();
      section1367 = from.section1367();
      protectedApplications = from.protectedApplications();
      exceptionCitation = from.exceptionCitation();
      bulkTransfer = from.bulkTransfer();
      newPurpose = from.newPurpose();
      itInterconnection = from.itInterconnection();
      novelLegalIssue = from.novelLegalIssue();
      receiptOnly = from.receiptOnly();
      multipleDhsComponents = from.multipleDhsComponents();
    }

    public DataProfileBuilder pii(boolean value) { pii = value; return this; }
    public DataProfileBuilder sensitivePii(boolean value) { sensitivePii = value; return this; }
    public DataProfileBuilder marking(Marking value) { marking = value; return this; }
    public DataProfileBuilder intelligenceCommunityInformation(boolean value) { intelligenceCommunityInformation = value; return this; }
    public DataProfileBuilder leisService(boolean value) { leisService = value; return this; }
    public DataProfileBuilder chis(boolean value) { chis = value; return this; }
    public DataProfileBuilder securityRelated(boolean value) { securityRelated = value; return this; }
    public DataProfileBuilder protectedClasses(boolean value) { protectedClasses = value; return this; }
    public DataProfileBuilder section1367(boolean value) { section1367 = value; return this; }
    public DataProfileBuilder protectedApplications(boolean value) { protectedApplications = value; return this; }
    public DataProfileBuilder exceptionCitation(String value) { exceptionCitation = value; return this; }
    public DataProfileBuilder bulkTransfer(boolean value) { bulkTransfer = value; return this; }
    public DataProfileBuilder newPurpose(boolean value) { newPurpose = value; return this; }
    public DataProfileBuilder itInterconnection(boolean value) { itInterconnection = value; return this; }
    public DataProfileBuilder novelLegalIssue(boolean value) { novelLegalIssue = value; return this; }
    public DataProfileBuilder receiptOnly(boolean value) { receiptOnly = value; return this; }
    public DataProfileBuilder multipleDhsComponents(boolean value) { multipleDhsComponents = value; return this; }

    public DataProfile build() {
      return new DataProfile(
          pii, sensitivePii, marking, intelligenceCommunityInformation, leisService, chis, securityRelated, protectedClasses,
          section1367, protectedApplications, exceptionCitation, bulkTransfer, newPurpose, itInterconnection, novelLegalIssue,
          receiptOnly, multipleDhsComponents);
    }
  }

  /** A changed copy of {@link Terms}, for example without one baseline element; it starts from the terms it is given. */
  public static final class TermsBuilder {
    private String purpose;
    private String useAlignment;
    private String routineUse;
    private String authorities;
    private String missionNeeds;
    private String sharingRequirements;
    private String thirdPartyConstraints;
    private String dataDescription;
    private String responsibilities;
    private String systems;
    private List<PointOfContact> pointsOfContact;
    private String safeguards;
    private String retention;
    private String classificationMarkings;
    private String dissemination;
    private String auditReporting;
    private LocalDate effectiveDate;
    private LocalDate terminationDate;
    private Integer terminationNoticeDays;
    private String informationSecurity;
    private String disposition;

    public TermsBuilder(Terms from) {
      purpose = from.purpose();
      useAlignment = from.useAlignment();
      routineUse = from.routineUse();
      authorities = from.authorities();
      missionNeeds = from.missionNeeds();
      sharingRequirements = from.sharingRequirements();
      thirdPartyConstraints = from.thirdPartyConstraints();
      dataDescription = from.dataDescription();
      responsibilities = from.responsibilities();
      systems = from.systems();
      pointsOfContact = from.pointsOfContact();
      safeguards = from.safeguards();
      retention = from.retention();
      classificationMarkings = from.classificationMarkings();
      dissemination = from.dissemination();
      auditReporting = from.auditReporting();
      effectiveDate = from.effectiveDate();
      terminationDate = from.terminationDate();
      terminationNoticeDays = from.terminationNoticeDays();
      informationSecurity = from.informationSecurity();
      disposition = from.disposition();
    }

    public TermsBuilder purpose(String value) { purpose = value; return this; }
    public TermsBuilder useAlignment(String value) { useAlignment = value; return this; }
    public TermsBuilder routineUse(String value) { routineUse = value; return this; }
    public TermsBuilder authorities(String value) { authorities = value; return this; }
    public TermsBuilder missionNeeds(String value) { missionNeeds = value; return this; }
    public TermsBuilder sharingRequirements(String value) { sharingRequirements = value; return this; }
    public TermsBuilder thirdPartyConstraints(String value) { thirdPartyConstraints = value; return this; }
    public TermsBuilder dataDescription(String value) { dataDescription = value; return this; }
    public TermsBuilder responsibilities(String value) { responsibilities = value; return this; }
    public TermsBuilder systems(String value) { systems = value; return this; }
    public TermsBuilder pointsOfContact(PointOfContact... value) { pointsOfContact = List.of(value); return this; }
    public TermsBuilder safeguards(String value) { safeguards = value; return this; }
    public TermsBuilder retention(String value) { retention = value; return this; }
    public TermsBuilder classificationMarkings(String value) { classificationMarkings = value; return this; }
    public TermsBuilder dissemination(String value) { dissemination = value; return this; }
    public TermsBuilder auditReporting(String value) { auditReporting = value; return this; }
    public TermsBuilder effectiveDate(LocalDate value) { effectiveDate = value; return this; }
    public TermsBuilder terminationDate(LocalDate value) { terminationDate = value; return this; }
    public TermsBuilder terminationNoticeDays(Integer value) { terminationNoticeDays = value; return this; }
    public TermsBuilder informationSecurity(String value) { informationSecurity = value; return this; }
    public TermsBuilder disposition(String value) { disposition = value; return this; }

    public Terms build() {
      return new Terms(
          purpose, useAlignment, routineUse, authorities, missionNeeds, sharingRequirements, thirdPartyConstraints, dataDescription,
          responsibilities, systems, pointsOfContact, safeguards, retention, classificationMarkings, dissemination, auditReporting,
          effectiveDate, terminationDate, terminationNoticeDays, informationSecurity, disposition);
    }
  }

  // The ledger's view, for the read side: events as they are stored, with sequence, time and actor.

  public static final Actor PROGRAM = new Actor("pat", "Pat Program", List.of("PROGRAM_OFFICE"));
  public static final Actor IGP = new Actor("ivy", "Ivy Governance", List.of("IGP", "STAKEHOLDER_IGP"));
  public static final Actor PRIVACY = new Actor("pia", "Pia Privacy", List.of("STAKEHOLDER_IGP_PRIVACY"));
  public static final Actor SIGNATORY = new Actor("sam", "Sam Signatory", List.of("SIGNATORY_HSI_EAD"));
  public static final Actor DIRECTOR = new Actor("dee", "Dee Director", List.of("DIRECTOR"));

  /** A data profile with PII or without, and nothing else. */
  public static DataProfile data(boolean pii) {
    return new DataProfile(pii, false, Marking.NONE, false, false, false, false, false, false, false, null,
        false, false, false, false, false, false);
  }

  /** Terms holding every baseline element, with {@code purpose} and the dates a read-side test is about. */
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

  /** Rule ids by name, as a test writes them. */
  public static List<RuleId> ruleIds(String... names) {
    return Stream.of(names).map(RuleId::of).toList();
  }

  public static List<RequiredStakeholder> stakeholders() {
    return List.of(new RequiredStakeholder(StakeholderOffice.IGP, ruleIds("S1")));
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
        .then(IGP, new StakeholderConcurred(agreement, StakeholderOffice.IGP, 1, "fine", ruleIds("S1")))
        .then(PROGRAM, new ClearanceRequested(agreement, 1))
        .then(IGP, new ClearanceGranted(agreement, 1, "cleared"))
        .then(IGP, new AgreementCleared(agreement, 1, List.of()))
        .then(SIGNATORY, new AgreementSigned(agreement, 1,
            new SignatureRecord(PartyName.ICE, SignatoryAuthority.HSI_EAD, "Sam Signatory", "EAD", executedOn), List.of()));
    for (Party p : profile.parties()) {
      story.then(PROGRAM, new AgreementSigned(agreement, 1,
          new SignatureRecord(PartyName.of(p.name()), null, "Their Signer", "Director", executedOn), List.of()));
    }
    LocalDate effective = profile.terms().effectiveDate() == null ? executedOn : profile.terms().effectiveDate();
    return story.then(PROGRAM, new AgreementExecuted(agreement, 1, executedOn, effective, BiennialReview.dueAfter(effective)));
  }
}
