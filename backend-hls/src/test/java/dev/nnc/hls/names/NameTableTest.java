package dev.nnc.hls.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameTableTest {
    @Test
    void repeatedNamesGetNumberedInClaimOrder() {
        NameTable t = new NameTable();
        assertEquals("conv", t.claim("conv"));
        assertEquals("conv_1", t.claim("conv"));
        assertEquals("conv_2", t.claim("conv"));
    }

    @Test
    void namesDifferingOnlyInCaseCollide() {
        NameTable t = new NameTable();
        assertEquals("Conv", t.claim("Conv"));
        assertEquals("conv_1", t.claim("conv"));
    }

    @Test
    void derivedNamesAreClaimedAndChecked() {
        NameTable t = new NameTable();
        assertEquals("x", t.claim("x", List.of("_valid", "_data")));
        // "x_valid" is taken as a derived name of x
        assertEquals("x_valid_1", t.claim("x_valid"));
        NameTable u = new NameTable().reserve("y_data");
        assertEquals("y_1", u.claim("y", List.of("_valid", "_data")));
    }

    @Test
    void reservedNamesAreSkipped() {
        NameTable t = new NameTable().reserve("clk", "rst");
        assertEquals("clk_1", t.claim("clk"));
        assertEquals("Rst_1", t.claim("Rst"));
    }
}
