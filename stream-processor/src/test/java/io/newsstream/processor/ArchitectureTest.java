package io.newsstream.processor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Module and package boundaries, checked by the build. */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.newsstream.processor");

  @Test
  void shouldNeverImportIngestService() {
    noClasses().should().dependOnClassesThat().resideInAPackage("io.newsstream.ingest..").check(CLASSES);
  }

  @Test
  void shouldKeepEnrichmentFreeOfKafkaAndMicronaut() {
    noClasses()
        .that()
        .resideInAPackage("io.newsstream.processor.enrich..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.kafka..", "io.micronaut..")
        .check(CLASSES);
  }

  @Test
  void shouldKeepTheTopologyFreeOfTheRuntime() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.newsstream.processor.topology..", "io.newsstream.processor.dedup..", "io.newsstream.processor.route..", "io.newsstream.processor.stage..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.newsstream.processor.runtime..", "io.micrometer..")
        .check(CLASSES);
  }
}
