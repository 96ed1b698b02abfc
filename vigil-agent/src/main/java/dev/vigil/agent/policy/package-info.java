/** Expected values (ports, sysctls, sshd options) as data that a policy file can override. */
package dev.vigil.agent.policy;
