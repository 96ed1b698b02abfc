/** Byte-level helpers the agent and the kernel share. */
package dev.vigil.core.io;
