/**
 * Platform integrity on macOS: System Integrity Protection ({@code csrutil status}) and Gatekeeper
 * ({@code spctl --status}). Both are asked of the running system; neither needs root.
 */
package dev.vigil.agent.check.integrity.macos;
