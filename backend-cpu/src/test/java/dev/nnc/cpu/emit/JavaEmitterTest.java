package dev.nnc.cpu.emit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.cpu.gen.JavaModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The emitter's contract: records laid out by their templates, floats as literals, template errors fail. */
class JavaEmitterTest {
    private static JavaModel model(List<Object> steps) {
        return new JavaModel("p", "C", "c", List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), steps);
    }

    @Test
    void floatParametersAreJavaLiterals() {
        Object clip = new JavaModel.Apply("Clip", new JavaModel.Leaf("x", "i"), new JavaModel.Leaf("x", "i"),
                Map.of("min", Float.NEGATIVE_INFINITY, "max", 6f));
        String java = JavaEmitter.emit(model(List.of(new JavaModel.ElementwiseStep("clip", "Clip", List.of(), clip, "y",
                "i", List.of(new JavaModel.Loop("i", 4))))));
        assertTrue(java.contains("y[i] = Math.min(Math.max(x[i], Float.NEGATIVE_INFINITY), 6.0f);"), java);
        assertTrue(java.contains("for (int i = 0; i < 4; i++) {"), java);
    }

    /** A step kind no template lays out. */
    record Unknown(String method) {
    }

    @Test
    void aTemplateErrorIsAFailureNotAHoleInTheSource() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> JavaEmitter.emit(model(List.of(new Unknown("m")))));
        assertTrue(e.getMessage().contains("Unknown"), e.getMessage());
    }
}
