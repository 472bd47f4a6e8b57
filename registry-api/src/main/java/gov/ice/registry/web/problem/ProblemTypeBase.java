package gov.ice.registry.web.problem;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;

/**
 * The problem {@code type} base URI, from {@code registry.problems.type-base}
 * ({@code REGISTRY_PROBLEMS_TYPE_BASE}): an operator who publishes pages for the problem types
 * points it at them (docs/contract.md, "Problem types"). Static because problems are also written
 * where no bean reaches (Netty's header limits); every registry in one JVM shares the setting.
 */
@Configuration(proxyBeanMethods = false)
class ProblemTypeBase {

  ProblemTypeBase(@Value("${registry.problems.type-base:" + Problems.DEFAULT_TYPE_BASE + "}") String base) {
    Problems.useTypeBase(base);
  }
}
