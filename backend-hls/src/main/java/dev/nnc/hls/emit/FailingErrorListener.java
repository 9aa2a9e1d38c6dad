package dev.nnc.hls.emit;

import org.stringtemplate.v4.STErrorListener;
import org.stringtemplate.v4.misc.STMessage;

/**
 * Turns every StringTemplate diagnostic into an exception: a missing property or a template typo
 * is a bug in the backend, and RTL with a silent hole in it must never reach a synthesis tool.
 */
final class FailingErrorListener implements STErrorListener {
    @Override
    public void compileTimeError(STMessage msg) {
        throw new TemplateException("template error: " + msg);
    }

    @Override
    public void runTimeError(STMessage msg) {
        throw new TemplateException("template error: " + msg);
    }

    @Override
    public void IOError(STMessage msg) {
        throw new TemplateException("template I/O error: " + msg);
    }

    @Override
    public void internalError(STMessage msg) {
        throw new TemplateException("template internal error: " + msg);
    }
}
