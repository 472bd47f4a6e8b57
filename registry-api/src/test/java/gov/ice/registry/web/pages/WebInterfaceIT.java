package gov.ice.registry.web.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.ice.registry.H2Registry;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.OpenApiResponses;
import gov.ice.registry.support.TestUsers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The web interface in a real browser (headless Chromium) against the real server, its real
 * security and store: each role signs in and does its part of the handbook's process through
 * the pages, from the draft to an active, reviewed agreement; a refusal shows its rule ids; the
 * analyst searches and filters; the auditor reads the history, sees it verified and downloads
 * both CSVs. axe-core checks every page on the way. A failing test leaves a screenshot under
 * target/browser-failures; the pages' pictures for the README are taken under target/pages.
 */
class WebInterfaceIT extends H2Registry {

  static final Path PAGES = Path.of("target", "pages");
  static final String TITLE = "Sharing of ICE law enforcement information with the Texas Department of Public Safety (browser)";

  @RegisterExtension
  static final SharedBrowser browsers = new SharedBrowser();

  private Browser browser() throws Exception {
    return browsers.at(port);
  }

  @Test
  void everyRoleDoesItsPartFromDraftToAReviewedActiveAgreement() throws Exception {
    Browser b = browser();

    b.signIn(TestUsers.PROGRAM_OFFICE, "registry");
    assertThat(b.text()).contains("Central repository", "Pat Program");
    b.open("/agreements/new");
    fillTheWalkthroughDraft(b);
    b.submit("draft-submit");
    assertThat(b.find("#agreement-status").getText()).isEqualTo("Draft");
    String agreementPath = b.driver.getCurrentUrl().replaceAll("^https?://[^/]+", "").replaceAll("\\?.*$", "");
    assertThat(b.find("#stakeholder-IGP .rules").getText()).isEqualTo("S1");
    assertThat(b.find("#stakeholder-IGP_PRIVACY .rules").getText()).isEqualTo("S3");
    b.screenshot(PAGES.resolve("agreement-draft.png"));

    b.submit("request-clearance-submit");
    assertThat(b.find("#refusal").getText()).contains("Refused").contains("S1");
    assertThat(b.find("#refusal .rules").getText()).contains("S1");
    b.screenshot(PAGES.resolve("refusal.png"));
    b.signOut();
    assertThat(b.text()).contains("You are signed out");

    List<StakeholderOffice> offices = List.of(StakeholderOffice.IGP, StakeholderOffice.OPP, StakeholderOffice.IGP_RECORDS,
        StakeholderOffice.IGP_PRIVACY, StakeholderOffice.OPR, StakeholderOffice.OPR_SD_SMOU);
    for (StakeholderOffice office : offices) {
      b.signIn(TestUsers.stakeholder(office), "registry");
      b.open(agreementPath);
      b.type("concur-comment", "Concur for " + office + ".");
      b.submit("concur-submit");
      assertThat(b.find("#stakeholder-" + office).getText()).contains("Concurred");
      b.signOut();
    }

    b.signIn(TestUsers.PROGRAM_OFFICE, "registry");
    b.open(agreementPath);
    b.submit("request-clearance-submit");
    assertThat(b.find("#agreement-status").getText()).isEqualTo("In clearance");
    b.signOut();

    b.signIn(TestUsers.IGP, "registry");
    b.open(agreementPath);
    b.type("clear-comment", "Cleared.");
    b.submit("clearance-submit");
    assertThat(b.find("#agreement-status").getText()).isEqualTo("Cleared");
    b.signOut();

    b.signIn("sig-hsi-ead", "registry");
    b.open(agreementPath);
    b.type("si-name", "Hana Executive");
    b.type("si-position", "EAD, HSI");
    b.submit("sign-ice-submit");
    assertThat(b.text()).contains("with authority of the HSI Executive Associate Director");
    b.signOut();

    b.signIn(TestUsers.PROGRAM_OFFICE, "registry");
    b.open(agreementPath);
    b.type("sp-name", "Casey Colonel");
    b.type("sp-position", "Director");
    b.submit("sign-party-submit");
    // EXECUTED_COPY_ON_FILE: signed by every party, active once the signed paper is attached.
    assertThat(b.find("#agreement-status").getText()).isEqualTo("Cleared");
    attachFromThePage(b, "EXECUTED_COPY", "executed-copy.pdf",
        gov.ice.registry.support.SampleDocuments.pdf("Memorandum of understanding executed by every party"));
    assertThat(b.find("#agreement-status").getText()).isEqualTo("Active");
    String firstDue = b.find("#next-review").getText();
    b.type("rv-comment", "Still needed.");
    b.submit("review-submit");
    assertThat(b.find("#agreement-status").getText()).isEqualTo("Active");
    assertThat(b.find("#next-review").getText()).isNotEqualTo(firstDue);
    b.signOut();

    b.signIn(TestUsers.AUDITOR, "registry");
    b.open(agreementPath);
    assertThat(b.find("#verification-badge").getText()).isEqualTo("Verified");
    assertThat(b.all("#history tbody tr")).hasSizeGreaterThanOrEqualTo(13);
    assertThat(b.find("#history").getText()).contains("AgreementDrafted", "pat", "StakeholderConcurred", "sam-igp", "AgreementExecuted");
    assertThat(b.all("#history td.hash")).allSatisfy(cell -> assertThat(cell.getText()).matches("[0-9a-f]{64}"));
    b.screenshot(PAGES.resolve("agreement-history.png"));
    String evidence = b.fetch(agreementPath + "/evidence.json");
    assertThat(evidence).startsWith("200\napplication/json").contains("\"events\"");
    OpenApiResponses.committed().checkBody("EvidenceBundle", "GET " + agreementPath + "/evidence.json", evidence.split("\n", 3)[2]);
    b.open("/audit/approvals?actor=sam-igp");
    assertThat(b.text()).contains(TITLE).contains("Concurrence").contains("Concur").doesNotContain("NON_CONCUR");
    b.screenshot(PAGES.resolve("approvals.png"));
    String approvals = b.fetch(b.find("#approvals-csv").getAttribute("href"));
    assertThat(approvals).startsWith("200\ntext/csv").contains("sam-igp").contains("When (UTC),Agreement id").contains(",Concurrence,Concur,");
    b.open("/reviews");
    b.open("/deadlines/exigent");
    b.signOut();
  }

