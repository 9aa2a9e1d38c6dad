package dev.nnc.tests.cosim;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.stringtemplate.v4.ST;
import org.stringtemplate.v4.STErrorListener;
import org.stringtemplate.v4.STGroup;
import org.stringtemplate.v4.STGroupFile;
import org.stringtemplate.v4.misc.STMessage;
import org.stringtemplate.v4.misc.STNoSuchPropertyException;

/**
 * The SystemVerilog testbench of one co-simulation, rendered from {@code cosim_tb.stg}. This
 * class computes every name and number; the template only lays them out. Any template error
 * (missing attribute, syntax) fails the render.
 */
final class CosimTestbench {
    static final String TRACE_FILE = "trace.txt";
    static final int RESET_CYCLES = 3;

    /** One parameter binding of the instance. */
    public record Param(String name, String value) {
    }

    /** One input stream of the testbench. */
    public record Input(String port, int width, int beats, int depth, String hexFile, String patFile) {
    }

    /** One output stream of the testbench. */
    public record Output(String port, int width, int expected, String patFile) {
    }

    /** Everything the template lays out. */
    public record Model(String module, List<Param> params, List<Input> inputs, List<Output> outputs,
                        List<String> ports, List<String> doneTerms, String traceFile, int patternLength,
                        int drain, long maxCycles, int resetCycles) {
    }

    private CosimTestbench() {
    }

    static Model model(String module, Map<String, String> params, List<StreamPort> in, int[] inBeats,
                       List<StreamPort> out, int[] expected, int patternLength, int drain, long maxCycles) {
        List<Param> ps = new ArrayList<>();
        params.forEach((k, v) -> ps.add(new Param(k, v)));
        List<Input> ins = new ArrayList<>();
        List<Output> outs = new ArrayList<>();
        List<String> ports = new ArrayList<>();
        List<String> done = new ArrayList<>();
        for (int k = 0; k < in.size(); k++) {
            String p = ModelRun.portName("in", k, in.size());
            ins.add(new Input(p, in.get(k).bits(), inBeats[k], Math.max(1, inBeats[k]), p + ".hex", p + "_valid.pat"));
            ports.addAll(List.of(p + "_valid", p + "_ready", p + "_data"));
            done.add("(" + p + "_idx == " + inBeats[k] + ")");
        }
        for (int o = 0; o < out.size(); o++) {
            String p = ModelRun.portName("out", o, out.size());
            outs.add(new Output(p, out.get(o).bits(), expected[o], p + "_ready.pat"));
            ports.addAll(List.of(p + "_valid", p + "_ready", p + "_data"));
            done.add("(" + p + "_count >= " + expected[o] + ")");
        }
        return new Model(module, ps, ins, outs, ports, done, TRACE_FILE, patternLength, drain, maxCycles,
                RESET_CYCLES);
    }

    /** Lets templates read record components ({@code m.module}) by their accessor. */
    private static Object recordProperty(org.stringtemplate.v4.Interpreter interp, ST self, Record r,
                                         Object property, String name) throws STNoSuchPropertyException {
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            if (c.getName().equals(name)) {
                try {
                    Method acc = c.getAccessor();
                    acc.setAccessible(true);
                    return acc.invoke(r);
                } catch (ReflectiveOperationException e) {
                    throw new STNoSuchPropertyException(e, r, name);
                }
            }
        }
        throw new STNoSuchPropertyException(null, r, name);
    }

    static String render(Model m) {
        URL url = CosimTestbench.class.getResource("cosim_tb.stg");
        if (url == null) {
            throw new IllegalStateException("cosim_tb.stg missing from the test resources");
        }
        List<String> errors = new ArrayList<>();
        STGroup g = new STGroupFile(url, "UTF-8", '«', '»');
        g.setListener(new STErrorListener() {
            @Override
            public void compileTimeError(STMessage msg) {
                errors.add(msg.toString());
            }

            @Override
            public void runTimeError(STMessage msg) {
                errors.add(msg.toString());
            }

            @Override
            public void IOError(STMessage msg) {
                errors.add(msg.toString());
            }

            @Override
            public void internalError(STMessage msg) {
                errors.add(msg.toString());
            }
        });
        g.registerModelAdaptor(Record.class, CosimTestbench::recordProperty);
        ST st = g.getInstanceOf("tb");
        if (st == null) {
            errors.add("template 'tb' not found");
            throw new IllegalStateException("testbench template: " + String.join("; ", errors));
        }
        st.add("m", m);
        String text = st.render();
        if (!errors.isEmpty()) {
            throw new IllegalStateException("testbench template: " + String.join("; ", errors));
        }
        return text;
    }
}
