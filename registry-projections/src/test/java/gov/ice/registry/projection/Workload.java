package gov.ice.registry.projection;

import gov.ice.registry.agreement.AgreementFixtures;
import gov.ice.registry.agreement.LedgerReader;
import gov.ice.registry.agreement.api.Actor;
import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.AgreementKind;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.ClearanceDecision;
import gov.ice.registry.agreement.api.ConcurrenceDecision;
import gov.ice.registry.agreement.api.DataProfile;
import gov.ice.registry.agreement.api.DecideClearance;
import gov.ice.registry.agreement.api.Directorate;
import gov.ice.registry.agreement.api.DraftAgreement;
import gov.ice.registry.agreement.api.ExigentAuthority;
import gov.ice.registry.agreement.api.Exemption;
import gov.ice.registry.agreement.api.ImportExecutedAgreement;
import gov.ice.registry.agreement.api.InformationCategory;
import gov.ice.registry.agreement.api.Marking;
import gov.ice.registry.agreement.api.Party;
import gov.ice.registry.agreement.api.PartyKind;
import gov.ice.registry.agreement.api.PartyName;
import gov.ice.registry.agreement.api.PointOfContact;
import gov.ice.registry.agreement.api.RecordBiennialReview;
import gov.ice.registry.agreement.api.RecordConcurrence;
import gov.ice.registry.agreement.api.RecordExigentTransfer;
import gov.ice.registry.agreement.api.RequestClearance;
import gov.ice.registry.agreement.api.RequiredStakeholder;
import gov.ice.registry.agreement.api.ReviewFindings;
import gov.ice.registry.agreement.api.ReviewOutcome;
import gov.ice.registry.agreement.api.SignAgreement;
import gov.ice.registry.agreement.api.SignatoryAuthority;
import gov.ice.registry.agreement.api.SignatureRecord;
import gov.ice.registry.agreement.api.Terms;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;

/** Drives the real aggregate through its commands, as the HTTP edge would, with each actor in the metadata. */
public final class Workload {

  static final Actor PROGRAM = AgreementFixtures.PROGRAM;
  static final Actor IGP = new Actor("ivy", "Ivy Governance", List.of("IGP"));
  static final Actor SIGNATORY = AgreementFixtures.SIGNATORY;

  private final CommandGateway commands;
  private final LedgerReader ledger;

  public Workload(CommandGateway commands, EventStore eventStore) {
    this.commands = commands;
    this.ledger = new LedgerReader(eventStore);
  }

  public void send(Actor actor, Object command) {
    commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(actor.asMetadata()));
  }

  public static Party party(String name) {
    return new Party(name, PartyKind.STATE, "US", false);
  }

  public static AgreementProfile profile(String title, Party party, LocalDate effective, LocalDate termination, Exemption exemption) {
    DataProfile data = new DataProfile(true, false, Marking.CUI, false, false, false, false, false, false, false, null,
        false, false, false, false, false, false);
    Terms terms = new Terms("Identify removable aliens in custody: " + title, "same purpose as collected", null,
        "8 U.S.C. 1357", "identify removable aliens", "one request at a time", null, "identity and status",
        "HSI answers within a day", "LESC over Nlets",
        List.of(new PointOfContact("Jordan Rivera", "jordan.rivera@ice.example", "+1-202-555-0142", "ICE")),
        "logged need-to-know access", "90 days", "CUI", "partner only", "quarterly audit", effective, termination, 30,
        "FISMA moderate", "destroyed at end of retention");
    return new AgreementProfile(title, AgreementKind.MOU, Directorate.HSI, List.of(party),
        List.of(InformationCategory.LAW_ENFORCEMENT), data, terms, exemption);
  }

  /** An agreement executed outside the registry, imported with ICE's and the party's signatures. */
  public AgreementId importActive(String id, String partyName, LocalDate effective, LocalDate termination,
      LocalDate executedOn, LocalDate lastReviewedOn) {
    AgreementId agreement = AgreementId.of(id);
    send(IGP, new ImportExecutedAgreement(agreement, profile("Imported " + id, party(partyName), effective, termination, null),
        List.of(new SignatureRecord(PartyName.ICE, SignatoryAuthority.HSI_EAD, "Sam Signatory", "EAD", executedOn),
            new SignatureRecord(PartyName.of(partyName), null, "Their Signer", "Director", executedOn)),
        executedOn, lastReviewedOn));
    return agreement;
  }

  /** Drafted, every required stakeholder concurring on version 1, cleared by IGP, signed, and with its executed copy, so executed. */
  public AgreementId lifecycle(String id, String partyName, LocalDate effective, LocalDate signedOn) {
    AgreementId agreement = draft(id, partyName, effective, null);
    concurAll(agreement);
    send(PROGRAM, new RequestClearance(agreement));
    send(IGP, new DecideClearance(agreement, ClearanceDecision.CLEARED, "meets the baseline"));
    send(SIGNATORY, new SignAgreement(agreement,
        new SignatureRecord(PartyName.ICE, SignatoryAuthority.HSI_EAD, "Sam Signatory", "EAD", signedOn)));
    send(PROGRAM, new SignAgreement(agreement, new SignatureRecord(PartyName.of(partyName), null, "Their Signer", "Director", signedOn)));
    // EXECUTED_COPY_ON_FILE: the signed paper makes it active.
    send(PROGRAM, new gov.ice.registry.agreement.api.AttachDocument(agreement, "executed-" + id, "e".repeat(64), 2048, "application/pdf",
        "executed.pdf", gov.ice.registry.agreement.api.DocumentKind.EXECUTED_COPY, null));
    return agreement;
  }

  public AgreementId draft(String id, String partyName, LocalDate effective, Exemption exemption) {
    AgreementId agreement = AgreementId.of(id);
    send(PROGRAM, new DraftAgreement(agreement, profile("Drafted " + id, party(partyName), effective, null, exemption)));
    return agreement;
  }

  public void concurAll(AgreementId agreement) {
    var state = ledger.stateOf(agreement).orElseThrow();
    for (RequiredStakeholder stakeholder : state.requiredStakeholders()) {
      Actor office = new Actor("office-" + stakeholder.office().name().toLowerCase(), stakeholder.office().name(),
          List.of("STAKEHOLDER_" + stakeholder.office().name()));
      send(office, new RecordConcurrence(agreement, stakeholder.office(), ConcurrenceDecision.CONCUR, state.draftVersion(), "concur"));
    }
  }

  /** An exemption 10 draft whose information was shared on {@code transferredOn}. */
  public AgreementId exigent(String id, String partyName, LocalDate transferredOn) {
    AgreementId agreement = draft(id, partyName, null, Exemption.of(10, "imminent threat to life", null, null));
    send(PROGRAM, new RecordExigentTransfer(agreement, transferredOn, ExigentAuthority.ICE_DIRECTOR, null));
    return agreement;
  }

  public void review(AgreementId agreement, LocalDate reviewedOn) {
    send(PROGRAM, new RecordBiennialReview(agreement, reviewedOn, ReviewOutcome.CONTINUE,
        new ReviewFindings(true, true, true, true, true), "still supports the mission"));
  }
}
