package dev.nnc.cpu.emit;

import dev.nnc.cpu.gen.JavaModel;
import java.net.URL;
import org.stringtemplate.v4.ST;
import org.stringtemplate.v4.STGroup;
import org.stringtemplate.v4.STGroupFile;

/**
 * Prints a {@link JavaModel} as Java source through {@code JavaModel.stg}: one registered model
 * adaptor for the records, one renderer for float literals, and an error listener that fails on
 * any template error.
 */
public final class JavaEmitter {
    private static final String GROUP = "/dev/nnc/cpu/JavaModel.stg";

    private JavaEmitter() {
    }

    public static String emit(JavaModel model) {
        URL url = JavaEmitter.class.getResource(GROUP);
        if (url == null) {
            throw new IllegalStateException("missing template group " + GROUP);
        }
        STGroup group = new STGroupFile(url, "UTF-8", '$', '$');
        group.setListener(new FailingErrorListener());
        group.registerModelAdaptor(Record.class, new RecordAdaptor());
        group.registerRenderer(Float.class, new JavaLiteralRenderer());
        ST st = group.getInstanceOf("JavaModel");
        if (st == null) {
            throw new IllegalStateException("template JavaModel missing from " + GROUP);
        }
        st.add("m", model);
        return st.render();
    }
}
