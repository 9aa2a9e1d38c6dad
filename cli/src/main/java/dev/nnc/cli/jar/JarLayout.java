package dev.nnc.cli.jar;

/**
 * Where a model jar keeps its parts; shared by the writer ({@link ModelJar}) and the reader
 * ({@link JarMain}) without the reader reaching the writer (and through it the code generator).
 */
final class JarLayout {
    /** The description of the model: class, input/output names, shapes, dtypes, default threads. */
    static final String MODEL_PROPERTIES = "META-INF/nnc/model.properties";
    /** Folder of the weight resources, one {@code NNNN.npy} per constructor weight in order. */
    static final String WEIGHTS = "META-INF/nnc/weights/";

    private JarLayout() {
    }

    /** The resource of weight {@code i}. */
    static String weight(int i) {
        return WEIGHTS + String.format("%04d.npy", i);
    }
}
