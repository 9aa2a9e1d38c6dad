package dev.nnc.ir.onnx;

import dev.nnc.ir.spec.OpVerifier;
import dev.nnc.ir.spec.Semantics;
import dev.nnc.ir.spec.TypeInference;
import java.util.Map;
import java.util.TreeMap;

/** Collects the behaviour that kernel families bind to ONNX op names. */
public final class KernelTable {
    /** The behaviour of one op; any part may be null. */
    public record Behaviour(OpVerifier verifier, TypeInference inference, Semantics semantics) {
    }

    private final Map<String, Behaviour> byOp = new TreeMap<>();

    /** Registers an op (plain ONNX name such as {@code Conv}) with inference and semantics. */
    public void op(String onnxName, TypeInference inference, Semantics semantics) {
        op(onnxName, null, inference, semantics);
    }

    public void op(String onnxName, OpVerifier verifier, TypeInference inference, Semantics semantics) {
        if (byOp.putIfAbsent(onnxName, new Behaviour(verifier, inference, semantics)) != null) {
            throw new IllegalStateException("ONNX op " + onnxName + " bound twice");
        }
    }

    public Behaviour get(String onnxName) {
        return byOp.get(onnxName);
    }

    public Map<String, Behaviour> all() {
        return byOp;
    }
}
