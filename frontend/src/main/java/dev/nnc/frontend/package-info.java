/**
 * ONNX in and out of the {@code onnx} dialect. The only module that sees protobuf: its public API
 * speaks IR types only.
 *
 * <ul>
 *   <li>{@link dev.nnc.frontend.OnnxImporter} reads a model ({@code OnnxLoader}: size limits and
 *       one-line errors; {@code FunctionInliner}: model-local functions; {@code SupportedOps}: all
 *       unknown ops in one message) and builds the module ({@code GraphImporter} per graph and
 *       subgraph, {@code NodeImporter} per node, {@code NodeOrder} for topological order and
 *       cycles, {@code ResultTypes} for declared versus inferred types).</li>
 *   <li>Converters: {@code TensorProtoConverter} (every supported data type, raw or typed, with
 *       {@code ExternalData} confined to the model's folder and a memory limit checked before
 *       allocation), {@code SparseTensors}, {@code AttributeConverter}, {@code TypeConverter}.</li>
 *   <li>{@link dev.nnc.frontend.TensorFiles} reads and writes single TensorProto files (the ONNX
 *       test data layout); {@link dev.nnc.frontend.OnnxExporter} writes a module back to ONNX.</li>
 * </ul>
 */
package dev.nnc.frontend;
