/** The audited host's identity: stable id, host name, operating system. */
package dev.vigil.agent.host;
