/** The {@code vigil} command line: one class per subcommand, each returning its exit code. */
package dev.vigil.cli;
