package dev.vigil.agent.check.patch.windows;

/**
 * How old the newest installed update may be: up to {@code passDays} is current (Microsoft releases security
 * updates monthly, so 35 days allows for one missed Patch Tuesday's few days of slack), up to {@code warnDays}
 * (three monthly releases) is behind, beyond that is unpatched.
 */
record UpdateAgeLimits(int passDays, int warnDays) {

    UpdateAgeLimits {
        if (passDays <= 0 || warnDays < passDays) {
            throw new IllegalArgumentException("update age limits must satisfy 0 < pass <= warn, got " + passDays + ", " + warnDays);
        }
    }
}
