package dev.vigil.agent.check;

import dev.vigil.core.report.OsFamily;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A check that decides one control on one platform, declared once in its constructor instead of in three overrides.
 * A concrete check passes its catalog id, its platform and its needs to {@code super(...)} and writes only
 * {@link #run}. A check whose platforms or needs are computed implements {@link Check} directly.
 */
public abstract class PlatformCheck implements Check {

    private final String control;
    private final Set<OsFamily> platforms;
    private final Set<Need> needs;

    /**
     * Declares the check.
     *
     * @param control the catalog id of the control, e.g. {@code "firewall.enabled"}
     * @param platform the one platform the check runs on
     * @param needs what the check needs before it can say anything; none for a check that also reads a mounted
     *     file system
     * @throws NullPointerException if control, platform or a need is null
     * @throws IllegalArgumentException if control is blank or a need is given twice
     */
    protected PlatformCheck(String control, OsFamily platform, Need... needs) {
        Objects.requireNonNull(control, "control");
        if (control.isBlank()) {
            throw new IllegalArgumentException("control is blank");
        }
        this.control = control;
        this.platforms = Set.of(Objects.requireNonNull(platform, "platform"));
        this.needs = needSet(Objects.requireNonNull(needs, "needs"));
    }

    // in Need's order, so that the runner's first unmet need, and with it the reason it gives, never varies
    private static Set<Need> needSet(Need[] needs) {
        EnumSet<Need> set = EnumSet.noneOf(Need.class);
        for (Need need : needs) {
            if (!set.add(Objects.requireNonNull(need, "need"))) {
                throw new IllegalArgumentException("need " + need + " given twice");
            }
        }
        return Collections.unmodifiableSet(set);
    }

    @Override
    public final String control() {
        return control;
    }

    /** The one platform given to the constructor, as an unmodifiable set. */
    @Override
    public final Set<OsFamily> platforms() {
        return platforms;
    }

    /** The needs given to the constructor, as an unmodifiable set; empty when none were given. */
    @Override
    public final Set<Need> needs() {
        return needs;
    }
}
