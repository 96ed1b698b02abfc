package dev.vigil.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElfMachineTest {

    private static byte[] header(int elfClass, int endian, int machineLow, int machineHigh) {
        byte[] h = new byte[20];
        h[0] = 0x7f;
        h[1] = 'E';
        h[2] = 'L';
        h[3] = 'F';
        h[4] = (byte) elfClass;
        h[5] = (byte) endian;
        h[18] = (byte) machineLow;
        h[19] = (byte) machineHigh;
        return h;
    }

    @Test
    void readsTheMachineField() {
        assertThat(ElfMachine.of(header(2, 1, 0x3e, 0))).contains("x86_64");
        assertThat(ElfMachine.of(header(2, 1, 0xb7, 0))).contains("aarch64");
        assertThat(ElfMachine.of(header(2, 2, 0, 0x16))).contains("s390x");
    }

    @Test
    void saysNothingForWhatIsNotElf() {
        assertThat(ElfMachine.of("#!/bin/sh\necho hi\n".getBytes())).isEmpty();
        assertThat(ElfMachine.of(new byte[3])).isEmpty();
        assertThat(ElfMachine.of(header(2, 1, 0x99, 0x99))).isEqualTo(Optional.empty());
    }

    @Test
    void thisMachinesShellMatchesItsOwnArchitecture() throws IOException {
        Path sh = Path.of("/bin/sh").toRealPath();
        byte[] head;
        try (var in = Files.newInputStream(sh)) {
            head = in.readNBytes(20);
        }
        assertThat(ElfMachine.of(head)).contains(LiveProbe.normalizeArch(System.getProperty("os.arch")));
    }

    @Test
    void aMountedImageWithoutAShellHasAnUnknownArchitecture(@TempDir Path root) {
        assertThat(LiveProbe.mounted(root).arch()).isEqualTo("unknown");
    }
}
