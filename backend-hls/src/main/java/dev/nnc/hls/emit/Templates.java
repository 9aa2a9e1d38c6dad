package dev.nnc.hls.emit;

import java.io.StringWriter;
import java.net.URL;
import org.stringtemplate.v4.AutoIndentWriter;
import org.stringtemplate.v4.ST;
import org.stringtemplate.v4.STGroup;
import org.stringtemplate.v4.STGroupFile;

/**
 * Renders an output-model record through a StringTemplate group file: the template named after
 * the record's class lays it out, with {@code «»} as delimiters (Verilog uses {@code $}, {@code <}
 * and {@code >} itself), one registered record adaptor, and an error listener that fails on any
 * template error.
 */
public final class Templates {
    /** The group files, one per output kind, under {@code dev/nnc/hls/templates/}. */
    public static final String TOP = "Top.stg";
    public static final String TESTBENCH = "Testbench.stg";
    public static final String REPORT = "Report.stg";

    private Templates() {
    }

    /** {@code model} laid out by the template of its record name in {@code group}. */
    public static String render(String group, Record model) {
        return render(load("/dev/nnc/hls/templates/" + group), model);
    }

    /** A group file from the classpath, failing on any template error. */
    public static STGroup load(String resource) {
        URL url = Templates.class.getResource(resource);
        if (url == null) {
            throw new TemplateException("missing template group " + resource);
        }
        STGroup group = new STGroupFile(url, "UTF-8", '«', '»');
        group.setListener(new FailingErrorListener());
        group.registerModelAdaptor(Record.class, new RecordAdaptor());
        return group;
    }

    /** {@code model} laid out by the template named after its record class in {@code group}. */
    public static String render(STGroup group, Record model) {
        String name = model.getClass().getSimpleName();
        ST st = group.getInstanceOf(name);
        if (st == null) {
            throw new TemplateException("template " + name + " missing from " + group.getName());
        }
        st.add("m", model);
        StringWriter out = new StringWriter();
        // "\n" whatever the platform: the same model gives the same bytes everywhere
        try {
            st.write(new AutoIndentWriter(out, "\n"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringWriter does not throw
        }
        return out.toString();
    }
}
