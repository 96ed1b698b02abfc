package dev.vigil.agent.check.patch.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.FileStat;
import dev.vigil.agent.probe.LiveProbe;
import dev.vigil.agent.testing.FakeProbe;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.core.report.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinuxPendingUpdatesCheckTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Policy POLICY = Policy.defaults();
    private static final List<String> APT = LinuxPendingUpdatesCheck.APT_IN_MEMORY.argv();
    private static final List<String> APT_CACHE = LinuxPendingUpdatesCheck.APT_FROM_CACHE.argv();
    private static final List<String> DNF = LinuxPendingUpdatesCheck.DNF_CHECK_UPDATE.argv();
    private static final List<String> DNF_SEC = LinuxPendingUpdatesCheck.DNF_SECURITY.argv();
    private static final String RELEASE = "/var/lib/apt/lists/mirror.example_debian_dists_bookworm_InRelease";

    private final LinuxPendingUpdatesCheck check = new LinuxPendingUpdatesCheck();

    private static FakeProbe aptHost(Instant listsRefreshed) {
        return FakeProbe.linux().now(NOW)
                .listing("/var/lib/apt/lists", "mirror.example_debian_dists_bookworm_InRelease",
                        "mirror.example_debian_dists_bookworm_main_binary-amd64_Packages.lz4", "lock", "partial")
                .stat(RELEASE, FileStat.Type.FILE, 0644, 0, 0, listsRefreshed);
    }

    private static String fixture(String name) {
        return Fixtures.output("linux/apt-list-upgradable/" + name);
    }

    @Test
    void reportsFailWhenSecurityUpdatesArePending() {
        Outcome o = check.run(aptHost(NOW.minus(Duration.ofHours(3))).command(APT, 0, fixture("debian12-security.txt")), POLICY);
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).startsWith("81 security updates pending (136 updates in all); package lists refreshed today");
        assertThat(o.facts()).containsEntry("package_manager", "apt").containsEntry("security_updates", 81)
                .containsEntry("apt_cache", "built in memory");
    }

    @Test
    void reportsWarnWhenOnlyOtherUpdatesArePending() {
        String listing = "Listing...\nbash/oldstable 5.2.15-2+b13 amd64 [upgradable from: 5.2.15-2+b8]\n";
        Outcome o = check.run(aptHost(NOW.minus(Duration.ofDays(1))).command(APT, 0, listing), POLICY);
        assertThat(o.status()).isEqualTo(Status.WARN);
        assertThat(o.detail()).isEqualTo("1 update pending, none of them security updates; package lists refreshed 1 day ago.");
    }

    @Test
    void reportsPassWhenNothingIsPendingAndListsAreFresh() {
        Outcome o = check.run(aptHost(NOW.minus(Duration.ofDays(2))).command(APT, 0, fixture("none.txt")), POLICY);
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.facts()).containsEntry("lists_age_days", 2L);
    }

    @Test
    void reportsWarnWhenNothingIsPendingButListsAreStale() {
        Outcome o = check.run(aptHost(NOW.minus(Duration.ofDays(137))).command(APT, 0, fixture("none.txt")), POLICY);
        assertThat(o.status()).isEqualTo(Status.WARN);
        assertThat(o.detail()).contains("137 days ago").contains("may be out of date");
    }

    @Test
    void staleListsStillFailOnSecurityUpdates() {
        Outcome o = check.run(aptHost(NOW.minus(Duration.ofDays(30))).command(APT, 0, fixture("ubuntu-jammy-security.txt")), POLICY);
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).contains("may be out of date");
    }

    @Test
    void takesTheUpdateStampWhenNewerThanTheReleaseFiles() {
        FakeProbe host = aptHost(NOW.minus(Duration.ofDays(60)))
                .stat(LinuxPendingUpdatesCheck.APT_UPDATE_STAMP, FileStat.Type.FILE, 0644, 0, 0, NOW.minus(Duration.ofHours(1)))
                .command(APT, 0, fixture("none.txt"));
        assertThat(check.run(host, POLICY).status()).isEqualTo(Status.PASS);
    }

    @Test
    void reportsUnknownWhenListsWereNeverDownloaded() {
        Outcome o = check.run(FakeProbe.linux().now(NOW).command(APT, 0, fixture("none.txt")), POLICY);
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).startsWith("package lists never downloaded");
    }

    @Test
    void reportsUnknownWhenAptFails() {
        Outcome o = check.run(aptHost(NOW).command(APT, 100, "", "E: The package cache file is corrupted"), POLICY);
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).contains("exited 100").contains("corrupted");
    }

    @Test
    void reportsUnknownWhenAptTimesOut() {
        Outcome o = check.run(aptHost(NOW).timedOut(APT, Duration.ofSeconds(5)), POLICY);
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).contains("timed out after 5 s");
    }

    @Test
    void reportsUnknownOnGarbledAptOutput() {
        Outcome o = check.run(aptHost(NOW).command(APT, 0, fixture("garbled.txt")), POLICY);
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).startsWith("unrecognised output from `apt list --upgradable`");
    }

    @Test
    void readsAptsCacheOnDiskWhenItIsNewerThanEverythingItIsBuiltFrom() {
        FakeProbe host = aptHost(NOW.minus(Duration.ofDays(1)))
                .stat(LinuxPendingUpdatesCheck.APT_PKGCACHE, FileStat.Type.FILE, 0644, 0, 0, NOW.minus(Duration.ofHours(1)))
                .stat(LinuxPendingUpdatesCheck.DPKG_STATUS, FileStat.Type.FILE, 0644, 0, 0, NOW.minus(Duration.ofHours(2)))
                .command(APT_CACHE, 0, fixture("none.txt"));
        Outcome o = check.run(host, POLICY);
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(host.ran()).containsExactly(APT_CACHE);
        assertThat(o.facts()).containsEntry("apt_cache", "on disk, current");
    }

    @Test
    void buildsTheCacheInMemoryWhenDpkgChangedSinceAptWroteIt() {
        FakeProbe host = aptHost(NOW.minus(Duration.ofDays(1)))
                .stat(LinuxPendingUpdatesCheck.APT_PKGCACHE, FileStat.Type.FILE, 0644, 0, 0, NOW.minus(Duration.ofHours(2)))
                .stat(LinuxPendingUpdatesCheck.DPKG_STATUS, FileStat.Type.FILE, 0644, 0, 0, NOW.minus(Duration.ofHours(1)))
                .command(APT, 0, fixture("none.txt"));
        assertThat(check.run(host, POLICY).status()).isEqualTo(Status.PASS);
        assertThat(host.ran()).containsExactly(APT);
    }

    @Test
    void fallsBackToAnInMemoryCacheWhenTheCacheOnDiskIsRejected() {
        FakeProbe host = aptHost(NOW.minus(Duration.ofDays(1)))
                .stat(LinuxPendingUpdatesCheck.APT_PKGCACHE, FileStat.Type.FILE, 0644, 0, 0, NOW.minus(Duration.ofHours(1)))
                .stat(LinuxPendingUpdatesCheck.DPKG_STATUS, FileStat.Type.FILE, 0644, 0, 0, NOW.minus(Duration.ofHours(2)))
                .command(APT_CACHE, 100, "", "E: The package cache file is corrupted")
                .command(APT, 0, fixture("none.txt"));
        assertThat(check.run(host, POLICY).status()).isEqualTo(Status.PASS);
        assertThat(host.ran()).containsExactly(APT_CACHE, APT);
    }

    @Test
    void decidesWithoutRootToo() {
        Outcome o = check.run(aptHost(NOW).elevated(false).command(APT, 0, fixture("none.txt")), POLICY);
        assertThat(o.status()).isEqualTo(Status.PASS);
    }

    private static FakeProbe dnfHost() {
        return FakeProbe.linux().now(NOW)
                .listing("/var/cache/dnf", "baseos-044cae74d71fe9ea", "appstream-1b2e3f4a5c6d7e8f")
                .listing("/var/cache/dnf/baseos-044cae74d71fe9ea/repodata", "repomd.xml", "primary.xml.gz")
                .stat("/var/cache/dnf/baseos-044cae74d71fe9ea/repodata/repomd.xml", FileStat.Type.FILE, 0644, 0, 0,
                        NOW.minus(Duration.ofHours(5)));
    }

    @Test
    void reportsFailWhenDnfHasSecurityUpdates() {
        FakeProbe host = dnfHost()
                .command(DNF, 100, Fixtures.output("linux/dnf-check-update/rhel9-updates.txt"))
                .command(DNF_SEC, 0, Fixtures.output("linux/dnf-updateinfo-security/rhel9-security.txt"));
        Outcome o = check.run(host, POLICY);
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).startsWith("2 security updates pending (4 updates in all)");
        assertThat(o.facts()).containsEntry("security_packages", List.of("kernel.x86_64", "openssl-libs.x86_64"));
    }

    @Test
    void reportsPassWhenDnfHasNothing() {
        Outcome o = check.run(dnfHost().command(DNF, 0, ""), POLICY);
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.facts()).containsEntry("package_manager", "dnf");
    }

    @Test
    void reportsWarnNamingWhySecurityIsUnknownWhenUpdateinfoFails() {
        FakeProbe host = dnfHost()
                .command(DNF, 100, Fixtures.output("linux/dnf-check-update/rhel9-updates.txt"))
                .command(DNF_SEC, 1, "", "Error: Cache-only enabled but no cache for 'baseos'");
        Outcome o = check.run(host, POLICY);
        assertThat(o.status()).isEqualTo(Status.WARN);
        assertThat(o.detail()).contains("not known which fix security issues");
    }

    @Test
    void reportsUnknownWhenDnfExitsWithAnError() {
        Outcome o = check.run(dnfHost().command(DNF, 1, "", "Error: Cache-only enabled but no cache for 'baseos'"), POLICY);
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).contains("exited 1");
    }

    @Test
    void reportsUnknownWhenDnfMetadataWasNeverDownloaded() {
        Outcome o = check.run(FakeProbe.linux().now(NOW).command(DNF, 0, ""), POLICY);
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).startsWith("package metadata never downloaded");
    }

    @Test
    void reportsUnknownNamingWhatWasLookedForWithoutAPackageManager() {
        Outcome o = check.run(FakeProbe.linux(), POLICY);
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).isEqualTo("no supported package manager found: looked for apt and dnf");
    }

    @Test
    void decidesOnThisMachine() {
        Outcome o = new LinuxPendingUpdatesCheck().run(LiveProbe.system(), POLICY);
        assertThat(o.detail()).isNotBlank();
        assertThat(o.status()).isNotEqualTo(Status.UNKNOWN).isNotEqualTo(Status.NOT_APPLICABLE);
    }
}
