package dev.vigil.agent.check.patch.linux;

import java.util.List;
import java.util.Objects;

/**
 * Updates a package manager would install, split into those that fix security issues and the rest.
 *
 * @param security packages with an update from a security archive or advisory
 * @param other    packages with any other update
 */
record Updates(List<String> security, List<String> other) {

    Updates {
        security = List.copyOf(Objects.requireNonNull(security, "security"));
        other = List.copyOf(Objects.requireNonNull(other, "other"));
    }

    int total() {
        return security.size() + other.size();
    }
}
