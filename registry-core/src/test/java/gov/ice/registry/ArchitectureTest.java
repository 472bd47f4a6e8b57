package gov.ice.registry;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.ANNOTATIONS;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The boundaries of registry-core's main code, which the compiler alone does not keep.
 *
 * <p>Plain JUnit tests rather than {@code @ArchTest} fields: Maven Surefire 3.5.3 silently skips
 * those fields (TNG/ArchUnit#1442), and a rule that never runs protects nothing.
 */
class ArchitectureTest {

  private static final JavaClasses MAIN_CODE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("gov.ice.registry");

  private static final DescribedPredicate<JavaClass> AXON_MESSAGE_ANNOTATIONS =
      resideInAnyPackage("org.axonframework.modelling.command..", "org.axonframework.serialization..")
          .and(ANNOTATIONS)
          .as("Axon's message annotations (@TargetAggregateIdentifier, @Revision)");

  private static final ArchRule CORE_KNOWS_NO_SPRING_MONGO_REACTOR_OR_MICROMETER = noClasses()
      .that().resideInAPackage("gov.ice.registry..")
      .should().dependOnClassesThat().resideInAnyPackage(
          "org.springframework..", "com.mongodb..", "org.bson..", "reactor..", "io.micrometer..")
      .because("the handbook's rules must run and be tested without infrastructure; the adapters in "
          + "registry-projections and registry-api depend inward on the core, never the other way");

  private static final ArchRule AGREEMENT_CONTRACT_NEEDS_ONLY_JAVA_AND_AXON_ANNOTATIONS = classes()
      .that().resideInAPackage("gov.ice.registry.agreement.api..")
      .should().onlyDependOnClassesThat(
          resideInAnyPackage("java..", "gov.ice.registry.agreement.api..").or(AXON_MESSAGE_ANNOTATIONS))
      .because("every module and client shares the agreement's commands and events, and the ledger stores them "
          + "for years: their form must not follow a library's");

  private static final ArchRule DOMAIN_TAKES_TIME_AND_IDS_FROM_OUTSIDE = noClasses()
      .that().resideInAPackage("gov.ice.registry..")
      .should().callMethod(Instant.class, "now")
      .orShould().callMethod(LocalDate.class, "now")
      .orShould().callMethod(LocalDateTime.class, "now")
      .orShould().callMethod(ZonedDateTime.class, "now")
      .orShould().callMethod(OffsetDateTime.class, "now")
      .orShould().callMethod(Clock.class, "systemUTC")
      .orShould().callMethod(Clock.class, "systemDefaultZone")
      .orShould().callMethod(System.class, "currentTimeMillis")
      .orShould().callMethod(UUID.class, "randomUUID")
      .because("a replay and a test must reach the same decisions: time comes in the command or from an "
          + "injected Clock, and ids from the caller");

  private static final ArchRule LEDGER_PROOFS_NEED_ONLY_THE_JDK = classes()
      .that().resideInAPackage("gov.ice.registry.chain..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "gov.ice.registry.chain..")
      .because("auditors verify evidence bundles offline with nothing but the registry-core jar and a JDK, and "
          + "read every line the verifier trusts");

  private static final String DECISION_STATE = "gov.ice.registry.agreement.AgreementState";

  private static final ArchRule DECISION_STATE_STAYS_INSIDE_THE_DOMAIN = classes()
      .that().haveFullyQualifiedName(DECISION_STATE)
      .should().notBePublic()
      .andShould().onlyHaveDependentClassesThat().resideInAPackage("gov.ice.registry.agreement")
      .because("the aggregate decides with AgreementState and may change it with its rules; readers (the "
          + "read models, the gate, the HTTP edge) read the same fold through AgreementFacts (decision 0260)");

  @Test
  void decisionStateStaysInsideTheDomain() {
    DECISION_STATE_STAYS_INSIDE_THE_DOMAIN.check(MAIN_CODE);
  }

  @Test
  void ledgerProofsNeedOnlyTheJdk() {
    LEDGER_PROOFS_NEED_ONLY_THE_JDK.check(MAIN_CODE);
  }

  @Test
  void coreKnowsNoSpringMongoReactorOrMicrometer() {
    CORE_KNOWS_NO_SPRING_MONGO_REACTOR_OR_MICROMETER.check(MAIN_CODE);
  }

  @Test
  void agreementContractNeedsOnlyJavaAndAxonAnnotations() {
    AGREEMENT_CONTRACT_NEEDS_ONLY_JAVA_AND_AXON_ANNOTATIONS.check(MAIN_CODE);
  }

  @Test
  void domainTakesTimeAndIdsFromOutside() {
    DOMAIN_TAKES_TIME_AND_IDS_FROM_OUTSIDE.check(MAIN_CODE);
  }
}
