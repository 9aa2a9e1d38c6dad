package dev.nnc.frontend;

import dev.nnc.frontend.proto.Onnx.SparseTensorProto;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.tensor.Shapes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.StringType;
import java.util.Arrays;

/**
 * Expands an ONNX {@code SparseTensorProto} (values at coordinates) into a dense {@link Tensor},
 * zeros elsewhere. Indices are either linear ({@code [NNZ]}) or coordinates ({@code [NNZ, rank]}).
 * The dense size counts against the memory limit like any other tensor.
 */
final class SparseTensors {
    private SparseTensors() {
    }

    static Tensor toDense(SparseTensorProto s, TensorProtoConverter tensors, String what, String file) {
        Tensor values = tensors.convert(s.getValues(), what + " values");
        ElementType type = tensors.elementType(s.getValues(), what);
        int[] shape = tensors.shape(s.getDimsList(), s.getValues().getDataType(), what);
        Tensor zeros = Tensor.zeros(type, shape);
        long nnz = values.size();
        Tensor idx = tensors.convert(s.getIndices(), what + " indices");
        long[] index = idx.toLongs();
        boolean linear = idx.rank() == 1;
        if (values.rank() != 1 || (linear ? index.length != nnz : idx.rank() != 2 || idx.dim(0) != nnz || idx.dim(1) != shape.length)) {
            throw new NncException(file + ": " + what + " has values " + Arrays.toString(values.shape()) + " and indices "
                    + Arrays.toString(idx.shape()) + " that do not fit dims " + Arrays.toString(shape));
        }
        long size = Shapes.size(shape);
        int[] strides = Shapes.strides(shape);
        int[] at = new int[(int) nnz];
        for (int k = 0; k < nnz; k++) {
            long pos = 0;
            if (linear) {
                pos = index[k];
            } else {
                for (int d = 0; d < shape.length; d++) {
                    long c = index[k * shape.length + d];
                    pos = c < 0 || c >= shape[d] ? -1 : pos + c * strides[d];
                    if (pos < 0) {
                        break;
                    }
                }
            }
            if (pos < 0 || pos >= size) {
                throw new NncException(file + ": " + what + " has index " + k + " outside dims " + Arrays.toString(shape));
            }
            at[k] = (int) pos;
        }
        return scatter(zeros, values, at);
    }

    private static Tensor scatter(Tensor zeros, Tensor values, int[] at) {
        int[] shape = zeros.shape();
        if (zeros.isDoubles()) {
            double[] d = zeros.doubles().clone();
            for (int k = 0; k < at.length; k++) {
                d[at[k]] = values.doubles()[k];
            }
            return Tensor.ofDoubles(zeros.elementType(), shape, d);
        }
        if (zeros.elementType() == StringType.STR) {
            String[] s = zeros.strings().clone();
            for (int k = 0; k < at.length; k++) {
                s[at[k]] = values.strings()[k];
            }
            return Tensor.ofStrings(shape, s);
        }
        long[] l = zeros.longs().clone();
        for (int k = 0; k < at.length; k++) {
            l[at[k]] = values.longs()[k];
        }
        return Tensor.ofLongs(zeros.elementType(), shape, l);
    }
}
