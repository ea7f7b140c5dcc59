package io.github.ftzoutbound.report;

import io.github.ftzoutbound.cli.Main;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Run by {@link ReportScaleTest} in a JVM of its own with -Xmx512m: {@code report - --out DIR} over COUNT records
 * made on the fly from a small pool of real decisions (each with its own request id), so the archive is never on
 * disk nor in memory. Every {@code badEvery}-th line is not a record. Exits with the command's exit code.
 */
public final class ReportScaleChild {
    private ReportScaleChild() {
    }

    public static void main(String[] args) throws IOException {
        List<String> pool = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        Path out = Path.of(args[1]);
        int count = Integer.parseInt(args[2]);
        int badEvery = Integer.parseInt(args[3]);
        String lang = args[4];
        // Each pool line holds "requestId":"…" once near its start (after recordFormat and detail): the text around
        // it is kept, the id is made unique per line.
        String[] head = pool.stream().map(l -> l.substring(0, l.indexOf("\"requestId\":\""))).toArray(String[]::new);
        String[] rest = pool.stream().map(l -> l.substring(l.indexOf('"', l.indexOf("\"requestId\":\"") + 13) + 1))
                .toArray(String[]::new);
        InputStream records = new InputStream() {
            private int next;
            private byte[] line = new byte[0];
            private int pos;

            private boolean fill() {
                while (pos == line.length) {
                    if (next == count) {
                        return false;
                    }
                    int i = next++;
                    String text = (i + 1) % badEvery == 0 ? "{not a record\n"
                            : head[i % head.length] + "\"requestId\":\"R" + i + "\"" + rest[i % rest.length] + "\n";
                    line = text.getBytes(StandardCharsets.UTF_8);
                    pos = 0;
                }
                return true;
            }

            @Override
            public int read() {
                return fill() ? line[pos++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (len == 0) {
                    return 0;
                }
                if (!fill()) {
                    return -1;
                }
                int n = Math.min(len, line.length - pos);
                System.arraycopy(line, pos, b, off, n);
                pos += n;
                return n;
            }
        };
        PrintWriter stdout = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter stderr = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int exit = Main.run(new String[]{"report", "-", "--out", out.toString(), "--lang", lang}, stdout, stderr,
                records);
        stderr.println("max heap " + Runtime.getRuntime().maxMemory());
        System.exit(exit);
    }
}
