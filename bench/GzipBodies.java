import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/**
 * Ingest bodies as the agent sends them (gzip, Content-Encoding: gzip) for bench/kernel.sh, whose load generator
 * cannot compress: {@code java bench/GzipBodies.java TEMPLATE COUNT FILE...} fills each FILE (one per wrk thread)
 * with COUNT distinct reports, each gzipped at the JDK's default level like the agent's, framed as a 4-byte
 * big-endian length and the bytes. In the template, {@code @RID@} becomes a fresh report id, {@code @HID@} one of
 * 5,000 hosts, {@code @FIN@} and {@code @STA@} its finish and start. Report ids are time-ordered like the agent's
 * (UUID version 7), their milliseconds advancing as if the files were sent at 5,000 reports a second. As in the
 * plain ingest script, each file (each wrk thread) has hosts of its own, and a host's next report finishes after
 * its previous one (from now on, a millisecond per round over the file's hosts): a host's reports arrive in the
 * order they finished, as a real agent's do, and never share a finish time.
 */
public class GzipBodies {
    public static void main(String[] args) throws IOException {
        String template = Files.readString(Path.of(args[0]));
        int count = Integer.parseInt(args[1]);
        Random random = new Random();
        long now = Instant.now().toEpochMilli();
        int files = args.length - 2;
        int hostsPerFile = 5000 / files;
        for (int f = 2; f < args.length; f++) {
            int firstHost = (f - 2) * hostsPerFile;
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(Path.of(args[f]))))) {
                for (int k = 1; k <= count; k++) {
                    long finished = now + k / hostsPerFile; // a host's next report, a millisecond later
                    UUID reportId = reportId(now + (long) k * files / 5, random);
                    String report = template.replace("@RID@", reportId.toString())
                            .replace("@HID@", String.format("%04x", firstHost + k % hostsPerFile))
                            .replace("@FIN@", Instant.ofEpochMilli(finished).toString())
                            .replace("@STA@", Instant.ofEpochMilli(finished - 100).toString());
                    byte[] gz = gzip(report.getBytes(StandardCharsets.UTF_8));
                    out.writeInt(gz.length);
                    out.write(gz);
                }
            }
        }
    }

    /** A report id as the agent makes it (UUID version 7, RFC 9562): the millisecond, then random bits. */
    private static UUID reportId(long millis, Random random) {
        long high = millis << 16 | 0x7000L | random.nextInt(0x1000);
        return new UUID(high, random.nextLong() >>> 2 | 0x8000_0000_0000_0000L);
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(bytes.length / 4);
        try (OutputStream gz = new GZIPOutputStream(buffer)) {
            gz.write(bytes);
        }
        return buffer.toByteArray();
    }
}