  /** Picks the kind and a file made in the test, as a person does with the attach form, and submits it. */
  private static void attachFromThePage(Browser b, String kind, String fileName, byte[] bytes) throws Exception {
    Path file = java.nio.file.Files.createTempDirectory("registry-browser-upload-").resolve(fileName);
    java.nio.file.Files.write(file, bytes);
    b.select("attach-kind", kind);
    b.find("#attach-file").sendKeys(file.toAbsolutePath().toString());
    b.submit("attach-submit");
  }

  @Test
  void anAnalystAttachesAPdfFindsTheAgreementByAPhraseInsideItAndOpensIt() throws Exception {
    String phrase = "biometric reconciliation protocol " + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
    var drafted = registry().as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", AgreementBodies.draft());
    assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
    String id = drafted.id();
    Browser b = browser();
    b.signIn(TestUsers.IGP, "registry");
    b.open("/agreements/" + id);
    attachFromThePage(b, "ANNEX", "annex-protocol.pdf",
        gov.ice.registry.support.SampleDocuments.pdf("The parties follow the " + phrase + " for every exchange."));
    assertThat(b.find("#documents").getText()).contains("annex-protocol.pdf");

    // The search reads the PDF off the request: the phrase finds the agreement once the text is in.
    String query = "/?q=" + java.net.URLEncoder.encode("\"" + phrase + "\"", java.nio.charset.StandardCharsets.UTF_8);
    await("the search to hold the PDF's text").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
        .until(() -> registry().as(TestUsers.IGP).get("/api/agreements" + query.substring(1)).json().path("total").asLong() == 1);
    b.open(query);
    assertThat(b.find("#results-heading").getText()).isEqualTo("1 agreement");
    var match = b.find("li.document-match");
    assertThat(match.getText()).contains("annex-protocol.pdf");
    assertThat(match.findElements(org.openqa.selenium.By.tagName("mark"))).isNotEmpty();
    String href = match.findElement(org.openqa.selenium.By.tagName("a")).getAttribute("href");
    assertThat(href).contains("/agreements/" + id + "/documents/").doesNotContain("/api/");
    String opened = b.fetch(href.replaceAll("^https?://[^/]+", ""));
    assertThat(opened).startsWith("200\napplication/pdf").contains("%PDF");
    b.screenshot(PAGES.resolve("repository-document-match.png"));
    b.signOut();
  }

