package gov.ice.registry.web.contract;

import com.fasterxml.jackson.databind.Module;
import gov.ice.registry.agreement.api.ApprovingAuthority;
import gov.ice.registry.agreement.api.ExemptionNumber;
import gov.ice.registry.agreement.api.PartyName;
import gov.ice.registry.agreement.api.RuleId;
import gov.ice.registry.serialization.RegistryJson;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP JSON of the {@code api} package's typed values is the ledger's ({@code RegistryJson}):
 * an agreement id, a rule id, a party's name and an approving authority are strings, an exemption
 * number a number, so a history entry's payload reads as the stored event does, and the contract
 * says so too: springdoc reads types with its own mapper, not this one, so the value types are
 * described as the scalars they are written as. (The agreement id keeps the object schema the
 * committed contract has always had for it; describing it as a string would change the contract.)
 */
@Configuration(proxyBeanMethods = false)
class WebJson {

  static {
    SpringDocUtils.getConfig()
        .replaceWithClass(RuleId.class, String.class)
        .replaceWithClass(PartyName.class, String.class)
        .replaceWithClass(ApprovingAuthority.class, String.class)
        .replaceWithClass(ExemptionNumber.class, Integer.class);
  }

  @Bean
  Module typedValuesForHttp() {
    return RegistryJson.typedValues();
  }
}
