package dev.nnc.hls.emit;

/** A template error: always a bug in the backend (a template or the model it reads), never the user's. */
public final class TemplateException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public TemplateException(String message) {
        super(message);
    }
}
