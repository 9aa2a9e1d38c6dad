package dev.nnc.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.diag.NncException;
import dev.nnc.passes.pipeline.Names;
import dev.nnc.passes.pipeline.Pipeline;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineTextTest {
    private final PassRegistry registry = TestPasses.registry();

    private Pipeline parse(String text) {
        return Pipeline.parse(text, registry);
    }

    private String error(String text) {
        NncException e = assertThrows(NncException.class, () -> parse(text));
        assertTrue(!e.oneLine().contains("\n"));
        return e.oneLine();
    }

    @Test
    void canonicalTextPrintsBackUnchanged() {
        for (String text : List.of("", "test-count-ops", "test-erase-identity,test-count-ops,test-lower",
                "test-options{flag=true count=-3 big=12345678901 ratio=0.25 name=hello mode=slow-and-steady names=a,b,c}",
                "test-options{name=\"two words\"}", "test-options{name=\"a,b{c}\\\"q\\\\\"}",
                "test-options{name=\"\"}", "test-count-ops{statistic=n},test-options{names=x}")) {
            Pipeline p = parse(text);
            assertEquals(text, p.toString());
            assertEquals(p, parse(p.toString()));
        }
    }

    @Test
    void printingIsCanonical() {
        assertEquals("test-count-ops,test-options{count=3 names=a,b}",
                parse("  test-count-ops , test-options{ names=a,b   count=3 flag=false }").toString());
        assertEquals("test-options", parse("test-options{}").toString());
        assertEquals("test-options{flag=true}", parse("test-options{flag}").toString());
        assertEquals("test-options{mode=slow-and-steady}", parse("test-options{mode=SLOW_AND_STEADY}").toString());
        assertEquals("test-options{ratio=2.0}", parse("test-options{ratio=2}").toString());
    }

    @Test
    void optionsReachThePassAsARecord() {
        Pipeline p = parse("test-options{count=7 names=p,q mode=slow-and-steady}");
        TestPasses.Every o = (TestPasses.Every) p.get(0).options();
        assertEquals(new TestPasses.Every(false, 7, 2L, 0.5, "x", TestPasses.Mode.SLOW_AND_STEADY, List.of("p", "q")), o);
        assertEquals(o, p.get(0).create().options());
    }

    @Test
    void unknownPassSuggestsTheClosestName() {
        assertEquals("pipeline: unknown pass 'test-count-op' (did you mean 'test-count-ops'?) (see 'nnc opt --list-passes')",
                error("test-lower,test-count-op"));
        assertEquals("pipeline: unknown pass 'zzz' (see 'nnc opt --list-passes')", error("zzz"));
    }

    @Test
    void unknownOptionListsTheValidOnes() {
        assertEquals("pipeline: 'test-options' has no option 'cont' (did you mean 'count'?) "
                + "(options: flag, count, big, ratio, name, mode, names)", error("test-options{cont=1}"));
        assertEquals("pipeline: 'test-lower' has no option 'x' (it has no options)", error("test-lower{x=1}"));
    }

    @Test
    void badValuesNameThePassAndOption() {
        assertEquals("pipeline: option 'count' of 'test-options': 'ten' is not an int", error("test-options{count=ten}"));
        assertEquals("pipeline: option 'flag' of 'test-options': 'yes' is not a bool (write true or false)",
                error("test-options{flag=yes}"));
        assertEquals("pipeline: option 'mode' of 'test-options': 'slow' is not one of fast|slow-and-steady",
                error("test-options{mode=slow}"));
        assertEquals("pipeline: option 'count' of 'test-options': takes one value, got 2", error("test-options{count=1,2}"));
        assertEquals("pipeline: option 'count' of 'test-options' needs a value (count=int)", error("test-options{count}"));
        assertEquals("pipeline: option 'count' of 'test-options' is given twice", error("test-options{count=1 count=2}"));
        assertEquals("pipeline: options of 'test-checked': limit must not be negative, got -1",
                error("test-count-ops,test-checked{limit=-1}"));
    }

    @Test
    void syntaxErrorsGiveTheColumn() {
        assertEquals("pipeline: '{' of 'test-options' is never closed at column 1, found 'test-options'",
                error("test-options{count=1"));
        assertEquals("pipeline: expected a pass name at column 16, found end of text", error("test-count-ops,"));
        assertEquals("pipeline: expected ',' between passes at column 16, found 'test-lower'", error("test-count-ops test-lower"));
    }

    @Test
    void kebabCaseNames() {
        assertEquals("size-limit", Names.kebab("sizeLimit"));
        assertEquals("activations", Names.kebab("activations"));
        assertEquals("max-ir-size", Names.kebab("maxIRSize"));
        assertEquals("use2d-tiles", Names.kebab("use2DTiles"));
    }
}
