package dev.nnc.ir.onnx;

/**
 * A group of related ONNX ops (element-wise math, convolution, shape ops, ...): its rows of the op
 * catalogue live in the resource {@link #table()} beside the class, its behaviour is registered in
 * {@link #register}. One family per file keeps the catalogue and the semantics side by side.
 */
public interface KernelFamily {

    /** Resource name of this family's op table, relative to this package's resource folder. */
    String table();

    /** Binds type inference, verifier and semantics to the ops of the table. */
    void register(KernelTable table);
}
