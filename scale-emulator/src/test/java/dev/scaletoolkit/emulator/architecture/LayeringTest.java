package dev.scaletoolkit.emulator.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.scaletoolkit.emulator.store.DataReset;
import dev.scaletoolkit.infra.store.Database;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The emulator's layering, checked over its compiled classes (see the emulator README, "How it is built"): packages
 * form no cycle, services and stores never see an HTTP type, and the wire (routes, control plane, UI) reaches the
 * database only through services. A failure names the class, the member and the line that crossed.
 */
class LayeringTest {
    private static final String ROOT = "dev.scaletoolkit.emulator";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void servicesAndStoresNeverSeeHttp() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        ROOT + ".task..",
                        ROOT + ".batch..",
                        ROOT + ".project..",
                        ROOT + ".file..",
                        ROOT + ".team..",
                        ROOT + ".studio..",
                        ROOT + ".quality..",
                        ROOT + ".auth..",
                        ROOT + ".callback..",
                        ROOT + ".workforce..",
                        ROOT + ".response..",
                        ROOT + ".control..",
                        ROOT + ".signin..",
                        ROOT + ".queue..",
                        ROOT + ".error..",
                        ROOT + ".json..",
                        ROOT + ".store..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        ROOT + ".http..",
                        ROOT + ".api..",
                        ROOT + ".admin..",
                        ROOT + ".web..",
                        "jakarta.servlet..",
                        "org.eclipse.jetty..")
                .check(classes);
    }

    @Test
    void wireNeverOpensTransactionsOrCallsStores() {
        noClasses()
                .that()
                .resideInAnyPackage(ROOT + ".api..", ROOT + ".admin..", ROOT + ".web..", ROOT + ".http..")
                .should()
                .dependOnClassesThat()
                .haveSimpleNameEndingWith("Store")
                .orShould()
                .dependOnClassesThat()
                .belongToAnyOf(Database.class, DataReset.class)
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage("org.jdbi..", "java.sql..", "dev.scaletoolkit.infra.store..")
                .check(classes);
    }

    @Test
    void theUiCallsServicesNeverRouteHandlers() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".web..")
                .should()
                .dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage(ROOT + ".api..", ROOT + ".admin..")
                        .and(JavaClass.Predicates.simpleNameEndingWith("Routes")))
                .check(classes);
    }
}
