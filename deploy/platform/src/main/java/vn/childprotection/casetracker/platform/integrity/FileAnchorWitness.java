package vn.childprotection.casetracker.platform.integrity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The default {@link AnchorWitness}: an append-only text file outside the database (by default
 * {@code ./data/integrity/anchors.log} beside the embedded data directory), one anchor per line,
 * {@code <chain> <position> <head as 64 hexadecimal digits> <anchoredAt ISO-8601 UTC>}, each line forced to disk
 * before {@link #record} returns. Copy it with the backups but keep the copies apart from the database's: a person
 * who can rewrite both the database and this file can rewrite history.
 */
public class FileAnchorWitness implements AnchorWitness {

    private static final HexFormat HEX = HexFormat.of();

    private final Path file;

    /**
     * @param file the file; it and its directory are created on the first anchor
     */
    public FileAnchorWitness(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    @Override
    public synchronized void record(ChainAnchor anchor) {
        String line = anchor.chain() + " " + anchor.position() + " " + HEX.formatHex(anchor.head()) + " "
                + anchor.anchoredAt() + "\n";
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot record an anchor in " + file, e);
        }
    }

    @Override
    public synchronized List<ChainAnchor> anchors(String chain) {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<ChainAnchor> anchors = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                String[] fields = line.split(" ");
                if (fields.length != 4) {
                    // A line cut short by a crash while writing: the anchor was never acknowledged.
                    continue;
                }
                if (fields[0].equals(chain)) {
                    anchors.add(new ChainAnchor(fields[0], Long.parseLong(fields[1]), HEX.parseHex(fields[2]),
                            Instant.parse(fields[3])));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the anchors in " + file, e);
        }
        return anchors;
    }

    @Override
    public String describe() {
        return file.toString();
    }
}
