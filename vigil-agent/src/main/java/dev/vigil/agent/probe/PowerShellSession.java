package dev.vigil.agent.probe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One long-lived PowerShell process that answers many queries, because starting {@code powershell.exe} costs a
 * second or two each time. Each query still goes in and comes out as its own {@link Command} and
 * {@link CommandResult}, so recordings and replays see one entry per query.
 *
 * <p>Protocol: the shell reads one line per query on standard input. The query's script travels base64-encoded
 * (so no quoting or line-break can break out of it) and is run as a script block; its output goes to standard
 * output as text, its error records to standard error, and both streams end with a marker line carrying the
 * query's number (and on standard output the exit status: 0 when no error record was written). A query that
 * outlives its timeout kills the shell; the next query starts a fresh one. Queries are answered one at a time.
 */
final class PowerShellSession implements AutoCloseable {

    /** How the shell is started; tests start a stand-in. */
    static final List<String> SHELL = List.of("powershell.exe", "-NoProfile", "-NonInteractive", "-NoLogo", "-Command", "-");

    private static final String END = "<<VIGIL-END-";

    private final List<String> shell;
    private final AtomicLong counter = new AtomicLong();
    private Process process;
    private OutputStream stdin;
    private BlockingQueue<String> out;
    private BlockingQueue<String> err;

    PowerShellSession(List<String> shell) {
        this.shell = List.copyOf(shell);
    }

    /** Answers one query (a command made by {@link Command#powershell}). */
    synchronized CommandResult run(Command command) {
        String script = command.argv().getLast();
        long n = counter.incrementAndGet();
        try {
            ensureStarted();
            stdin.write((wrap(script, n) + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            long deadline = System.nanoTime() + command.timeout().toNanos();
            StringBuilder stdout = new StringBuilder();
            Integer status = null;
            while (status == null) {
                String line = poll(out, deadline);
                if (line == null) {
                    return timedOut(command);
                }
                if (line.startsWith(END + n + ":")) {
                    status = Integer.parseInt(line.substring(END.length() + String.valueOf(n).length() + 1, line.length() - 2));
                } else {
                    stdout.append(line).append('\n');
                }
            }
            StringBuilder stderr = new StringBuilder();
            for (String line = poll(err, deadline); ; line = poll(err, deadline)) {
                if (line == null) {
                    return timedOut(command);
                }
                if (line.equals(END + n + ">>")) {
                    break;
                }
                stderr.append(line).append('\n');
            }
            return new CommandResult.Completed(command.argv(), status, stdout.toString(), stderr.toString());
        } catch (IOException e) {
            stop();
            if (Commands.programMissing(e)) {
                return new CommandResult.NotFound(command.argv());
            }
            return new CommandResult.Unavailable(command.argv(), "PowerShell session failed: " + e.getMessage());
        } catch (NumberFormatException e) {
            stop();
            return new CommandResult.Unavailable(command.argv(), "PowerShell session answered out of protocol: " + e.getMessage());
        } catch (InterruptedException e) {
            stop();
            Thread.currentThread().interrupt();
            return new CommandResult.TimedOut(command.argv(), command.timeout());
        }
    }

    /** The line the shell runs for query {@code n}. */
    static String wrap(String script, long n) {
        String b64 = Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8));
        return "$vigilOk = $true; try { & ([ScriptBlock]::Create([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('"
                + b64 + "')))) 2>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { $vigilOk = $false; "
                + "[Console]::Error.WriteLine($_.ToString()) } else { $_ | Out-String -Stream -Width 8192 | ForEach-Object { "
                + "[Console]::Out.WriteLine($_) } } } } catch { $vigilOk = $false; [Console]::Error.WriteLine($_.ToString()) }; "
                + "[Console]::Out.WriteLine('" + END + n + ":' + $(if ($vigilOk) { 0 } else { 1 }) + '>>'); "
                + "[Console]::Error.WriteLine('" + END + n + ">>')";
    }

    private void ensureStarted() throws IOException {
        if (process != null && process.isAlive()) {
            return;
        }
        process = new ProcessBuilder(shell).start();
        stdin = process.getOutputStream();
        out = pump(process.getInputStream());
        err = pump(process.getErrorStream());
        stdin.write("[Console]::OutputEncoding = [Text.Encoding]::UTF8; $ProgressPreference = 'SilentlyContinue'\n"
                .getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    private static BlockingQueue<String> pump(java.io.InputStream in) {
        BlockingQueue<String> q = new LinkedBlockingQueue<>();
        Thread.ofVirtual().name("vigil-powershell-pump").start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    q.add(line);
                }
            } catch (IOException e) {
                // the shell went away; the waiting query times out or the next one restarts it
            }
        });
        return q;
    }

    private static String poll(BlockingQueue<String> q, long deadline) throws InterruptedException {
        long left = deadline - System.nanoTime();
        return left <= 0 ? q.poll() : q.poll(left, TimeUnit.NANOSECONDS);
    }

    private CommandResult timedOut(Command command) {
        stop();
        return new CommandResult.TimedOut(command.argv(), command.timeout());
    }

    private void stop() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process = null;
        }
    }

    @Override
    public synchronized void close() {
        stop();
    }

    /** Whether {@code command} is a query made by {@link Command#powershell}. */
    static boolean isQuery(Command command) {
        List<String> a = command.argv();
        return a.size() == 5 && a.subList(0, 4).equals(Command.powershell("").argv().subList(0, 4));
    }
}
