package gov.ice.registry.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.ice.registry.H2Registry;
import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.RegistryClient.Response;
import gov.ice.registry.support.TestUsers;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * {@code /work} in a real browser against the real server: every role but the auditor lands on
 * its own work after signing in; a draft appears in the queue of each office it awaits, with why,
 * since when and a link, not in another office's nor a signatory's; the page works with scripts
 * off. axe-core checks each page on the way (Browser).
 */
class WorkPageIT extends H2Registry {

  @RegisterExtension
  static final SharedBrowser browsers = new SharedBrowser();

  private Browser browser() throws Exception {
    return browsers.at(port);
  }

  /** A draft with a title of its own, and the ledger position of its event. */
  private String[] draft(String word) {
    ObjectNode draft = AgreementBodies.draft();
    draft.put("title", "Work queue draft " + word);
    Response created = registry().as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", draft);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return new String[] {created.id(), created.header("X-Registry-Position").orElseThrow()};
  }

  private static WebElement row(Browser b, String id) {
    return b.find("tr.work-item:has(a[href='/agreements/" + id + "'])");
  }

  @Test
  void eachRoleLandsOnItsOwnWorkAndAnOfficeSeesTheDraftsAwaitingIt() throws Exception {
    String word = UUID.randomUUID().toString().substring(0, 8);
    String[] drafted = draft(word);
    String id = drafted[0];
    Browser b = browser();

    b.signIn(TestUsers.OPLA, "registry");
    assertThat(b.driver.getCurrentUrl()).endsWith("/work");
    assertThat(b.find("h1").getText()).isEqualTo("My work");
    b.open("/work?after=" + drafted[1]);
    WebElement mine = row(b, id);
    assertThat(mine.findElement(By.cssSelector(".reason")).getText()).isEqualTo("AWAITING_CONCURRENCE");
    assertThat(mine.getText()).contains("OPLA", AgreementBodies.today().toString());
    assertThat(mine.findElement(By.cssSelector(".days")).getText()).isEqualTo("0");
    mine.findElement(By.cssSelector("a")).click();
    b.waitFor(() -> b.driver.getCurrentUrl().endsWith("/agreements/" + id));
    assertThat(b.find("h1").getText()).isEqualTo("Work queue draft " + word);
    b.signOut();

    b.signIn(TestUsers.PROGRAM_OFFICE, "registry");
    assertThat(b.driver.getCurrentUrl()).endsWith("/work");
    // The program office's queue holds every draft the other tests made too: page through it to this one's rows.
    int rows = 0;
    for (int page = 0; page < 30 && rows == 0; page++) {
      b.open("/work?after=" + drafted[1] + "&page=" + page);
      rows = b.all("tr.work-item a[href='/agreements/" + id + "']").size();
      if (b.all("a[rel='next']").isEmpty()) {
        break;
      }
    }
    assertThat(rows).as("one row per office that has not concurred").isGreaterThan(1);
    b.signOut();

    for (String other : new String[] {TestUsers.stakeholder(gov.ice.registry.agreement.api.StakeholderOffice.OCIO), "sig-hsi-ead", TestUsers.IGP}) {
      b.signIn(other, "registry");
      assertThat(b.driver.getCurrentUrl()).as(other).endsWith("/work");
      b.open("/work?after=" + drafted[1]);
      assertThat(b.all("a[href='/agreements/" + id + "']")).as(other).isEmpty();
      b.signOut();
    }

    b.signIn(TestUsers.AUDITOR, "registry");
    assertThat(b.driver.getCurrentUrl()).as("the auditor has no queue").endsWith("/");
    assertThat(b.all("nav a[href='/work']")).isEmpty();
    b.signOut();
  }

  @Test
  void theWorkPageWorksWithScriptsOff() throws Exception {
    String[] drafted = draft(UUID.randomUUID().toString().substring(0, 8));
    try (Browser b = new Browser("http://localhost:" + port, false)) {
      b.signIn(TestUsers.stakeholder(gov.ice.registry.agreement.api.StakeholderOffice.IGP_PRIVACY), "registry");
      assertThat(b.driver.getCurrentUrl()).endsWith("/work");
      b.open("/work?after=" + drafted[1]);
      assertThat(row(b, drafted[0]).getText()).contains("AWAITING_CONCURRENCE", "IGP_PRIVACY");
      b.signOut();
    }
  }
}
