/** Text that reports carry, made safe for where it is shown. */
package dev.vigil.core.text;
