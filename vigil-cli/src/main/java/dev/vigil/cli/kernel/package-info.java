/**
 * The kernel's commands: {@code vigil serve}, {@code vigil seed}, {@code vigil token}, and the store side of
 * {@code vigil list --data}. The only package of the command line that uses vigil-server; it is registered only
 * when the kernel's classes are on the class path, so the agent-only bundle audits without them.
 *
 * <p>Command classes here hold options of JDK types only and hand over to a runner class at once: picocli reflects
 * on every registered command's fields and methods at start, and a kernel type there would load kernel classes
 * into every {@code vigil audit}.
 */
package dev.vigil.cli.kernel;
