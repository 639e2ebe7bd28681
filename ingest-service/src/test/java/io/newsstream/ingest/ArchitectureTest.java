package io.newsstream.ingest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Package boundaries inside ingest-service (module boundaries are in {@link ModuleBoundariesTest}).
 */
class ArchitectureTest {

  static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.newsstream.ingest");

  @Test
  void shouldKeepValidationFreeOfHttpAndKafka() {
    noClasses().that().resideInAPackage("..ingest.validate..")
        .should().dependOnClassesThat().resideInAnyPackage("io.micronaut.http..", "org.apache.kafka..")
        .check(CLASSES);
  }

  @Test
  void shouldKeepPublishingFreeOfHttp() {
    noClasses().that().resideInAPackage("..ingest.publish..")
        .should().dependOnClassesThat().resideInAnyPackage("io.micronaut.http..", "..ingest.api..", "..ingest.auth..")
        .check(CLASSES);
  }
}