  @Test
  void anAnalystSearchesFiltersAndDownloadsTheResult() throws Exception {
    registry().as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", AgreementBodies.draft());
    await("the central repository to show the draft").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
        .until(() -> registry().as(TestUsers.IGP).get("/api/agreements?q=Texas").json().path("total").asLong() > 0);
    Browser b = browser();
    b.signIn(TestUsers.IGP, "registry");
    b.open("/?q=Texas");
    assertThat(b.find("#results-heading").getText()).matches("[1-9][0-9]* agreements?");
    // Each result shows the passage that matched, the word marked; the best matches come first.
    assertThat(b.driver.findElement(org.openqa.selenium.By.cssSelector("tbody mark")).getText()).isEqualToIgnoringCase("Texas");
    assertThat(b.find("#sort").getAttribute("value")).isEqualTo("relevance");
    b.check("kind-MOU");
    b.driver.findElement(org.openqa.selenium.By.cssSelector("form[role=search] button[type=submit]")).click();
    b.waitFor(() -> b.driver.getCurrentUrl().contains("kind=MOU"));
    b.checkAccessibility();
    assertThat(b.driver.getCurrentUrl()).contains("q=Texas");
    String csv = b.fetch(b.find("#csv-link").getAttribute("href"));
    assertThat(csv).startsWith("200\ntext/csv").contains("Agreement id,Title,Kind,Status").contains("Memorandum of Understanding (MOU)");
    b.screenshot(PAGES.resolve("repository.png"));
    b.narrow();
    b.open("/?q=Texas");
    b.screenshot(PAGES.resolve("repository-360px.png"));
    b.wide();
    // Swagger UI is springdoc's page, not the registry's: opened (it must load its document with
    // the session), but not held to the registry's accessibility checks.
    b.driver.get(b.base + "/swagger-ui.html");
    b.waitFor(() -> b.text().contains("Agreement commands"));
    b.open("/");
    b.signOut();
  }

  @Test
  void anAuditorReadsWithScriptsOff() throws Exception {
    String word = "noscript" + java.util.UUID.randomUUID().toString().substring(0, 8);
    com.fasterxml.jackson.databind.node.ObjectNode draft = AgreementBodies.draft();
    draft.put("title", "Read without scripts " + word);
    var drafted = registry().as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", draft);
    assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
    await("the central repository to show the draft").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
        .until(() -> registry().as(TestUsers.IGP).get("/api/agreements?q=" + word).json().path("total").asLong() == 1);
    try (Browser b = new Browser("http://localhost:" + port, false)) {
      // Scripts really are off in this browser: a <noscript> block is what it shows.
      b.driver.get("data:text/html,<noscript><p id=off>scripts are off</p></noscript>");
      assertThat(b.find("#off").isDisplayed()).isTrue();

      b.signIn(TestUsers.AUDITOR, "registry");
      b.open("/?q=" + word);
      assertThat(b.find("#results-heading").getText()).isEqualTo("1 agreement");
      b.check("kind-MOU");
      b.driver.findElement(org.openqa.selenium.By.cssSelector("form[role=search] button[type=submit]")).click();
      b.waitFor(() -> b.driver.getCurrentUrl().contains("kind=MOU"));
      assertThat(b.driver.getCurrentUrl()).contains("q=" + word);
      assertThat(b.find("#results-heading").getText()).startsWith("1 ");
      assertThat(b.find("#csv-link").getAttribute("href")).contains("kind=MOU");

      b.find("main table a[href='/agreements/" + drafted.id() + "']").click();
      b.waitFor(() -> b.driver.getCurrentUrl().endsWith("/agreements/" + drafted.id()));
      assertThat(b.find("h1").getText()).isEqualTo("Read without scripts " + word);
      assertThat(b.find("#history").getText()).contains("AgreementDrafted").contains("Pat Program");
      assertThat(b.find("#verification-badge").getText()).isEqualTo("Verified");

      b.open("/reviews");
      assertThat(b.find("h1").getText()).isNotBlank();
      b.open("/audit/approvals");
      assertThat(b.find("h1").getText()).isNotBlank();
      b.signOut();
    }
  }

