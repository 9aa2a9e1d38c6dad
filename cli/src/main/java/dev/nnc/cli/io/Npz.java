package dev.nnc.cli.io;

import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.io.FileAccess;
import dev.nnc.ir.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * numpy's {@code .npz}: a zip of {@code NAME.npy} entries, stored or deflated (as written by
 * {@code np.savez} and {@code np.savez_compressed}). Written with sorted names, stored entries and
 * a fixed timestamp so the same tensors always give the same bytes.
 */
public final class Npz {
    /** The largest array one entry may unpack to, so a small crafted file cannot exhaust memory. */
    static final int MAX_ENTRY_BYTES = 1 << 30;

    /** The earliest time a zip (MS-DOS) timestamp can hold; fixed so output is reproducible. */
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private Npz() {
    }

    /** Reads every array of an {@code .npz} file, by name (without {@code .npy}), in file order. */
    public static Map<String, Tensor> read(Path file) {
        if (Files.isDirectory(file)) {
            throw new NncException(file + ": is a directory, not a file");
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory()) {
                    continue;
                }
                String name = e.getName();
                if (!name.endsWith(".npy")) {
                    throw new NncException(file + ": entry '" + name + "' is not a .npy array");
                }
                String key = name.substring(0, name.length() - 4);
                byte[] bytes;
                try (InputStream in = zip.getInputStream(e)) {
                    bytes = in.readNBytes(MAX_ENTRY_BYTES + 1);
                }
                if (bytes.length > MAX_ENTRY_BYTES) {
                    throw new NncException(file + ": entry '" + name + "' unpacks to more than " + MAX_ENTRY_BYTES + " bytes");
                }
                if (out.put(key, Npy.read(bytes, file + "[" + name + "]")) != null) {
                    throw new NncException(file + ": entry '" + name + "' appears twice");
                }
            }
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new NncException(file + ": no such file");
        } catch (ZipException e) {
            throw new NncException(file + ": not a valid .npz (zip) file: " + e.getMessage());
        } catch (IOException e) {
            throw new NncException(file + ": cannot read: " + e.getMessage());
        }
        return out;
    }

    /** Encodes tensors as {@code .npz} bytes: entries sorted by name, stored, fixed timestamps. */
    public static byte[] write(Map<String, Tensor> tensors) {
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        try {
            writeTo(tensors, buf);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // cannot happen for an in-memory stream
        }
        return buf.toByteArray();
    }

    /** Writes tensors to an {@code .npz} file atomically. */
    public static void write(Path file, Map<String, Tensor> tensors) {
        FileAccess.writeAtomically(file, out -> writeTo(tensors, out));
    }

    private static void writeTo(Map<String, Tensor> tensors, OutputStream sink) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(sink);
        for (Map.Entry<String, Tensor> t : new TreeMap<>(tensors).entrySet()) {
            byte[] data;
            try {
                data = Npy.write(t.getValue());
            } catch (NncException e) {
                throw new NncException("array '" + t.getKey() + "': " + e.getMessage());
            }
            CRC32 crc = new CRC32();
            crc.update(data);
            ZipEntry e = new ZipEntry(t.getKey() + ".npy");
            e.setMethod(ZipEntry.STORED);
            e.setSize(data.length);
            e.setCompressedSize(data.length);
            e.setCrc(crc.getValue());
            e.setTimeLocal(FIXED_TIME);
            zip.putNextEntry(e);
            zip.write(data);
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
    }
}
