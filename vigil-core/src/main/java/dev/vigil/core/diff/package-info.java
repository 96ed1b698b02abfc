/** Comparing two reports: regressions, fixes, added and removed controls. */
package dev.vigil.core.diff;
