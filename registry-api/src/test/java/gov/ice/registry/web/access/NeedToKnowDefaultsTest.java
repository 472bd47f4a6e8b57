package gov.ice.registry.web.access;

import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.agreement.api.Handling;
import gov.ice.registry.agreement.api.Marking;
import gov.ice.registry.projection.access.AccessPolicy;
import gov.ice.registry.projection.access.Employment;
import gov.ice.registry.projection.access.Reader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The issue asks that the legacy markings FOUO and LES follow a need-to-know rule by office or
 * role: the shipped configuration names one for each, and auditors are on neither unless added.
 */
class NeedToKnowDefaultsTest {

  private static AccessProperties shipped() {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yml"));
    return new Binder(new MapConfigurationPropertySource(yaml.getObject())).bind("registry.access", AccessProperties.class)
        .orElseThrow(() -> new AssertionError("application.yml has no registry.access"));
  }

  private static Reader holding(String role, String office) {
    return new Reader("u", List.of(role), Employment.FEDERAL, "USA", office == null ? List.of() : List.of(office), null);
  }

  @Test
  void fouoAndLesHaveANeedToKnowByDefaultThatLeavesAuditorsOut() {
    AccessProperties properties = shipped();
    AccessPolicy policy = new AccessPolicy(properties.needToKnow(), properties.exemptRoles());

    assertThat(properties.needToKnow()).containsKeys(Marking.FOUO, Marking.LES);
    assertThat(properties.exemptRoles()).isEmpty();
    for (Marking legacy : List.of(Marking.FOUO, Marking.LES)) {
      assertThat(policy.mayRead(holding("PROGRAM_OFFICE", null), legacy, Handling.none())).isTrue();
      assertThat(policy.mayRead(holding("STAKEHOLDER_OPR_SD_SMOU", null), legacy, Handling.none())).isTrue();
      assertThat(policy.mayRead(holding("SIGNATORY_HSI_IO", null), legacy, Handling.none())).isTrue();
      assertThat(policy.mayRead(holding("AUDITOR", "AUDITOR"), legacy, Handling.none())).as("an auditor, %s", legacy).isFalse();
      assertThat(policy.mayRead(holding("ADMIN", "ADMIN"), legacy, Handling.none())).as("an administrator, %s", legacy).isFalse();
    }
    assertThat(policy.mayRead(holding("AUDITOR", "HSI"), Marking.LES, Handling.none())).as("an auditor in HSI, LES").isTrue();
    assertThat(policy.mayRead(holding("AUDITOR", null), Marking.CUI, Handling.none())).as("CUI has no need-to-know list").isTrue();
  }
}
