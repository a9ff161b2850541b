package dev.scaletoolkit.emulator.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What goes into the production jar (the compiled main classes, which are exactly what the jar packs) holds no test
 * harness: {@code TestEmulator} and anything else for tests lives in the emulator's test-jar, so a server built on
 * the emulator never ships a class that makes throwaway accounts and deletes its data directory on close.
 */
class ProductionClassesTest {
    private static JavaClasses production;

    @BeforeAll
    static void importMainClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("dev.scaletoolkit.emulator");
    }

    @Test
    void mainClassesWereFound() {
        // guards the checks below against passing on an empty import
        assertThat(production.stream().map(JavaClass::getSimpleName)).contains("ScaleEmulator");
    }

    @Test
    void noTestHarnessClassInTheProductionJar() {
        assertThat(production.stream()
                        .filter(c -> c.getPackageName().endsWith(".testing")
                                || c.getSimpleName().startsWith("Test"))
                        .map(JavaClass::getName))
                .as("test harness classes belong in src/test (the test-jar), not in the production jar")
                .isEmpty();
    }

    @Test
    void productionCodeNeverUsesATestLibrary() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.junit..", "org.assertj..", "org.awaitility..", "com.tngtech.archunit..")
                .check(production);
    }
}
