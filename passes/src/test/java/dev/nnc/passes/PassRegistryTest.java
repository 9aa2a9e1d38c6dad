package dev.nnc.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.passes.pipeline.OptionField;
import dev.nnc.passes.pipeline.Pipeline;
import java.util.List;
import org.junit.jupiter.api.Test;

class PassRegistryTest {
    @Test
    void listsPassesInRegistrationOrderAndRejectsDuplicates() {
        PassRegistry r = TestPasses.registry();
        assertEquals("test-count-ops", r.arguments().get(0));
        assertTrue(r.lookup("test-throw").isPresent());
        assertThrows(IllegalArgumentException.class, () -> r.with(List.of(TestPasses.THROW)));
    }

    @Test
    void everyStandardPassHasUsableOptions() {
        for (PassInfo<?> info : PassRegistry.standard().all()) {
            List<OptionField> fields = OptionField.of(info.optionsType());
            for (OptionField f : fields) {
                f.typeName();
                f.get(info.defaults());
            }
            assertTrue(!info.summary().isBlank(), info.argument());
            assertEquals(info.argument(), info.create().info().argument());
            assertEquals(info.argument(), Pipeline.parse(info.argument(), PassRegistry.standard()).toString());
        }
    }

    @Test
    void optionTypesAreNamedForHelp() {
        List<String> types = OptionField.of(TestPasses.Every.class).stream().map(OptionField::typeName).toList();
        assertEquals(List.of("bool", "int", "long", "double", "string", "fast|slow-and-steady", "list<string>"), types);
    }
}
