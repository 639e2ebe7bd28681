package io.newsstream.schemas;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The contract module stands alone: every service depends on it, so it depends on no other
 * Newsstream module.
 */
@AnalyzeClasses(packages = "io.newsstream", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

  @ArchTest
  static final ArchRule schemasShouldDependOnNoOtherNewsstreamModule =
      noClasses()
          .that().resideInAPackage("io.newsstream.schemas..")
          .should().dependOnClassesThat()
          .resideInAnyPackage("io.newsstream.ingest..", "io.newsstream.processor..", "io.newsstream.localstack..")
          .because("schemas is the shared contract and must not pull in a service or the test infrastructure");

  @ArchTest
  static final ArchRule schemasShouldDependOnlyOnItselfWithinNewsstream =
      noClasses()
          .that().resideInAPackage("io.newsstream.schemas..")
          .should().dependOnClassesThat(
              DescribedPredicate.describe(
                  "are in io.newsstream but outside io.newsstream.schemas",
                  c -> c.getPackageName().startsWith("io.newsstream.")
                      && !c.getPackageName().equals("io.newsstream.schemas")
                      && !c.getPackageName().startsWith("io.newsstream.schemas.")))
          .because("any future module is as off-limits as today's");
}
