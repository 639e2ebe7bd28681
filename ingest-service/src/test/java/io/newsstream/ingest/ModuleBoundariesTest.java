package io.newsstream.ingest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * ingest-service and stream-processor talk only through Kafka topics and the contract in
 * {@code schemas}; neither compiles against the other, and production code never uses the
 * test infrastructure.
 */
@AnalyzeClasses(packages = "io.newsstream", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

  @ArchTest
  static final ArchRule ingestShouldNotDependOnTheStreamProcessor =
      noClasses()
          .that().resideInAPackage("io.newsstream.ingest..")
          .should().dependOnClassesThat().resideInAPackage("io.newsstream.processor..")
          .because("the services share only topics and the schemas module");

  @ArchTest
  static final ArchRule ingestShouldNotDependOnTheLocalStack =
      noClasses()
          .that().resideInAPackage("io.newsstream.ingest..")
          .should().dependOnClassesThat().resideInAPackage("io.newsstream.localstack..")
          .because("local-stack is test and run-command infrastructure, not a runtime dependency");
}
