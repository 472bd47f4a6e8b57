package gov.ice.registry.web.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.ice.registry.H2Registry;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.TestUsers;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The cycle-time page in a real browser: with scripts on (axe-core checks it at WCAG 2.1 AA) and
 * with scripts off (the form still works: a plain GET), the table and the server-drawn chart.
 */
class CycleTimePageIT extends H2Registry {

  @Test
  void igpReadsTheCycleTimeTableAndChartWithAndWithoutScripts() throws Exception {
    RegistryClient.Response drafted = registry().as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", AgreementBodies.draft());
    assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
    RegistryClient.Response concurred = registry().as(TestUsers.stakeholder(StakeholderOffice.OPP))
        .post("/api/agreements/" + drafted.id() + "/concurrences", RegistryClient.JSON.createObjectNode()
            .put("office", "OPP").put("decision", "CONCUR").put("draftVersion", 1));
    assertThat(concurred.status()).as(concurred.toString()).isEqualTo(200);
    String after = concurred.header("X-Registry-Position").orElseThrow();
    await().atMost(Duration.ofSeconds(30)).until(() ->
        registry().as(TestUsers.IGP).get("/api/reports/cycle-time?after=" + after).text().contains("\"group\":\"OPP\""));

    try (Browser b = new Browser("http://localhost:" + port)) {
      b.signIn(TestUsers.IGP, "registry");
      b.open("/reports/cycle-time");
      assertThat(b.find("h1").getText()).startsWith("Cycle time");
      assertThat(b.all("svg.chart text").stream().map(e -> e.getText()).toList()).contains("OPP");
      assertThat(b.find("main table").getText()).contains("CONCURRENCE").contains("OPP").contains("END_TO_END");
      assertThat(b.driver.findElements(By.cssSelector("main script"))).isEmpty();
      b.signOut();
    }
    try (Browser b = new Browser("http://localhost:" + port, false)) {
      b.signIn(TestUsers.stakeholder(StakeholderOffice.OPP), "registry");
      b.open("/reports/cycle-time");
      b.select("groupBy", "directorate");
      b.select("unit", "DAYS");
      b.submit("show");
      assertThat(b.driver.getCurrentUrl()).contains("groupBy=directorate").contains("unit=DAYS");
      // A stakeholder office sees its own office's intervals: OPP's concurrence, grouped by the directorate.
      assertThat(b.find("main table").getText()).contains("CONCURRENCE").contains("HSI").doesNotContain("END_TO_END");
      assertThat(b.find("#cycle-time-csv").getAttribute("href")).contains("groupBy=directorate");
      b.signOut();
    }
  }
}
