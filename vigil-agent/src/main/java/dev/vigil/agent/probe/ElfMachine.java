package dev.vigil.agent.probe;

import java.util.Optional;

/**
 * The CPU architecture an ELF executable is built for, from its header: how a mounted image's architecture is told
 * without running anything (the auditing machine's own architecture may differ).
 */
final class ElfMachine {

    private ElfMachine() {
    }

    /** The architecture in the usual spelling, from the first 20 bytes or more of an ELF file; empty when it is not ELF. */
    static Optional<String> of(byte[] header) {
        if (header.length < 20 || header[0] != 0x7f || header[1] != 'E' || header[2] != 'L' || header[3] != 'F') {
            return Optional.empty();
        }
        boolean littleEndian = header[5] == 1;
        int machine = littleEndian
                ? (header[18] & 0xff) | (header[19] & 0xff) << 8
                : (header[18] & 0xff) << 8 | (header[19] & 0xff);
        boolean is64 = header[4] == 2;
        return Optional.ofNullable(switch (machine) {
            case 0x3e -> "x86_64";
            case 0x03 -> "i686";
            case 0xb7 -> "aarch64";
            case 0x28 -> "armv7l";
            case 0xf3 -> is64 ? "riscv64" : "riscv32";
            case 0x15 -> littleEndian ? "ppc64le" : "ppc64";
            case 0x16 -> "s390x";
            default -> null;
        });
    }
}
