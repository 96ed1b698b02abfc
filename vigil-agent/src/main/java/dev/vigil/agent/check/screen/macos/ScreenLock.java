package dev.vigil.agent.check.screen.macos;

/** When a password is asked for after the screen saver starts or the display sleeps. */
sealed interface ScreenLock {

    /** At once. */
    record Immediate() implements ScreenLock {
    }

    /** After a grace period. */
    record After(long seconds) implements ScreenLock {
        public After {
            if (seconds < 0) {
                throw new IllegalArgumentException("negative delay: " + seconds);
            }
        }
    }

    /** Never: waking the Mac needs no password. */
    record Off() implements ScreenLock {
    }
}
