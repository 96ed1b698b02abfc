package dev.vigil.agent.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyTest {

    @Test
    void defaultsHoldTheIssuesHighRiskPorts() {
        Policy p = Policy.defaults();
        assertThat(p.highRiskPorts()).contains(21, 22, 23, 25, 53, 80, 110, 135, 139, 143, 445, 1433, 3306, 3389, 5432,
                5900, 6379, 8080, 9200, 11211, 27017).hasSize(21);
        assertThat(p.aslr()).isEqualTo(2);
        assertThat(p.shadowMaxModeBits()).isEqualTo(0640);
    }

    @Test
    void aPolicyFileOverridesOnlyTheKeysItNames(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("policy.json");
        Files.writeString(f, "{\"high_risk_ports\": [22], \"package_list_max_age_days\": 2}");
        Policy p = Policy.withOverrides(f);
        assertThat(p.highRiskPorts()).containsExactly(22);
        assertThat(p.packageListMaxAgeDays()).isEqualTo(2);
        assertThat(p.sysctls()).isEqualTo(Policy.defaults().sysctls());
    }

    @Test
    void anUnknownKeyIsNamedWithTheKnownOnes(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("policy.json");
        Files.writeString(f, "{\"high_risk_portz\": [22]}");
        assertThatThrownBy(() -> Policy.withOverrides(f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("high_risk_portz").hasMessageContaining("high_risk_ports");
    }

    @Test
    void aBadValueIsNamed(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("policy.json");
        Files.writeString(f, "{\"shadow_max_mode\": \"rw-r-----\"}");
        assertThatThrownBy(() -> Policy.withOverrides(f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shadow_max_mode");
    }

    @Test
    void brokenJsonIsRefusedWithTheFileName(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("policy.json");
        Files.writeString(f, "{ nope");
        assertThatThrownBy(() -> Policy.withOverrides(f)).hasMessageContaining(f.toString());
    }
}
