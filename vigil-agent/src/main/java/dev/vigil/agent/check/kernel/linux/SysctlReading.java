package dev.vigil.agent.check.kernel.linux;

import java.util.Objects;

/** What is known about one sysctl: its value and where it came from, or why there is none. */
sealed interface SysctlReading {

    /** The dotted sysctl name. */
    String name();

    /** Where a value came from. */
    enum Origin {
        /** The running kernel's value, from /proc/sys. */
        RUNNING("running"),
        /** The value the image's configuration files set at boot. */
        CONFIGURED("configured"),
        /** Nothing configures it: the kernel's default. */
        KERNEL_DEFAULT("kernel_default");

        private final String fact;

        Origin(String fact) {
            this.fact = fact;
        }

        /** The spelling used in facts. */
        String fact() {
            return fact;
        }
    }

    /**
     * A value.
     *
     * @param where the /proc/sys path, the configuration file that set it, or how the default is known
     */
    record Value(String name, String value, Origin origin, String where) implements SysctlReading {
        public Value {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(where, "where");
        }

        /** How a person reads where the value came from, e.g. "configured value, from /etc/sysctl.d/99-x.conf". */
        String describeOrigin() {
            return switch (origin) {
                case RUNNING -> "running value";
                case CONFIGURED -> "configured value, from " + where;
                case KERNEL_DEFAULT -> "not configured in the image; " + where;
            };
        }
    }

    /** This kernel has no such sysctl (e.g. Yama not built in). */
    record Absent(String name, String reason) implements SysctlReading {
        public Absent {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The value could not be learnt; {@code reason} says why. */
    record Undetermined(String name, String reason) implements SysctlReading {
        public Undetermined {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
