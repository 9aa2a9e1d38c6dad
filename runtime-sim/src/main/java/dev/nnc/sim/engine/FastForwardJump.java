package dev.nnc.sim.engine;

import java.util.List;

/**
 * The one jump a run made (see {@link FastForward}).
 *
 * @param fromFrame            the frame at whose start the control state repeated an earlier frame's
 * @param periodFrames         frames per period (the states of frames fromFrame − periodFrames and
 *                             fromFrame were equal)
 * @param periodCycles         cycles per period
 * @param skippedFrames        frames jumped over (a multiple of periodFrames)
 * @param firstStaleBeat       per sink (netlist order), the first beat index whose value the
 *                             simulator did not compute: every beat from there on needs its value
 *                             from the reference semantics
 */
public record FastForwardJump(int fromFrame, int periodFrames, long periodCycles, int skippedFrames,
                              List<Integer> firstStaleBeat) {
    public FastForwardJump {
        firstStaleBeat = List.copyOf(firstStaleBeat);
    }
}
