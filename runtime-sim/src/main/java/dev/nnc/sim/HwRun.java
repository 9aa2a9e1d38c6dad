package dev.nnc.sim;

import dev.nnc.ir.tensor.Tensor;
import dev.nnc.sim.engine.FastForwardJump;
import dev.nnc.sim.engine.FrameTiming;
import dev.nnc.sim.engine.NodeStats;
import java.util.List;

/**
 * What one engine run produced.
 *
 * @param sinkFrames per sink (in design order), the tensor of each frame
 * @param traces     per sink, every beat with its cycle
 * @param cycles     the cycle after the last output beat
 * @param frames     per frame, first input and last output cycle (firstIn is -1 where the engine
 *                   does not observe input transfers, as the RTL testbench after frame 0)
 * @param nodes      per component statistics (the cycle simulator only; empty otherwise)
 * @param buildNanos wall time spent building the engine's model (0 for the cycle simulator)
 * @param runNanos   wall time of the run itself
 * @param runCpuNanos CPU time of the run (the simulating thread, or the simulator process), -1 if unknown
 * @param jump       the cycle simulator's fast-forward jump, or null (none made, or another engine)
 */
public record HwRun(List<List<Tensor>> sinkFrames, List<SinkTrace> traces, long cycles, List<FrameTiming> frames,
                    List<NodeStats> nodes, long buildNanos, long runNanos, long runCpuNanos,
                    FastForwardJump jump) {

    /** (last output cycle of the last frame − that of the first) / (frames − 1); NaN for one frame. */
    public double initiationInterval() {
        int n = frames.size();
        return n < 2 ? Double.NaN : (double) (frames.get(n - 1).lastOut() - frames.get(0).lastOut()) / (n - 1);
    }
}
