package dev.vigil.agent.check.kernel.linux;

import java.util.Objects;

/**
 * An expected sysctl value as a policy writes it: {@code "1"} (exactly), {@code ">=1"} (at least) or {@code "<=1"}
 * (at most). Exact values compare as numbers when both sides are numbers ({@code "01"} is {@code "1"}), otherwise
 * as text with white space runs made one space; bounds need numbers.
 */
record SysctlExpectation(Comparison comparison, String value) {

    /** How the actual value is compared with {@link #value()}. */
    enum Comparison {
        EXACTLY(""), AT_LEAST(">="), AT_MOST("<=");

        private final String prefix;

        Comparison(String prefix) {
            this.prefix = prefix;
        }
    }

    SysctlExpectation {
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("an expected sysctl value must not be blank");
        }
        if (comparison != Comparison.EXACTLY && number(value) == null) {
            throw new IllegalArgumentException("'" + comparison.prefix + value + "' needs a whole number after " + comparison.prefix);
        }
    }

    /** Reads a policy value such as {@code "1"} or {@code ">=1"}; throws IllegalArgumentException naming what is wrong. */
    static SysctlExpectation parse(String text) {
        String t = Objects.requireNonNull(text, "text").strip();
        if (t.startsWith(">=")) {
            return new SysctlExpectation(Comparison.AT_LEAST, t.substring(2).strip());
        }
        if (t.startsWith("<=")) {
            return new SysctlExpectation(Comparison.AT_MOST, t.substring(2).strip());
        }
        return new SysctlExpectation(Comparison.EXACTLY, t.replaceAll("\\s+", " "));
    }

    /** Whether {@code actual} satisfies this expectation. */
    boolean matches(String actual) {
        String a = actual.strip().replaceAll("\\s+", " ");
        Long n = number(a);
        Long v = number(value);
        return switch (comparison) {
            case EXACTLY -> n != null && v != null ? n.longValue() == v.longValue() : a.equals(value);
            case AT_LEAST -> n != null && n >= v;
            case AT_MOST -> n != null && n <= v;
        };
    }

    @Override
    public String toString() {
        return comparison.prefix + value;
    }

    private static Long number(String s) {
        if (!s.matches("-?[0-9]{1,18}")) {
            return null;
        }
        return Long.parseLong(s);
    }
}
