package dev.nnc.ir.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A list of blocks owned by an operation (a graph body, a loop body, a module's contents). */
public final class Region {
    private final List<Block> blocks = new ArrayList<>();
    private Operation parent;

    public Block addBlock() {
        Block b = new Block();
        b.setParent(this);
        blocks.add(b);
        return b;
    }

    public List<Block> blocks() {
        return Collections.unmodifiableList(blocks);
    }

    /** The single block of a graph-like region. */
    public Block entry() {
        if (blocks.isEmpty()) {
            throw new IllegalStateException("region has no block");
        }
        return blocks.get(0);
    }

    public Operation parent() {
        return parent;
    }

    void setParent(Operation op) {
        this.parent = op;
    }
}
