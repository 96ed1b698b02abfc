/**
 * Linux audit logging: whether auditd is installed, running and recording rules ({@code auditctl -s}, {@code auditctl -l}),
 * or, under {@code --root}, installed, enabled at boot and configured with rules. Journald persistence is reported as a
 * fact only: a journal is not an audit trail.
 */
package dev.vigil.agent.check.logging.linux;
