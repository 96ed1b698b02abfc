/** Text that reports carry, made safe for where it is shown, and the terminal styles it is shown in. */
package dev.vigil.core.text;
