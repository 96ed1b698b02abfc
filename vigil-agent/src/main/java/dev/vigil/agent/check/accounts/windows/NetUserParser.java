package dev.vigil.agent.check.accounts.windows;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.windows.Excerpt;

/**
 * {@code net user NAME}: a two-column listing ({@code Account active               Yes}). Its labels and values
 * are in the display language of Windows; only English is read, anything else is refused (the check reports it
 * UNKNOWN rather than guess).
 */
final class NetUserParser {

    private NetUserParser() {
    }

    static LocalAccount parse(String stdout) throws ParseException {
        String name = null;
        Boolean active = null;
        for (String line : stdout.split("\r?\n|\r")) {
            String l = line.strip();
            if (l.startsWith("User name ")) {
                name = l.substring("User name ".length()).strip();
            } else if (l.startsWith("Account active ")) {
                String v = l.substring("Account active ".length()).strip();
                if (v.equalsIgnoreCase("Yes")) {
                    active = true;
                } else if (v.equalsIgnoreCase("No")) {
                    active = false;
                } else {
                    throw new ParseException("expected Yes or No after 'Account active' in `net user`, got '" + v + "'");
                }
            }
        }
        if (active == null) {
            throw new ParseException("no 'Account active' line in `net user` output (Windows may display another "
                    + "language): " + Excerpt.of(stdout));
        }
        return new LocalAccount(name == null || name.isEmpty() ? "Guest" : name, active);
    }
}
