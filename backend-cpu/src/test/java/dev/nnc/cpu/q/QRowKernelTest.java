package dev.nnc.cpu.q;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.nnc.cpu.runtime.QRowKernel;
import dev.nnc.cpu.runtime.QVectorSupport;
import dev.nnc.cpu.runtime.VectorSupport;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The vector integer row kernel gives the scalar loop's ints, including wrap-around, at every width and tail. */
class QRowKernelTest {
    @Test
    void vectorRowsEqualTheScalarLoop() {
        Assumptions.assumeTrue(VectorSupport.available(), "needs java --add-modules jdk.incubator.vector");
        QRowKernel vector = QVectorSupport.vector();
        Random rnd = new Random(5);
        for (int[] kn : new int[][] {{1, 1}, {3, 7}, {25, 784}, {200, 196}, {16, 10}, {64, 33}, {5, 47}}) {
            int k = kn[0];
            int n = kn[1];
            int[] a = new int[2 + k];
            int[] b = new int[3 + k * n];
            for (int i = 0; i < a.length; i++) {
                a[i] = rnd.nextInt(10) == 0 ? Integer.MIN_VALUE + rnd.nextInt(3) : rnd.nextInt(511) - 255;
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = rnd.nextInt(10) == 0 ? Integer.MAX_VALUE - rnd.nextInt(3) : rnd.nextInt(65535) - 32767;
            }
            int[] want = new int[n + 4];
            int[] got = new int[n + 4];
            QRowKernel.SCALAR.row(a, 2, b, 3, want, k, n);
            vector.row(a, 2, b, 3, got, k, n);
            assertArrayEquals(want, got, k + "x" + n);
            for (int count = 1; count <= 4; count++) {
                int[] rowsWant = new int[count * n];
                int[] rowsGot = new int[count * n];
                int[] a4 = new int[count * k + 1];
                for (int i = 0; i < a4.length; i++) {
                    a4[i] = rnd.nextInt(10) == 0 ? Integer.MIN_VALUE : rnd.nextInt(511) - 255;
                }
                QRowKernel.SCALAR.rows(a4, 1, b, 3, rowsWant, count, k, n);
                vector.rows(a4, 1, b, 3, rowsGot, count, k, n);
                assertArrayEquals(rowsWant, rowsGot, count + " rows of " + k + "x" + n);
            }
        }
    }
}
