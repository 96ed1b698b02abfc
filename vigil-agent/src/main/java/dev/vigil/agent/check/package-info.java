/**
 * The check SPI and its runner. Concrete checks live in sub-packages by feature
 * ({@code check.disk}, {@code check.firewall}, …), with a platform below where implementations differ.
 */
package dev.vigil.agent.check;
