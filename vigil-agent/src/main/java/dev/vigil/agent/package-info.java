/** The auditor: runs the checks for the host's platform and assembles the report. */
package dev.vigil.agent;
