package dev.vigil.agent.check.integrity.windows;

import dev.vigil.agent.check.Need;
import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.PlatformCheck;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.Command;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.agent.check.windows.RegKey;
import dev.vigil.agent.check.windows.Registry;
import dev.vigil.agent.check.windows.RegValue;
import dev.vigil.core.report.OsFamily;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code integrity.uac} on Windows: User Account Control, from the values under
 * {@code HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\System} (one {@code reg query} of the key, readable
 * by any user). {@code EnableLUA} 0 turns UAC off entirely: every administrator runs everything with full rights
 * and protected-mode isolation is gone, so the control fails. With UAC on, {@code ConsentPromptBehaviorAdmin} 0
 * ("elevate without prompting") lets any program an administrator runs elevate silently: a warning. Missing
 * values take Windows' defaults (EnableLUA 1, ConsentPromptBehaviorAdmin 5).
 */
public final class WindowsUacCheck extends PlatformCheck {

    static final String KEY = "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System";
    static final Command POLICIES = Registry.key(KEY);

    public WindowsUacCheck() {
        super("integrity.uac", OsFamily.WINDOWS, Need.LIVE_SYSTEM);
    }

    @Override
    public Outcome run(HostProbe probe, Policy policy) {
        return switch (Registry.read(probe.run(POLICIES))) {
            case Registry.Read.Found f -> evaluate(f.key());
            case Registry.Read.Absent a -> Outcome.unknown("the UAC policy key " + KEY + " does not exist");
            case Registry.Read.Failed x -> Outcome.unknown("cannot read the UAC policy: " + x.reason());
        };
    }

    /** Pure: the policy key's values to a finding. */
    static Outcome evaluate(RegKey key) {
        Map<String, Object> facts = new LinkedHashMap<>();
        Optional<Long> lua = number(key, "EnableLUA");
        Optional<Long> consent = number(key, "ConsentPromptBehaviorAdmin");
        Optional<Long> secureDesktop = number(key, "PromptOnSecureDesktop");
        facts.put("enable_lua", lua.map(v -> (Object) v).orElse("not set (default 1)"));
        facts.put("consent_prompt_behavior_admin", consent.map(v -> (Object) v).orElse("not set (default 5)"));
        facts.put("consent_prompt", consentMeaning(consent.orElse(5L)));
        secureDesktop.ifPresent(v -> facts.put("prompt_on_secure_desktop", v));
        if (lua.isPresent() && lua.get() == 0) {
            return Outcome.fail("User Account Control is off (EnableLUA = 0): administrators run every program with "
                    + "full rights.", facts);
        }
        if (lua.isPresent() && lua.get() != 1) {
            return Outcome.unknown("unexpected EnableLUA value " + lua.get() + " (expected 0 or 1)", facts);
        }
        if (consent.isPresent() && consent.get() == 0) {
            return Outcome.warn("User Account Control is on, but administrators elevate without any prompt "
                    + "(ConsentPromptBehaviorAdmin = 0), so programs they run can take full rights silently.", facts);
        }
        return Outcome.pass("User Account Control is on (EnableLUA = 1); administrators are asked: "
                + consentMeaning(consent.orElse(5L)) + ".", facts);
    }

    private static Optional<Long> number(RegKey key, String name) {
        return key.value(name).flatMap(RegValue::number);
    }

    static String consentMeaning(long value) {
        return switch ((int) Math.min(value, Integer.MAX_VALUE)) {
            case 0 -> "elevate without prompting";
            case 1 -> "prompt for credentials on the secure desktop";
            case 2 -> "prompt for consent on the secure desktop";
            case 3 -> "prompt for credentials";
            case 4 -> "prompt for consent";
            case 5 -> "prompt for consent for non-Windows binaries";
            default -> "unknown setting " + value;
        };
    }
}
