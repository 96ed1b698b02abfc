package dev.vigil.agent.check.disk.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MountInfoTest {

    private static List<Mount> parse(String fixture) throws ParseException {
        return MountInfo.parse(Fixtures.output("linux/proc-self-mountinfo/" + fixture + ".txt"));
    }

    @ParameterizedTest(name = "{0}: / is {3} {4} on {1}:{2}")
    @CsvSource(delimiter = '|', textBlock = """
            debian-vm-ext4-on-vda    | 254 | 0  | ext4    | /dev/vda
            fedora-ext4-on-lvm       | 253 | 2  | ext4    | /dev/mapper/ssd-root--f20
            gentoo-btrfs-on-luks     | 0   | 27 | btrfs   | /dev/mapper/luks-316de005-f823-43c4-b6be-058f915d8d02
            debian-zfs-root          | 0   | 23 | zfs     | rpool/ROOT/debian
            docker-container-overlay | 0   | 134| overlay | overlay
            """)
    void findsTheRootMountOfEachRecordedTable(String fixture, int major, int minor, String type, String source)
            throws ParseException {
        Mount root = MountInfo.at(parse(fixture), "/").orElseThrow();
        assertThat(root.device()).isEqualTo(major + ":" + minor);
        assertThat(root.fsType()).isEqualTo(type);
        assertThat(root.source()).isEqualTo(source);
    }

    @ParameterizedTest(name = "{0} is unusable")
    @ValueSource(strings = {"garbled", "truncated", "empty"})
    void rejectsGarbledTruncatedAndEmptyTables(String fixture) {
        assertThatThrownBy(() -> parse(fixture)).isInstanceOf(ParseException.class);
    }

    @Test
    void decodesOctalEscapesInSources() throws ParseException {
        Mount cifs = MountInfo.at(parse("fedora-ext4-on-lvm"), "/DATA/foo_bla_bla").orElseThrow();
        assertThat(cifs.source()).isEqualTo("//foo/BLA BLA BLA/");
    }

    @Test
    void findsTheDeepestMountHoldingAPath() throws ParseException {
        List<Mount> mounts = parse("debian-zfs-root");
        assertThat(MountInfo.containing(mounts, "/var/lib/nfs-data/x").orElseThrow().fsType()).isEqualTo("nfs4");
        assertThat(MountInfo.containing(mounts, "/variable").orElseThrow().mountPoint()).isEqualTo("/");
        assertThat(MountInfo.containing(mounts, "/var/swapfile").orElseThrow().source()).isEqualTo("rpool/var");
    }
}