  @Test
  void aRefusedDraftKeepsWhatWasTypedAndNamesTheField() throws Exception {
    Browser b = browser();
    b.signIn(TestUsers.PROGRAM_OFFICE, "registry");
    b.open("/agreements/new");
    b.type("title", "A draft without a party");
    b.type("term-purpose", "Typed purpose that must survive.");
    b.check("cat-LAW_ENFORCEMENT");
    b.submit("draft-submit");
    assertThat(b.find("#refusal").getText()).contains("party0.name");
    assertThat(b.find("#title").getAttribute("value")).isEqualTo("A draft without a party");
    assertThat(b.find("#term-purpose").getAttribute("value")).isEqualTo("Typed purpose that must survive.");
    assertThat(b.find("#party0-name").getAttribute("aria-invalid")).isEqualTo("true");
    // USWDS's error pattern: the message beside the field, tied to it for screen readers.
    assertThat(b.find("#party0-name").getAttribute("aria-describedby")).isEqualTo("party0-name-error");
    assertThat(b.find("#party0-name-error").getText()).contains("party0.name is required");
    b.screenshot(PAGES.resolve("draft-form.png"));
    b.signOut();
  }

  @Test
  void theDraftFormPreviewsTheStakeholdersItWillRequireWithoutStoringAnything() throws Exception {
    String word = "preview" + Long.toString(System.nanoTime(), 36);
    String title = "Stakeholders shown before submitting " + word;
    Browser b = browser();
    b.signIn(TestUsers.PROGRAM_OFFICE, "registry");
    b.open("/agreements/new");
    fillTheWalkthroughDraft(b);
    b.type("title", title);
    b.submit("preview-submit");
    assertThat(b.driver.getCurrentUrl()).endsWith("/agreements/new");
    assertThat(b.find("#preview-status").getText()).contains("In scope").contains("6 stakeholders").contains("Nothing is recorded");
    assertThat(b.find("#preview-IGP .rules").getText()).isEqualTo("S1");
    assertThat(b.find("#preview-OPP .rules").getText()).isEqualTo("S1");
    assertThat(b.find("#preview-IGP_PRIVACY .rules").getText()).isEqualTo("S3");
    assertThat(b.find("#preview-IGP_PRIVACY").getText()).contains("privacy");
    assertThat(b.find("#preview-OPR_SD_SMOU .rules").getText()).isEqualTo("S4");
    assertThat(b.all("#preview-ODCR")).isEmpty();
    assertThat(b.find("#title").getAttribute("value")).isEqualTo(title);
    assertThat(b.find("#term-purpose").getAttribute("value")).isEqualTo("Identify removable aliens in state custody before release.");
    assertThat(b.find("#flag-pii").isSelected()).isTrue();

    // A changed profile, previewed again: protected classes bring OPLA and ODCR under S8.
    b.check("flag-protectedClasses");
    b.submit("preview-submit");
    assertThat(b.find("#preview-ODCR .rules").getText()).isEqualTo("S8");
    assertThat(b.find("#preview-OPLA .rules").getText()).contains("S8");
    assertThat(b.find("#flag-protectedClasses").isSelected()).isTrue();
    b.driver.executeScript("document.getElementById('preview').scrollIntoView({block: 'center'});");
    b.screenshot(PAGES.resolve("draft-preview.png"));

    // A profile the registry would refuse is refused by the preview, with its rule ids.
    b.select("marking", "SECRET");
    b.submit("preview-submit");
    assertThat(b.find("#refusal").getText()).contains("SHARING_BLOCKED").contains("B3");
    assertThat(b.find("#title").getAttribute("value")).isEqualTo(title);
    b.select("marking", "CUI");

    // Submitted: the agreement requires what the preview said, and the previews stored nothing.
    b.submit("draft-submit");
    assertThat(b.find("#agreement-status").getText()).isEqualTo("Draft");
    assertThat(b.find("#stakeholder-ODCR .rules").getText()).isEqualTo("S8");
    await("the central repository to show the draft").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
        .until(() -> registry().as(TestUsers.IGP).get("/api/agreements?q=" + word)
            .json().path("total").asLong() > 0);
    assertThat(registry().as(TestUsers.IGP).get("/api/agreements?q=" + word)
        .json().path("total").asLong()).isEqualTo(1);
    b.signOut();
  }

