package dev.nnc.frontend;

import dev.nnc.ir.core.Opsets;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.spec.DialectRegistry;

/**
 * What every part of one import shares: the file name for messages, the options, the converters,
 * the op registry and the opset version of each imported domain.
 */
record ImportContext(String file, ImportOptions options, TypeConverter types, TensorProtoConverter tensors,
                     AttributeConverter attributes, DialectRegistry registry, Opsets opsets) {

    static ImportContext create(String file, ImportOptions options, TensorProtoConverter tensors,
                                DialectRegistry registry, Opsets opsets) {
        TypeConverter types = new TypeConverter(file);
        return new ImportContext(file, options, types, tensors, new AttributeConverter(file, tensors, types), registry, opsets);
    }

    /** An error about the file: {@code model.onnx: message}. */
    NncException error(String message) {
        return new NncException(file + ": " + message);
    }
}
