package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ElevateTest {

    @Test
    void dropsElevateFromTheRelaunchedArguments() {
        List<String> cmd = Elevate.relaunchCommand(List.of("audit", "--elevate", "--format", "json"));
        assertThat(cmd).endsWith("audit", "--format", "json").doesNotContain("--elevate");
        assertThat(cmd.getFirst()).contains("java");
    }

    @Test
    void sudoRunsTheSameCommand() {
        assertThat(Elevate.sudo(List.of("/usr/bin/java", "-jar", "v.jar", "audit")))
                .containsExactly("sudo", "--", "/usr/bin/java", "-jar", "v.jar", "audit");
    }

    @Test
    void uacStartsTheCommandElevatedAndPassesItsExitCodeOn() {
        List<String> argv = Elevate.uac(List.of("C:\\Program Files\\Vigil\\java.exe", "-jar", "C:\\It's\\vigil.jar", "audit"));
        assertThat(argv.subList(0, 4)).containsExactly("powershell.exe", "-NoProfile", "-NonInteractive", "-Command");
        assertThat(argv.get(4)).isEqualTo("$p = Start-Process -FilePath 'C:\\Program Files\\Vigil\\java.exe' -ArgumentList "
                + "'-jar','C:\\It''s\\vigil.jar','audit' -Verb RunAs -Wait -PassThru; exit $p.ExitCode");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "plain argument stays as it is        | --format          | --format",
        "a space needs quotes                 | C:\\My Reports\\r | \"C:\\My Reports\\r\"",
        "an inner quote is escaped            | say \"hi\"        | \"say \\\"hi\\\"\"",
        "trailing backslashes are doubled     | C:\\dir x\\       | \"C:\\dir x\\\\\"",
    })
    void quotesArgumentsTheWayWindowsReadsThemBack(String what, String arg, String expected) {
        assertThat(Elevate.windowsArg(arg)).isEqualTo(expected);
    }

    @Test
    void anEmptyArgumentIsKept() {
        assertThat(Elevate.windowsArg("")).isEqualTo("\"\"");
    }
}