  @Test
  void aProgramOfficeProposesAnAmendmentThatTakesEffectOnceTheNewStakeholderConcurs() throws Exception {
    String reference = "HSI-MOU-WEB-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    com.fasterxml.jackson.databind.node.ObjectNode executed = AgreementBodies.draft();
    executed.put("title", "Imported for an amendment " + reference);
    executed.putArray("signatures")
        .add(gov.ice.registry.support.RegistryClient.JSON.createObjectNode().put("party", "ICE").put("authority", "HSI_EAD")
            .put("signatoryName", "Hana Executive").put("position", "Executive Associate Director").put("signedOn", "2024-02-27"))
        .add(gov.ice.registry.support.RegistryClient.JSON.createObjectNode().put("party", AgreementBodies.STATE_PARTY)
            .put("signatoryName", "Casey Colonel").put("position", "Director").put("signedOn", "2024-03-01"));
    ((com.fasterxml.jackson.databind.node.ObjectNode) executed.get("terms")).put("effectiveDate", "2024-03-01").put("terminationDate", "2029-02-28");
    executed.put("executedOn", "2024-03-01");
    executed.put("externalReference", reference);
    var imported = registry().as(TestUsers.IGP).post("/api/agreements/import", executed);
    assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
    String path = "/agreements/" + imported.id();

    Browser b = browser();
    b.signIn(TestUsers.stakeholder(StakeholderOffice.ODCR), "registry");
    b.open(path);
    assertThat(b.find("#agreement-status").getText()).isEqualTo("Active");
    assertThat(b.all("#amend-form")).as("only a program office may amend").isEmpty();
    b.signOut();

    b.signIn(TestUsers.PROGRAM_OFFICE, "registry");
    b.open(path);
    String amendedTitle = "Amended for an amendment " + reference;
    b.type("am-title", amendedTitle);
    b.driver.findElement(org.openqa.selenium.By.cssSelector("#amend-form details:nth-of-type(1) summary")).click();
    b.check("am-flag-protectedClasses");
    b.driver.findElement(org.openqa.selenium.By.cssSelector("#amend-form details:nth-of-type(2) summary")).click();
    b.type("am-term-retention", "Kept no longer than 60 days.");
    // The contacts are terms too: the imported one is shown for editing, with a blank row to add one.
    b.driver.findElement(org.openqa.selenium.By.cssSelector("#am-contacts summary")).click();
    assertThat(b.find("#am-poc0-name").getAttribute("value")).isEqualTo("Jordan Rivera");
    b.type("am-poc1-name", "Morgan Lee");
    b.type("am-poc1-title", "Records Officer");
    b.type("am-poc1-organization", "Texas DPS Records");
    b.type("am-poc1-party", AgreementBodies.STATE_PARTY);
    b.submit("amend-submit");
    // No party's consent ticked: refused with the rule beside the consent, and nothing typed lost.
    assertThat(b.find("#am-consent #refusal").getText()).contains("CONSENT_MISSING").contains("AMENDMENT_CONSENT")
        .contains(AgreementBodies.STATE_PARTY);
    assertThat(b.find("#am-consent").getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(b.find("#am-title").getAttribute("value")).isEqualTo(amendedTitle);
    assertThat(b.find("#am-flag-protectedClasses").isSelected()).isTrue();
    assertThat(b.find("#am-flag-pii").isSelected()).isTrue();
    assertThat(b.find("#am-term-retention").getAttribute("value")).isEqualTo("Kept no longer than 60 days.");
    assertThat(b.find("#am-poc1-title").getAttribute("value")).isEqualTo("Records Officer");
    b.driver.executeScript("document.getElementById('am-consent').scrollIntoView({block: 'center'});");
    b.screenshot(PAGES.resolve("amendment-refusal.png"));

    b.check("am-consent-0");
    b.submit("amend-submit");
    assertThat(b.find("#done").getText()).contains("amend");
    assertThat(b.find("#pending-amendment").getText()).contains("Amendment 1 awaits concurrence");
    assertThat(b.find("#pending-ODCR .rules").getText()).isEqualTo("S8");
    assertThat(b.find("h1").getText()).isEqualTo("Imported for an amendment " + reference);
    assertThat(b.all("#amend-form")).as("one amendment at a time").isEmpty();
    b.signOut();

    b.signIn(TestUsers.stakeholder(StakeholderOffice.ODCR), "registry");
    b.open(path);
    b.type("concur-comment", "ODCR concurs with the amendment.");
    b.submit("concur-submit");
    assertThat(b.find("h1").getText()).isEqualTo(amendedTitle);
    assertThat(b.all("#pending-amendment")).isEmpty();
    assertThat(b.find("#stakeholder-ODCR").getText()).contains("Concurred");
    assertThat(b.text()).contains("Kept no longer than 60 days.");
    assertThat(b.find("#contacts").getText()).contains("Jordan Rivera").contains("Morgan Lee, Records Officer, Texas DPS Records")
        .contains("(for " + AgreementBodies.STATE_PARTY + ")");
    b.signOut();
  }

  static void fillTheWalkthroughDraft(Browser b) {
    b.type("title", TITLE);
    b.select("kind", "MOU");
    b.select("owningDirectorate", "HSI");
    b.type("party0-name", "Texas Department of Public Safety");
    b.select("party0-kind", "STATE");
    b.type("party0-country", "US");
    b.check("cat-LAW_ENFORCEMENT");
    b.check("flag-pii");
    b.select("marking", "CUI");
    b.type("term-purpose", "Identify removable aliens in state custody before release.");
    b.type("term-useAlignment", "Same purpose as the original collection.");
    b.type("term-authorities", "8 U.S.C. 1103 and 1357");
    b.type("term-missionNeeds", "Identify removable aliens before release.");
    b.type("term-sharingRequirements", "One request at a time.");
    b.type("term-dataDescription", "Name, date of birth, A-number, status.");
    b.type("term-responsibilities", "HSI answers within one business day.");
    b.type("term-systems", "LESC over Nlets");
    b.type("poc0-name", "Jordan Rivera");
    b.type("poc0-email", "jordan.rivera@ice.example");
    b.type("poc0-party", "ICE");
    b.type("term-safeguards", "Need to know; encrypted.");
    b.type("term-retention", "90 days.");
    b.type("term-classificationMarkings", "CUI");
    b.type("term-dissemination", "Within the partner only.");
    b.type("term-auditReporting", "Quarterly audits.");
    b.set("effectiveDate", "2026-01-15");
    b.set("terminationDate", "2030-01-14");
    b.type("terminationNoticeDays", "30");
    b.type("term-informationSecurity", "FISMA moderate.");
    b.type("term-disposition", "Destroyed at end of retention.");
  }
}
