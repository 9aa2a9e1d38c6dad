package dev.nnc.sim.engine;

/** A set of small ints with O(1) add, remove and iteration by index (order not kept). */
final class IndexedSet {
    final int[] items;
    private final int[] pos;
    int size;

    IndexedSet(int capacity) {
        items = new int[capacity];
        pos = new int[capacity];
        java.util.Arrays.fill(pos, -1);
    }

    void add(int x) {
        if (pos[x] < 0) {
            pos[x] = size;
            items[size++] = x;
        }
    }

    void remove(int x) {
        int p = pos[x];
        if (p >= 0) {
            int last = items[--size];
            items[p] = last;
            pos[last] = p;
            pos[x] = -1;
        }
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            pos[items[i]] = -1;
        }
        size = 0;
    }
}
