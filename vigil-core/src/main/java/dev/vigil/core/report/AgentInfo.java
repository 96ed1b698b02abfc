package dev.vigil.core.report;

import java.util.Objects;

/** The agent that produced a report. */
public record AgentInfo(String version) {
    public AgentInfo {
        Objects.requireNonNull(version, "version");
    }
}
