package io.github.ftzoutbound.server;

import io.github.ftzoutbound.model.Limits;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link DecisionServer} listens and limits its work.
 *
 * @param host              the address to bind (loopback by default: put a TLS reverse proxy in front, docs/service.md)
 * @param port              the port, 0 for any free one
 * @param maxConcurrent     decisions (or batches, replays, candidate trials) handled at once; more get 429
 * @param maxRequestBytes   largest request body for one decision, replay or explanation (4 MiB, like the CLI)
 * @param maxBatchBytes     largest body of a batch (JSON lines)
 * @param maxUploadBytes    largest rules/lists zip an admin may upload
 * @param adminToken        the bearer token of the admin endpoints; null or blank disables them (404)
 * @param reloadScenarios   scenario suites every reload must pass, besides those in the uploaded zip
 * @param workDir           where uploaded rule and list directories are unpacked
 * @param batchThreads      evaluation threads of one batch request
 */
public record ServerConfig(String host, int port, int maxConcurrent, int maxRequestBytes, long maxBatchBytes,
                           long maxUploadBytes, String adminToken, List<Path> reloadScenarios, Path workDir,
                           int batchThreads) {
    public ServerConfig {
        Objects.requireNonNull(host);
        Objects.requireNonNull(workDir);
        reloadScenarios = List.copyOf(reloadScenarios);
        if (maxConcurrent < 1 || batchThreads < 1) {
            throw new IllegalArgumentException("maxConcurrent and batchThreads must be at least 1");
        }
    }

    /** Loopback, the given port, the CLI's request limit, admin disabled. */
    public static ServerConfig defaults(int port, Path workDir) {
        int cores = Runtime.getRuntime().availableProcessors();
        return new ServerConfig("127.0.0.1", port, Math.max(4, 4 * cores), Limits.MAX_REQUEST_BYTES,
                256L * 1024 * 1024, 16L * 1024 * 1024, null, List.of(), workDir, Math.max(1, cores));
    }

    public ServerConfig withAdminToken(String token) {
        return new ServerConfig(host, port, maxConcurrent, maxRequestBytes, maxBatchBytes, maxUploadBytes, token,
                reloadScenarios, workDir, batchThreads);
    }

    public ServerConfig withMaxConcurrent(int n) {
        return new ServerConfig(host, port, n, maxRequestBytes, maxBatchBytes, maxUploadBytes, adminToken,
                reloadScenarios, workDir, batchThreads);
    }

    public ServerConfig withHost(String h) {
        return new ServerConfig(h, port, maxConcurrent, maxRequestBytes, maxBatchBytes, maxUploadBytes, adminToken,
                reloadScenarios, workDir, batchThreads);
    }

    public ServerConfig withReloadScenarios(List<Path> dirs) {
        return new ServerConfig(host, port, maxConcurrent, maxRequestBytes, maxBatchBytes, maxUploadBytes, adminToken,
                dirs, workDir, batchThreads);
    }

    boolean adminEnabled() {
        return adminToken != null && !adminToken.isBlank();
    }
}
