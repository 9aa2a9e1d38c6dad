package dev.nnc.hls.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Any template error is an exception, never a silent hole in the output. */
class TemplatesTest {
    record Thing(String a) {
    }

    record Good(String a) {
    }

    record Missing(String a) {
    }

    @Test
    void rendersTheTemplateNamedAfterTheRecord() {
        assertEquals("x!", Templates.render(Templates.load("/dev/nnc/hls/emit/Broken.stg"), new Good("x")));
    }

    record Kinded(String kind) {
    }

    record Holder(java.util.List<Record> items) {
    }

    @Test
    void kindIsTheTemplateNameUnlessTheRecordHasThatComponent() {
        var g = Templates.load("/dev/nnc/hls/emit/Broken.stg");
        assertEquals("mvau", Templates.render(g, new Kinded("mvau")));
        assertEquals("a!,b!", Templates.render(g, new Holder(java.util.List.of(new Good("a"), new Good("b")))));
    }

    @Test
    void aMissingPropertyFails() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> Templates.render(Templates.load("/dev/nnc/hls/emit/Broken.stg"), new Thing("x")));
        assertTrue(e.getMessage().contains("nosuch"), e.getMessage());
    }

    @Test
    void aSyntaxErrorFails() {
        assertThrows(TemplateException.class,
                () -> Templates.render(Templates.load("/dev/nnc/hls/emit/Syntax.stg"), new Thing("x")));
    }

    @Test
    void aRecordWithoutTemplateFails() {
        assertThrows(TemplateException.class,
                () -> Templates.render(Templates.load("/dev/nnc/hls/emit/Broken.stg"), new Missing("x")));
    }

    @Test
    void aMissingGroupFails() {
        assertThrows(TemplateException.class, () -> Templates.load("/dev/nnc/hls/emit/NoSuch.stg"));
    }
}
