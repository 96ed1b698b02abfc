package dev.vigil.agent.check.disk.linux;

import dev.vigil.agent.check.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses an LVM metadata backup ({@code /etc/lvm/backup/<vg>}) for the devices its physical volumes
 * were last seen on: inside {@code physical_volumes { pvN { device = "/dev/…" # Hint only } }}.
 * Used only when auditing a mounted image, where no sysfs says what a volume group rests on.
 */
final class LvmMetadata {

    private static final Pattern DEVICE = Pattern.compile("^\\s*device\\s*=\\s*\"([^\"]+)\"");

    private LvmMetadata() {
    }

    static List<String> physicalVolumeDevices(String text) throws ParseException {
        int section = text.indexOf("physical_volumes");
        if (section < 0) {
            throw new ParseException("expected a physical_volumes section in the LVM metadata");
        }
        List<String> devices = new ArrayList<>();
        for (String line : text.substring(section).split("\n")) {
            if (line.strip().startsWith("logical_volumes")) {
                break;
            }
            Matcher m = DEVICE.matcher(line);
            if (m.find()) {
                devices.add(m.group(1));
            }
        }
        if (devices.isEmpty()) {
            throw new ParseException("no 'device = \"…\"' hint in the LVM metadata's physical_volumes");
        }
        return List.copyOf(devices);
    }
}
