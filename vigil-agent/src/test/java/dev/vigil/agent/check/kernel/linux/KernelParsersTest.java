package dev.vigil.agent.check.kernel.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.kernel.linux.SysctlConfParser.Assignment;
import dev.vigil.agent.check.kernel.linux.SysctlConfParser.Exclusion;
import dev.vigil.agent.check.kernel.linux.SysctlConfParser.SysctlConf;
import dev.vigil.agent.testing.Fixtures;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KernelParsersTest {

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            randomize-full.txt    | 2           | full randomisation on this machine
            randomize-partial.txt | 1           | partial randomisation
            randomize-off.txt     | 0           | randomisation off
            port-range-tab.txt    | 32768 60999 | two tab-separated values read as one space-separated value
            """)
    void readsProcSysValues(String fixture, String expected, String what) throws ParseException {
        assertThat(ProcSysParser.value(Fixtures.output("linux/proc-sys/" + fixture))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            empty.txt   | nothing  | an empty (truncated) read
            garbled.txt | one line | two lines where one value belongs
            """)
    void rejectsUnusableProcSysValues(String fixture, String message, String what) {
        assertThatThrownBy(() -> ProcSysParser.value(Fixtures.output("linux/proc-sys/" + fixture)))
                .isInstanceOf(ParseException.class).hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            debian-protect-links.txt           | 4  | 0 | Debian's link protection: four assignments
            debian-sysctl-conf-commented.txt   | 0  | 0 | Debian's sysctl.conf: everything commented out
            systemd-50-default-globs.txt       | 17 | 0 | systemd defaults with globs, exclusions and '-' prefixes
            planted-weak.txt                   | 3  | 1 | planted weak settings with a slash key and a stray line
            truncated.txt                      | 1  | 1 | cut mid-key: the partial line is ignored
            empty.txt                          | 0  | 0 | an empty file
            """)
    void parsesSysctlConfFiles(String fixture, int lines, int ignored, String what) throws ParseException {
        SysctlConf conf = SysctlConfParser.parse(Fixtures.output("linux/sysctl-d/" + fixture));
        assertThat(conf.lines()).hasSize(lines);
        assertThat(conf.ignoredLines()).isEqualTo(ignored);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"garbled-binary.txt"})
    void rejectsBinarySysctlConf(String fixture) {
        assertThatThrownBy(() -> SysctlConfParser.parse(Fixtures.output("linux/sysctl-d/" + fixture)))
                .isInstanceOf(ParseException.class).hasMessageContaining("binary");
    }

    @org.junit.jupiter.api.Test
    void readsGlobsExclusionsAndSlashKeys() throws ParseException {
        SysctlConf defaults = SysctlConfParser.parse(Fixtures.output("linux/sysctl-d/systemd-50-default-globs.txt"));
        assertThat(defaults.lines()).contains(
                new Assignment("net.ipv4.conf.*.rp_filter", "2"),
                new Exclusion("net.ipv4.conf.all.rp_filter"),
                new Assignment("net.ipv4.ping_group_range", "0 2147483647"),
                new Assignment("fs.protected_symlinks", "1"));
        SysctlConf planted = SysctlConfParser.parse(Fixtures.output("linux/sysctl-d/planted-weak.txt"));
        assertThat(planted.lines()).containsExactly(
                new Assignment("kernel.randomize_va_space", "0"),
                new Assignment("net.ipv4.conf.all.accept_redirects", "1"),
                new Assignment("kernel.kptr_restrict", "0"));
    }

    @ParameterizedTest(name = "{0}: {4}")
    @CsvSource(delimiter = '|', textBlock = """
            distro-hardened.txt     | n | y | y | distribution kernel: heap randomised, dmesg restricted, Yama built in
            embedded-compat-brk.txt | y | n | - | embedded kernel: COMPAT_BRK, no dmesg restriction, no Yama
            """)
    void parsesKernelConfigs(String fixture, String compatBrk, String dmesg, String yama, String what) throws ParseException {
        KernelConfigParser.KernelConfig c = KernelConfigParser.parse(Fixtures.output("linux/boot-config/" + fixture));
        assertThat(c.option("CONFIG_COMPAT_BRK")).contains(compatBrk);
        assertThat(c.option("CONFIG_SECURITY_DMESG_RESTRICT")).contains(dmesg);
        assertThat(c.option("CONFIG_SECURITY_YAMA")).isEqualTo(yama.equals("-") ? Optional.empty() : Optional.of(yama));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            empty.txt     | an empty file
            truncated.txt | cut inside the header comment
            garbled.txt   | gzip bytes instead of text
            """)
    void rejectsUnusableKernelConfigs(String fixture, String what) {
        assertThatThrownBy(() -> KernelConfigParser.parse(Fixtures.output("linux/boot-config/" + fixture)))
                .isInstanceOf(ParseException.class).hasMessageContaining("CONFIG_");
    }

    @org.junit.jupiter.api.Test
    void namesConvertBetweenDotsAndSlashes() {
        assertThat(SysctlNames.path("kernel.yama.ptrace_scope")).isEqualTo("kernel/yama/ptrace_scope");
        assertThat(SysctlNames.path("net.ipv4.conf.eth0/100.rp_filter")).isEqualTo("net/ipv4/conf/eth0.100/rp_filter");
        assertThat(SysctlNames.dotted("net/ipv4/conf/eth0.100/rp_filter")).isEqualTo("net.ipv4.conf.eth0/100.rp_filter");
        assertThat(SysctlNames.valid("kernel.randomize_va_space")).isTrue();
        assertThat(SysctlNames.valid("kernel..x")).isFalse();
        assertThat(SysctlNames.valid("../../etc/shadow")).isFalse();
        assertThat(SysctlNames.globMatches("net.ipv4.conf.*.rp_filter", "net.ipv4.conf.all.rp_filter")).isTrue();
        assertThat(SysctlNames.globMatches("net.ipv4.*.rp_filter", "net.ipv4.conf.all.rp_filter")).isFalse();
        assertThat(SysctlNames.globMatches("net.ipv4.conf.[ad]*.rp_filter", "net.ipv4.conf.all.rp_filter")).isTrue();
    }

    @org.junit.jupiter.api.Test
    void settingsApplyLaterFilesLastAndExplicitOverGlob() throws ParseException {
        SysctlSettings s = SysctlSettings.of(List.of(
                new SysctlSettings.File("/usr/lib/sysctl.d/50-default.conf",
                        SysctlConfParser.parse(Fixtures.output("linux/sysctl-d/systemd-50-default-globs.txt"))),
                new SysctlSettings.File("/etc/sysctl.d/60-planted.conf",
                        SysctlConfParser.parse(Fixtures.output("linux/sysctl-d/planted-weak.txt"))),
                new SysctlSettings.File("/etc/sysctl.d/90-glob.conf",
                        SysctlConfParser.parse("net.ipv4.conf.*.send_redirects = 0\nkernel.kptr_restrict = 2\n"))));
        assertThat(s.lookup("kernel.kptr_restrict")).contains(new SysctlSettings.Configured("2", "/etc/sysctl.d/90-glob.conf"));
        assertThat(s.lookup("net.ipv4.conf.all.rp_filter")).as("excluded from the glob").isEmpty();
        assertThat(s.lookup("net.ipv4.conf.eth0.rp_filter")).contains(new SysctlSettings.Configured("2", "/usr/lib/sysctl.d/50-default.conf"));
        assertThat(s.lookup("net.ipv4.conf.all.send_redirects")).contains(new SysctlSettings.Configured("0", "/etc/sysctl.d/90-glob.conf"));
        assertThat(s.lookup("net.ipv4.conf.default.rp_filter")).as("explicit beats the later glob")
                .contains(new SysctlSettings.Configured("2", "/usr/lib/sysctl.d/50-default.conf"));
        assertThat(s.lookup("kernel.randomize_va_space")).contains(new SysctlSettings.Configured("0", "/etc/sysctl.d/60-planted.conf"));
    }

    @org.junit.jupiter.api.Test
    void kernelDefaultsComeFromTheBuildWhereTheyDependOnIt() throws ParseException {
        var hardened = List.of(new KernelDefaults.KernelBuild("/boot/config-6.1.0-18-amd64",
                KernelConfigParser.parse(Fixtures.output("linux/boot-config/distro-hardened.txt"))));
        var embedded = List.of(new KernelDefaults.KernelBuild("/boot/config-5.10.0",
                KernelConfigParser.parse(Fixtures.output("linux/boot-config/embedded-compat-brk.txt"))));
        assertThat(KernelDefaults.of("kernel.randomize_va_space", hardened)).isInstanceOfSatisfying(KernelDefaults.Default.Value.class,
                v -> assertThat(v.value()).isEqualTo("2"));
        assertThat(KernelDefaults.of("kernel.randomize_va_space", embedded)).isInstanceOfSatisfying(KernelDefaults.Default.Value.class,
                v -> assertThat(v.value()).isEqualTo("1"));
        assertThat(KernelDefaults.of("kernel.yama.ptrace_scope", embedded)).isInstanceOf(KernelDefaults.Default.Absent.class);
        assertThat(KernelDefaults.of("kernel.dmesg_restrict", List.of())).isInstanceOf(KernelDefaults.Default.Undetermined.class);
        assertThat(KernelDefaults.of("net.ipv4.tcp_syncookies", List.of())).isEqualTo(new KernelDefaults.Default.Value("1", "kernel default"));
        assertThat(KernelDefaults.of("vm.swappiness", List.of())).isInstanceOf(KernelDefaults.Default.Undetermined.class);
        var both = new java.util.ArrayList<>(hardened);
        both.addAll(embedded);
        assertThat(KernelDefaults.of("kernel.randomize_va_space", both)).isInstanceOf(KernelDefaults.Default.Undetermined.class);
    }
}
