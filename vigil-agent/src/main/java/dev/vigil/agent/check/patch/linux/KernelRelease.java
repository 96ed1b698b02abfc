package dev.vigil.agent.check.patch.linux;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Kernel release strings ({@code 6.1.0-21-amd64}, {@code 5.15.0-107-generic},
 * {@code 5.14.0-427.13.1.el9_4.x86_64}) compared as versions, not as text: runs of digits compare as
 * numbers, runs of letters as text, and a number is newer than letters (rpm's rule, which also orders
 * Debian's kernel ABI numbers correctly).
 *
 * <p>Only kernels of the same flavour are compared: the flavour is the letters of the release with the
 * digits taken out ({@code amd} for {@code 6.1.0-21-amd64}, {@code cloud.amd} for
 * {@code 6.1.0-21-cloud-amd64}, {@code el.x} for any RHEL 9 kernel), so a cloud kernel installed beside a
 * generic one is not mistaken for a newer one, and {@code el9_3} to {@code el9_4} stays comparable.
 */
final class KernelRelease {

    private KernelRelease() {
    }

    /** Negative, zero or positive as {@code a} is older than, the same as, or newer than {@code b}. */
    static int compare(String a, String b) {
        List<String> x = tokens(a);
        List<String> y = tokens(b);
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            String p = x.get(i);
            String q = y.get(i);
            boolean pn = Character.isDigit(p.charAt(0));
            boolean qn = Character.isDigit(q.charAt(0));
            int c;
            if (pn && qn) {
                String ps = stripZeros(p);
                String qs = stripZeros(q);
                c = ps.length() != qs.length() ? Integer.compare(ps.length(), qs.length()) : ps.compareTo(qs);
            } else if (pn != qn) {
                c = pn ? 1 : -1;
            } else {
                c = p.compareTo(q);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.size(), y.size());
    }

    /** The letters of a release with the digits taken out, e.g. {@code amd} for {@code 6.1.0-21-amd64}. */
    static String flavour(String release) {
        List<String> letters = new ArrayList<>();
        for (String t : tokens(release)) {
            if (!Character.isDigit(t.charAt(0))) {
                letters.add(t);
            }
        }
        return String.join(".", letters);
    }

    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        String lower = s.toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < lower.length()) {
            char c = lower.charAt(i);
            if (isAsciiDigit(c) || isAsciiLetter(c)) {
                boolean digit = isAsciiDigit(c);
                int j = i;
                while (j < lower.length() && (digit ? isAsciiDigit(lower.charAt(j)) : isAsciiLetter(lower.charAt(j)))) {
                    j++;
                }
                out.add(lower.substring(i, j));
                i = j;
            } else {
                i++;
            }
        }
        return out;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static String stripZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }
}
