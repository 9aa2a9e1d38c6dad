package dev.nnc.ir.hw.prim;

/** What {@code kernel.pool} / {@code hw.pool} reduce a window with (property {@code kind}). */
public enum PoolKind {
    MAX,
    AVG
}
