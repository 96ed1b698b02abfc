/**
 * {@code network.exposed-ports}, shared by every platform: the listening socket as each platform's parser reports it
 * ({@link dev.vigil.agent.check.network.Listener}) and the one evaluation of the control
 * ({@link dev.vigil.agent.check.network.ExposedPorts}): loopback-only is not exposed, an exposed port in the policy's
 * high-risk list fails, any other exposed port warns. Gathering and parsing stay in the platform packages below.
 */
package dev.vigil.agent.check.network;
