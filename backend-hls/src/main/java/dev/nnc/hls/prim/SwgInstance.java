package dev.nnc.hls.prim;

import dev.nnc.ir.hw.prim.SwgConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@code hw.swg} as an instance of {@code nnc_swg.sv}: parameters only, no memory files. */
public record SwgInstance(SwgConfig config) implements PrimitiveInstance {

    @Override
    public String module() {
        return "nnc_swg";
    }

    @Override
    public List<String> sources() {
        return List.of("nnc_swg.sv", "nnc_outq.sv");
    }

    @Override
    public Map<String, String> parameters(String instanceName) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("ELEM_W", Integer.toString(config.elemWidth()));
        p.put("SIMD", Integer.toString(config.simd()));
        p.put("IN_H", Integer.toString(config.inH()));
        p.put("IN_W", Integer.toString(config.inW()));
        p.put("CF", Integer.toString(config.channelFolds()));
        p.put("K_H", Integer.toString(config.kernelH()));
        p.put("K_W", Integer.toString(config.kernelW()));
        p.put("STRIDE_H", Integer.toString(config.strideH()));
        p.put("STRIDE_W", Integer.toString(config.strideW()));
        p.put("PAD_T", Integer.toString(config.padT()));
        p.put("PAD_L", Integer.toString(config.padL()));
        p.put("DIL_H", Integer.toString(config.dilH()));
        p.put("DIL_W", Integer.toString(config.dilW()));
        p.put("OUT_H", Integer.toString(config.outH()));
        p.put("OUT_W", Integer.toString(config.outW()));
        p.put("ROWS", Integer.toString(config.bufferRows()));
        return p;
    }

    @Override
    public Map<String, List<String>> memoryFiles() {
        return Map.of();
    }
}
