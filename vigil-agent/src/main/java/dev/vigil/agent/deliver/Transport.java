package dev.vigil.agent.deliver;

/** Hands one report to a kernel; {@link KernelClient} over HTTP, or a stand-in in tests. */
@FunctionalInterface
public interface Transport {
    Answer send(byte[] reportJson);
}
