package dev.vigil.agent.check.patch.windows;

/**
 * How old the newest installed update may be: up to {@code passDays} is current (Microsoft releases security
 * updates monthly, so 35 days allows for one missed Patch Tuesday's few days of slack), up to {@code warnDays}
 * (three monthly releases) is behind, beyond that is unpatched.
 *
 * <p>These belong in the policy ({@code update_max_age_days}, {@code update_stale_age_days}); until the policy has
 * them, {@link #DEFAULT} holds the values.
 */
record UpdateAgeLimits(int passDays, int warnDays) {

    static final UpdateAgeLimits DEFAULT = new UpdateAgeLimits(35, 90);

    UpdateAgeLimits {
        if (passDays <= 0 || warnDays < passDays) {
            throw new IllegalArgumentException("update age limits must satisfy 0 < pass <= warn, got " + passDays + ", " + warnDays);
        }
    }
}
