/**
 * The host probe: the only door from a check to the machine. Live, recording and replay implementations,
 * with results as closed sets of outcomes rather than exceptions.
 */
package dev.vigil.agent.probe;
