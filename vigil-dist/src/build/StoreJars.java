import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites every jar in the given folders (and their sub-folders) with its entries stored, uncompressed, in the same
 * order with the same names, times and contents. Run by the dist build as a source-file program:
 * {@code java StoreJars.java DIR...}.
 */
public final class StoreJars {

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: java StoreJars.java DIR...");
            System.exit(2);
        }
        for (String dir : args) {
            List<Path> jars;
            try (Stream<Path> files = Files.walk(Path.of(dir))) {
                jars = files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
            }
            for (Path jar : jars) {
                store(jar);
            }
        }
    }

    private static void store(Path jar) throws IOException {
        Path tmp = jar.resolveSibling(jar.getFileName() + ".stored");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] data = in.readAllBytes();
                CRC32 crc = new CRC32();
                crc.update(data);
                ZipEntry stored = new ZipEntry(e.getName());
                stored.setMethod(ZipEntry.STORED);
                stored.setSize(data.length);
                stored.setCompressedSize(data.length);
                stored.setCrc(crc.getValue());
                stored.setTime(e.getTime());
                if (e.getComment() != null) {
                    stored.setComment(e.getComment());
                }
                out.putNextEntry(stored);
                out.write(data);
                out.closeEntry();
            }
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
    }
}
