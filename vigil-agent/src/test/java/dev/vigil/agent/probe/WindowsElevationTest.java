package dev.vigil.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WindowsElevationTest {

    @Test
    void isFalseWhenNotOnWindows() {
        assertThat(WindowsElevation.current("Linux")).isFalse();
        assertThat(WindowsElevation.current("Mac OS X")).isFalse();
        assertThat(WindowsElevation.current("")).isFalse();
    }

    @Test
    void isFalseOnThisLinuxMachine() {
        assertThat(WindowsElevation.current()).isFalse();
    }
}
