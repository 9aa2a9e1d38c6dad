package dev.nnc.cli.jar;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The nnc classes a set of class files needs, found by reading class names out of their constant
 * pools (class entries and type descriptors) transitively, restricted to one package prefix. The
 * bytes are copied from the class path, so a model jar carries exactly the runtime it can reach
 * rather than the whole of nnc.
 */
final class ClassClosure {
    private static final Pattern DESCRIPTOR_CLASS = Pattern.compile("L([\\w/$]+);");

    private ClassClosure() {
    }

    /**
     * {@code roots} (binary internal names such as {@code dev/nnc/x/Y}, with bytes) and every class
     * under {@code prefix} they reach that {@code loader} can find, by internal name, sorted.
     */
    static Map<String, byte[]> of(Map<String, byte[]> roots, String prefix, ClassLoader loader) {
        Map<String, byte[]> out = new TreeMap<>(roots);
        Deque<String> work = new ArrayDeque<>(roots.keySet());
        while (!work.isEmpty()) {
            String name = work.pop();
            for (String ref : referencedClasses(out.get(name))) {
                if (ref.startsWith(prefix) && !out.containsKey(ref)) {
                    byte[] bytes = read(loader, ref);
                    if (bytes != null) {
                        out.put(ref, bytes);
                        work.push(ref);
                    }
                }
            }
        }
        return out;
    }

    private static byte[] read(ClassLoader loader, String internalName) {
        try (InputStream in = loader.getResourceAsStream(internalName + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every class named in a class file's constant pool: class entries and types inside descriptors. */
    static TreeSet<String> referencedClasses(byte[] classFile) {
        TreeSet<String> names = new TreeSet<>();
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
            if (in.readInt() != 0xCAFEBABE) {
                throw new IllegalArgumentException("not a class file");
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            int[] classIndex = new int[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 7 -> classIndex[i] = in.readUnsignedShort();
                    case 8, 16, 19, 20 -> in.readUnsignedShort();
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                    case 5, 6 -> {
                        in.readLong();
                        i++; // eight-byte constants take two slots
                    }
                    case 15 -> {
                        in.readUnsignedByte();
                        in.readUnsignedShort();
                    }
                    default -> throw new IllegalArgumentException("unknown constant pool tag " + tag);
                }
            }
            for (int i = 1; i < count; i++) {
                if (classIndex[i] != 0) {
                    String n = utf8[classIndex[i]];
                    if (!n.startsWith("[")) {
                        names.add(n);
                    }
                }
                if (utf8[i] != null) {
                    Matcher m = DESCRIPTOR_CLASS.matcher(utf8[i]);
                    while (m.find()) {
                        names.add(m.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed class file", e);
        }
        return names;
    }
}
