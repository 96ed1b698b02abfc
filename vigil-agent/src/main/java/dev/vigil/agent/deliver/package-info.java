/**
 * Delivery of reports to a kernel: the HTTP client ({@link dev.vigil.agent.deliver.KernelClient}) and what the
 * kernel answered ({@link dev.vigil.agent.deliver.Answer}), the durable on-disk {@link dev.vigil.agent.deliver.Outbox},
 * the retry schedule ({@link dev.vigil.agent.deliver.Backoff}) and the {@link dev.vigil.agent.deliver.Courier} that
 * empties the outbox in order. Speaks only the documented HTTP API: nothing here depends on the server's code.
 */
package dev.vigil.agent.deliver;
