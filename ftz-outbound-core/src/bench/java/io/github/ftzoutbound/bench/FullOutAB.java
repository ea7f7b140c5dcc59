package io.github.ftzoutbound.bench;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link FullOutPhases} on two builds in one JVM and one thread, their rounds interleaved (A, B, A, B …), so both
 * see the same load, JIT and scheduler: each build has its own class loader (its classes, the bench classes and the
 * dependencies), and the thread CPU time of each phase is compared round by round (docs/performance.md, "Full
 * record path"). Arguments: class path A, class path B (as for {@code java -cp}), items, rounds, requests per round.
 */
public final class FullOutAB {
    private FullOutAB() {
    }

    public static void main(String[] args) throws Exception {
        int items = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        int perRound = Integer.parseInt(args[4]);
        Object[] arms = new Object[2];
        Method[] round = new Method[2];
        ClassLoader[] loaders = new ClassLoader[2];
        for (int a = 0; a < 2; a++) {
            List<URL> urls = new ArrayList<>();
            for (String part : args[a].split(File.pathSeparator)) {
                urls.add(new File(part).toURI().toURL());
            }
            loaders[a] = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            Thread.currentThread().setContextClassLoader(loaders[a]);
            Class<?> arm = Class.forName(FullOutPhases.class.getName() + "$Arm", true, loaders[a]);
            arms[a] = arm.getConstructor(int.class).newInstance(items);
            round[a] = arm.getMethod("round", int.class);
        }
        for (int a = 0; a < 2; a++) {
            // Which build each arm runs: the serializer of issue 14's full record path is only in the newer one.
            System.out.println((a == 0 ? "A" : "B") + " has DecisionRecordSerializer: "
                    + (loaders[a].getResource("io/github/ftzoutbound/api/DecisionRecordSerializer.class") != null));
        }
        int phases = FullOutPhases.PHASES.length;
        double[][][] us = new double[2][phases][rounds];
        for (int r = -rounds / 3; r < rounds; r++) { // the first third warms up
            for (int a = 0; a < 2; a++) {
                Thread.currentThread().setContextClassLoader(loaders[a]);
                long[] sum = (long[]) round[a].invoke(arms[a], perRound);
                if (r >= 0) {
                    for (int p = 0; p < phases; p++) {
                        us[a][p][r] = sum[p] / 1e3 / perRound;
                    }
                }
            }
        }
        System.out.printf("%d items, thread CPU time per request, median (min) of %d interleaved rounds of %d%n",
                items, rounds, perRound);
        FullOutPhases.print("A ", us[0]);
        FullOutPhases.print("B ", us[1]);
        for (int p = 0; p < phases; p++) {
            double[] ratio = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratio[r] = us[1][p][r] / us[0][p][r];
            }
            java.util.Arrays.sort(ratio);
            System.out.printf("B/A %-9s median of round ratios %.3f%n", FullOutPhases.PHASES[p], ratio[rounds / 2]);
        }
    }
}
