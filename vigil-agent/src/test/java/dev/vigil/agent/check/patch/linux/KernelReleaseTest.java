package dev.vigil.agent.check.patch.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.testing.ParserProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KernelReleaseTest {

    @ParameterizedTest(name = "{0} is newer than {1}")
    @CsvSource({
            // Debian ABI number: 21 > 9 although '9' > '2' as text
            "6.1.0-21-amd64, 6.1.0-9-amd64",
            // Ubuntu
            "5.15.0-107-generic, 5.15.0-97-generic",
            // RHEL: el9_4 release beats el9_3, numbers compared as numbers
            "5.14.0-427.13.1.el9_4.x86_64, 5.14.0-362.24.1.el9_3.x86_64",
            // RHEL minor release 8.10 after 8.9
            "4.18.0-553.el8_10.x86_64, 4.18.0-513.24.1.el8_9.x86_64",
            // Fedora upstream version
            "6.10.3-200.fc40.x86_64, 6.9.12-200.fc40.x86_64",
            // Arch
            "6.9.2-arch1-1, 6.9.1-arch1-2",
    })
    void comparesAsVersions(String newer, String older) {
        assertThat(KernelRelease.compare(newer, older)).isPositive();
        assertThat(KernelRelease.compare(older, newer)).isNegative();
    }

    @ParameterizedTest(name = "{0} and {1}: same flavour = {2}")
    @CsvSource({
            "6.1.0-21-amd64, 6.1.0-22-amd64, true",
            // a cloud kernel beside the generic one is another flavour
            "6.1.0-21-amd64, 6.1.0-21-cloud-amd64, false",
            "5.14.0-362.24.1.el9_3.x86_64, 5.14.0-427.13.1.el9_4.x86_64, true",
            "5.15.0-107-generic, 5.15.0-107-lowlatency, false",
            // RHEL's rescue image is not a kernel version
            "5.14.0-427.13.1.el9_4.x86_64, 0-rescue-4f6e2a0d1c8b4e5f9a7b3c2d1e0f9a8b, false",
    })
    void flavourSeparatesKernelLines(String a, String b, boolean same) {
        assertThat(KernelRelease.flavour(a).equals(KernelRelease.flavour(b))).isEqualTo(same);
    }

    @Test
    void compareIsAntisymmetricAndNeverThrows() {
        java.util.List<String> versions = new java.util.ArrayList<>(dev.vigil.core.testing.RandomInputs.strings(21, 300));
        versions.addAll(dev.vigil.core.testing.RandomInputs.fromAlphabet("0123456789.-_+~abcelv", 24, 22, 300));
        for (int i = 0; i + 1 < versions.size(); i++) {
            String a = versions.get(i);
            String b = versions.get(versions.size() - 1 - i);
            assertThat(Integer.signum(KernelRelease.compare(a, b))).as("%s vs %s", a, b)
                    .isEqualTo(-Integer.signum(KernelRelease.compare(b, a)));
            KernelRelease.flavour(a);
        }
    }
}
