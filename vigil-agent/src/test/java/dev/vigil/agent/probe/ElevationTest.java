package dev.vigil.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElevationTest {

    @TempDir
    Path dir;

    private long uidFrom(String status) throws IOException {
        Path p = dir.resolve("status");
        Files.writeString(p, status);
        return Elevation.fromProcStatus(p);
    }

    @Test
    void readsTheEffectiveNotTheRealUid() throws IOException {
        assertThat(uidFrom("Name:\tsudo\nUmask:\t0022\nUid:\t1000\t0\t0\t0\nGid:\t1000\t1000\t1000\t1000\n")).isZero();
        assertThat(uidFrom("Uid:\t0\t1000\t1000\t1000\n")).isEqualTo(1000);
    }

    @Test
    void saysUnknownForGarbage() throws IOException {
        assertThat(uidFrom("Uid:\tx\ty\n")).isEqualTo(-1);
        assertThat(uidFrom("")).isEqualTo(-1);
        assertThat(Elevation.fromProcStatus(dir.resolve("missing"))).isEqualTo(-1);
    }
}
