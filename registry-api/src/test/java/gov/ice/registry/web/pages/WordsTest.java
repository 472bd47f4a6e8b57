package gov.ice.registry.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.SignatoryAuthority;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/** {@code #words} in a template gives the label table's words for an enum constant or its name alike. */
class WordsTest {

  @Test
  void aTemplateReadsCodesAsTheHandbooksWords() {
    SpringTemplateEngine engine = new SpringTemplateEngine();
    StringTemplateResolver resolver = new StringTemplateResolver();
    resolver.setTemplateMode(TemplateMode.HTML);
    engine.setTemplateResolver(resolver);
    engine.addDialect(new Words());
    Context context = new Context();
    context.setVariables(Map.of("status", AgreementStatus.IN_CLEARANCE, "authority", SignatoryAuthority.HSI_EAD,
        "categories", List.of("LAW_ENFORCEMENT", "BUSINESS_OPERATIONS"), "roles", List.of("STAKEHOLDER_OPLA", "AUDITOR")));

    String html = engine.process("<p th:text=\"${#words.status(status)}\"></p><p th:text=\"${#words.scope('IN_SCOPE')}\"></p>"
        + "<p th:text=\"${#words.authority(authority)}\"></p><p th:text=\"${#words.categories(categories)}\"></p>"
        + "<p th:text=\"${#words.marking('NONE')}\"></p><p th:text=\"${#words.roles(roles)}\"></p>"
        + "<p th:text=\"${#words.approvalOffice('ICE_DIRECTOR')}\"></p>", context);

    assertThat(html).isEqualTo("<p>In clearance</p><p>In scope</p><p>HSI Executive Associate Director</p>"
        + "<p>Law enforcement information, ICE business operations information</p><p>No marking</p>"
        + "<p>Key Stakeholder: Office of the Principal Legal Advisor (OPLA), Auditor</p><p>ICE Director</p>");
  }
}
