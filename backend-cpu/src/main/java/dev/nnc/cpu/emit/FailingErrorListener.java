package dev.nnc.cpu.emit;

import org.stringtemplate.v4.STErrorListener;
import org.stringtemplate.v4.misc.STMessage;

/**
 * Turns every StringTemplate diagnostic into an exception: a missing property or a template typo
 * is a bug in the backend, and generated code with a silent hole in it must never reach javac.
 */
final class FailingErrorListener implements STErrorListener {
    @Override
    public void compileTimeError(STMessage msg) {
        throw new IllegalStateException("template error: " + msg);
    }

    @Override
    public void runTimeError(STMessage msg) {
        throw new IllegalStateException("template error: " + msg);
    }

    @Override
    public void IOError(STMessage msg) {
        throw new IllegalStateException("template I/O error: " + msg);
    }

    @Override
    public void internalError(STMessage msg) {
        throw new IllegalStateException("template internal error: " + msg);
    }
}
