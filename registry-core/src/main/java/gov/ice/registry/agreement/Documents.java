package gov.ice.registry.agreement;

import gov.ice.registry.agreement.api.AgreementRefused;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.AttachDocument;
import gov.ice.registry.agreement.api.Concurrence;
import gov.ice.registry.agreement.api.ConcurrenceDecision;
import gov.ice.registry.agreement.api.DocumentAttached;
import gov.ice.registry.agreement.api.DocumentContentWithdrawn;
import gov.ice.registry.agreement.api.DocumentKind;
import gov.ice.registry.agreement.api.RefusalCode;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.agreement.api.WithdrawDocumentContent;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The agreement's documents: draft text for a version, the executed copy, amendments, notices and
 * the rest, each recorded by the SHA-256 of bytes the edge has already stored; and the withdrawal
 * of a document's content, which keeps its hash in the ledger.
 */
final class Documents {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  /** Where a draft version is open to text: a draft, a registration, or an amendment in progress. */
  private static final Set<AgreementStatus> DRAFTING = EnumSet.of(AgreementStatus.DRAFT, AgreementStatus.REGISTERED);

  /** An agreement that has been executed, whether it still runs or has ended. */
  private static final Set<AgreementStatus> EXECUTED =
      EnumSet.of(AgreementStatus.ACTIVE, AgreementStatus.TERMINATED, AgreementStatus.EXPIRED);

  private Documents() {}

  static Decided attach(AgreementState state, AttachDocument command) {
    requireFields(command);
    if (state.document(command.documentId()).isPresent()) {
      throw new AgreementRefused(RefusalCode.PROFILE_INVALID, "the agreement already has a document " + command.documentId());
    }
    if (command.kind() == DocumentKind.DRAFT_TEXT) {
      return attachDraftText(state, command);
    }
    Set<AgreementStatus> allowed = statusesFor(command.kind());
    if (!allowed.contains(state.status())) {
      throw new AgreementRefused(RefusalCode.WRONG_STATUS,
          "cannot attach " + command.kind() + " while the agreement is " + state.status() + "; allowed in " + allowed);
    }
    int version = command.draftVersion() == null ? state.draftVersion() : command.draftVersion();
    if (version < 1 || version > state.draftVersion()) {
      throw new AgreementRefused(RefusalCode.STALE_DRAFT_VERSION,
          "draft version " + version + " does not exist; the current one is " + state.draftVersion());
    }
    Decided decided = new Decided(state).record(attached(command, version, List.of()));
    return command.kind() == DocumentKind.EXECUTED_COPY ? ExecutedCopyRule.executeWhenComplete(decided) : decided;
  }

  /**
   * Text for the current version; concurrences already given on it were given on other text (or
   * none), so they become stale. The same text again changes nothing.
   */
  private static Decided attachDraftText(AgreementState state, AttachDocument command) {
    if (!DRAFTING.contains(state.status()) && state.pendingAmendment().isEmpty()) {
      throw new AgreementRefused(RefusalCode.WRONG_STATUS, "draft text is attached to a draft, a registration or an amendment"
          + " in progress; the agreement is " + state.status());
    }
    if (command.draftVersion() == null || command.draftVersion() != state.draftVersion()) {
      throw new AgreementRefused(RefusalCode.STALE_DRAFT_VERSION,
          "draft text goes with the current draft version " + state.draftVersion() + ", not " + command.draftVersion());
    }
    Decided decided = new Decided(state);
    if (state.draftTextOf(state.draftVersion()).filter(command.sha256()::equals).isPresent()) {
      return decided;
    }
    List<StakeholderOffice> stale = state.concurrences().values().stream()
        .filter(c -> c.decision() == ConcurrenceDecision.CONCUR && c.draftVersion() == state.draftVersion())
        .map(Concurrence::office)
        .toList();
    return decided.record(attached(command, state.draftVersion(), stale));
  }

  static Decided withdrawContent(AgreementState state, WithdrawDocumentContent command) {
    DocumentAttached document = state.document(command.documentId()).orElseThrow(() ->
        new AgreementRefused(RefusalCode.PROFILE_INVALID, "the agreement has no document " + command.documentId()));
    if (command.reason() == null || command.reason().isBlank()) {
      throw new AgreementRefused(RefusalCode.PROFILE_INVALID, "a withdrawal of content records its reason");
    }
    if (state.withdrawal(command.documentId()).isPresent()) {
      throw new AgreementRefused(RefusalCode.WRONG_STATUS, "the content of document " + command.documentId() + " is already withdrawn");
    }
    return new Decided(state).record(
        new DocumentContentWithdrawn(command.agreementId(), document.documentId(), document.sha256(), command.reason()));
  }

  static Set<AgreementStatus> statusesFor(DocumentKind kind) {
    return switch (kind) {
      case DRAFT_TEXT -> DRAFTING;
      case EXECUTED_COPY -> union(EXECUTED, AgreementStatus.CLEARED);
      case AMENDMENT, TERMINATION_NOTICE, REVIEW_RECORD -> EXECUTED;
      case ANNEX, CORRESPONDENCE -> EnumSet.complementOf(EnumSet.of(AgreementStatus.WITHDRAWN));
    };
  }

  private static Set<AgreementStatus> union(Set<AgreementStatus> statuses, AgreementStatus more) {
    EnumSet<AgreementStatus> all = EnumSet.copyOf(statuses);
    all.add(more);
    return all;
  }

  private static DocumentAttached attached(AttachDocument command, int version, List<StakeholderOffice> stale) {
    return new DocumentAttached(command.agreementId(), command.documentId(), command.sha256(), command.size(), command.mediaType(),
        command.fileName(), command.kind(), version, stale);
  }

  private static void requireFields(AttachDocument command) {
    if (command.documentId() == null || command.documentId().isBlank() || command.kind() == null) {
      throw new AgreementRefused(RefusalCode.PROFILE_INVALID, "a document has an id and a kind");
    }
    if (command.sha256() == null || !SHA256.matcher(command.sha256()).matches()) {
      throw new AgreementRefused(RefusalCode.PROFILE_INVALID, "a document's SHA-256 is 64 lowercase hexadecimal digits");
    }
    if (command.size() <= 0 || command.mediaType() == null || command.mediaType().isBlank()
        || command.fileName() == null || command.fileName().isBlank()) {
      throw new AgreementRefused(RefusalCode.PROFILE_INVALID, "a document has content, a media type and a file name");
    }
  }
}
