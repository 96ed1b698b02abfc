package dev.vigil.agent.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.testing.FakeProbe;
import dev.vigil.core.catalog.Catalog;
import dev.vigil.core.report.Finding;
import dev.vigil.core.report.OsFamily;
import dev.vigil.core.report.Status;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Under --root, every check that needs a running system says so instead of judging the auditing machine. */
class LiveSystemGateTest {

    /** The Linux controls whose truth only a running system has. */
    private static final Set<String> LIVE_ONLY = Set.of("network.exposed-ports", "patch.pending-reboot",
            "patch.pending-updates", "integrity.secure-boot");

    @Test
    void checksThatNeedARunningSystemAreUnknownUnderRoot() {
        List<Check> live = Checks.forPlatform(OsFamily.LINUX).stream().filter(c -> c.needs().contains(Need.LIVE_SYSTEM)).toList();
        assertThat(live).extracting(Check::control).containsAll(LIVE_ONLY);
        List<Finding> findings = new CheckRunner(Catalog.bundled(), Policy.defaults(), Duration.ofSeconds(5))
                .run(live, FakeProbe.linux().live(false));
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.status()).as(f.control()).isEqualTo(Status.UNKNOWN);
            assertThat(f.detail()).as(f.control()).isEqualTo(Need.LIVE_SYSTEM.reason());
        });
    }
}
