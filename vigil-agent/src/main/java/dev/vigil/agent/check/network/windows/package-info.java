/**
 * {@code network.exposed-ports} on Windows: listening TCP sockets with their bound address and owning process,
 * from {@code Get-NetTCPConnection -State Listen} or, where the cmdlet is missing or fails, {@code netstat -ano}.
 */
package dev.vigil.agent.check.network.windows;
