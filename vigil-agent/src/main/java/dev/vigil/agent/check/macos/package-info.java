/**
 * Tools shared by the macOS checks of every domain: property lists (binary or XML) read through the probe,
 * and single preference values read with {@code defaults read}. The checks themselves live in their
 * domain's {@code macos} package.
 */
package dev.vigil.agent.check.macos;
