package gov.ice.registry.web.access;

/**
 * What a request of the access log did, each with why it is recorded (NIST SP 800-53 AU-2: the
 * events an authority to operate names as logged). {@code GET /api/audit/catalogue} lists them.
 */
public enum AccessAction {
  VIEW("One agreement's content was returned (API view or page): who saw which agreement, and when."),
  AS_OF_VIEW("An agreement as it stood at a past instant was returned: the past content of an agreement is content too."),
  LIST("A list of agreements (search, repository page) was returned: titles, parties and markings of every agreement on the page were seen."),
  EXPORT("Agreements left the registry in a file (CSV): every agreement exported can be read away from the registry's controls."),
  HISTORY("An agreement's ledger entries were returned: they hold every version of its content and who acted on it."),
  EVIDENCE("An agreement's evidence bundle was downloaded: all of its events, signed, away from the registry."),
  DOCUMENT_DOWNLOAD("A document of an agreement was downloaded."),
  GATE_VIEW("The sharing gate answered about an agreement."),
  DENIED("The handling markings refused the read (the user was answered 404): attempts to see what one may not are what AU-2 asks to see."),
  ACCESS_LOG_READ("The access log itself was read: who looked at who read what.");

  private final String rationale;

  AccessAction(String rationale) {
    this.rationale = rationale;
  }

  public String rationale() {
    return rationale;
  }
}
