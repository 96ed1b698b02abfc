package dev.vigil.agent.check.integrity.windows;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Microsoft Defender Antivirus as {@code Get-MpComputerStatus} reports it.
 *
 * @param serviceEnabled    AMServiceEnabled: the antimalware service runs
 * @param antivirusEnabled  AntivirusEnabled
 * @param realTime          RealTimeProtectionEnabled
 * @param runningMode       AMRunningMode ({@code Normal}, {@code Passive Mode}, {@code SxS Passive Mode},
 *                          {@code EDR Block Mode}, {@code Not running}); empty on versions that lack it
 * @param signatureAgeDays  AntivirusSignatureAge as Defender computed it (65535 when never updated)
 * @param signaturesUpdated AntivirusSignatureLastUpdated
 * @param signatureVersion  AntivirusSignatureVersion, or empty
 * @param tamperProtected   IsTamperProtected, when reported
 */
record DefenderStatus(boolean serviceEnabled, boolean antivirusEnabled, boolean realTime, String runningMode,
        OptionalLong signatureAgeDays, Optional<Instant> signaturesUpdated, String signatureVersion,
        Optional<Boolean> tamperProtected) {

    DefenderStatus {
        Objects.requireNonNull(runningMode, "runningMode");
        Objects.requireNonNull(signatureAgeDays, "signatureAgeDays");
        Objects.requireNonNull(signaturesUpdated, "signaturesUpdated");
        Objects.requireNonNull(signatureVersion, "signatureVersion");
        Objects.requireNonNull(tamperProtected, "tamperProtected");
    }

    /**
     * Whether Defender is the antivirus protecting this machine: service, antivirus and real-time protection on, in
     * normal (active) mode. In the passive modes every toggle still reads on while another product protects.
     */
    boolean protecting() {
        return serviceEnabled && antivirusEnabled && realTime && (runningMode.isEmpty() || runningMode.equalsIgnoreCase("Normal"));
    }

    /** What is off, for a person. */
    String whatIsOff() {
        if (!serviceEnabled) {
            return "its antimalware service is not running" + (runningMode.isEmpty() ? "" : " (" + runningMode + ")");
        }
        if (!runningMode.isEmpty() && !runningMode.equalsIgnoreCase("Normal")) {
            return "it runs in " + runningMode + ", leaving protection to another product";
        }
        if (!antivirusEnabled) {
            return "its antivirus is disabled";
        }
        return "real-time protection is off";
    }
}
