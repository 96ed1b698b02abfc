package dev.vigil.cli;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.vigil.agent.check.Check;
import org.junit.jupiter.api.Test;

/** The module and layering rules of DESIGN.md, checked on the compiled classes. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.vigil");

    @Test
    void coreDependsOnJacksonAndTheJdkOnly() {
        classes().that().resideInAPackage("dev.vigil.core..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.vigil.core..", "java..", "com.fasterxml.jackson..")
                .check(CLASSES);
    }

    @Test
    void theAgentNeverDependsOnTheServerOrTheCli() {
        noClasses().that().resideInAPackage("dev.vigil.agent..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.vigil.server..", "dev.vigil.cli..")
                .check(CLASSES);
    }

    @Test
    void onlyTheKernelCommandsUseTheServer() {
        // the agent-only bundle has no vigil-server classes: everything else of the CLI must run without them
        noClasses().that().resideInAPackage("dev.vigil.cli..").and().resideOutsideOfPackage("dev.vigil.cli.kernel..")
                .should().dependOnClassesThat().resideInAPackage("dev.vigil.server..")
                .check(CLASSES);
    }

    @Test
    void checksReachTheMachineOnlyThroughTheProbe() {
        noClasses().that().resideInAPackage("dev.vigil.agent.check..")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.lang.ProcessBuilder")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.file.Files")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.Runtime")
                .check(CLASSES);
    }

    @Test
    void checksDoNotCallEachOther() {
        // parsers may be shared between domains (the shadow-permissions check reads passwd with the accounts parser);
        // checks themselves stay independent, so that none depends on another having run
        for (String domain : new String[] {"disk", "firewall", "network", "remote", "patch", "integrity", "kernel", "accounts", "files", "logging", "screen"}) {
            noClasses().that().resideInAPackage("dev.vigil.agent.check." + domain + "..")
                    .should().dependOnClassesThat(resideInAnyPackage(otherDomains(domain)).and(assignableTo(Check.class)))
                    .allowEmptyShould(true)
                    .check(CLASSES);
        }
    }

    private static String[] otherDomains(String domain) {
        return java.util.stream.Stream.of("disk", "firewall", "network", "remote", "patch", "integrity", "kernel", "accounts", "files", "logging", "screen")
                .filter(d -> !d.equals(domain)).map(d -> "dev.vigil.agent.check." + d + "..").toArray(String[]::new);
    }
}
