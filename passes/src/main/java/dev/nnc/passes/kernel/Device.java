package dev.nnc.passes.kernel;

import dev.nnc.ir.diag.NncException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A target device from the device table ({@code devices.tsv} beside this class): an FPGA with its
 * DSP, BRAM18, LUT and LUTRAM counts and DSP multiplier width, or the generic ASIC target with an
 * area budget in kGE and SRAM in kbit. {@code nnc compile --device NAME} picks one.
 */
public record Device(String name, boolean asic, Resources capacity, int dspA, int dspB, int clockMhz, String description) {
    private static final List<Device> ALL = load();

    /** Every device of the table, in table order. */
    public static List<Device> all() {
        return ALL;
    }

    /** The device of that name, or an error listing the known ones. */
    public static Device named(String name) {
        for (Device d : ALL) {
            if (d.name.equalsIgnoreCase(name)) {
                return d;
            }
        }
        throw new NncException("unknown device '" + name + "' (one of " + String.join(", ", ALL.stream().map(Device::name).toList()) + ")");
    }

    private static List<Device> load() {
        List<Device> out = new ArrayList<>();
        try (InputStream in = Device.class.getResourceAsStream("devices.tsv")) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                out.add(new Device(f[0], f[1].equals("asic"),
                        new Resources(Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]),
                                Long.parseLong(f[8]) * 1000, Long.parseLong(f[9]) * 1024),
                        Integer.parseInt(f[6]), Integer.parseInt(f[7]), Integer.parseInt(f[10]), f[11]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableList(out);
    }
}
