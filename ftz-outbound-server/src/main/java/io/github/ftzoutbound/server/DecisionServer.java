package io.github.ftzoutbound.server;

import io.github.ftzoutbound.api.DecisionJson;
import io.github.ftzoutbound.api.EvaluationException;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.api.RuleSetException;
import io.github.ftzoutbound.audit.Explainer;
import io.github.ftzoutbound.audit.Records;
import io.github.ftzoutbound.audit.Replay;
import io.github.ftzoutbound.batch.BatchEvaluator;
import io.github.ftzoutbound.api.DecisionRecord;
import io.github.ftzoutbound.ledger.CreditCode;
import io.github.ftzoutbound.ledger.ExportLedger;
import io.github.ftzoutbound.ledger.LedgerException;
import io.github.ftzoutbound.ledger.ReservationStateException;
import io.github.ftzoutbound.ledger.UnknownDecisionException;
import io.github.ftzoutbound.model.InvalidRequestException;
import io.github.ftzoutbound.model.Problem;
import io.github.ftzoutbound.model.RequestReader;
import io.github.ftzoutbound.server.ServerText.Issue;
import io.github.ftzoutbound.server.ServerText.Msg;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The HTTP decision service (docs/service.md): the library's decisions, replay, explanation and annual ledger over
 * HTTP, on Javalin. Stateless apart from the rule set it serves, so any number of instances can share one
 * PostgreSQL ledger.
 *
 * <p>It answers with the library's JSON and the command line's error shape: {@code 400 invalid-input} with the
 * problems by JSON path, {@code 503 rules-not-loaded} until the rules are loaded, {@code 429} with
 * {@code Retry-After} beyond the concurrency limit, {@code 413} beyond the size limit. Anything unexpected is a
 * {@code 500 internal-error} carrying a correlation id; the log line has the id and the exception's type, never
 * the request's content.
 *
 * <p>It uses only the library's public API (api, model, audit, batch and ledger packages).
 */
public final class DecisionServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DecisionServer.class);
    static final String JSON = "application/json; charset=utf-8";
    static final String WEB = "/io/github/ftzoutbound/server/web";

    private final ServerConfig config;
    private final ExportLedger ledger;
    private final ServiceMetrics metrics = new ServiceMetrics();
    /** The service without the ledger (null until the rules are loaded): candidate trials never reserve. */
    private final AtomicReference<ExportDecisionService> base = new AtomicReference<>();
    /** The rules' load problems when loading failed: the server stays up, unready, and says why. */
    private final AtomicReference<List<Problem>> loadProblems = new AtomicReference<>(List.of());
    private final AtomicReference<Candidate> candidate = new AtomicReference<>();
    private final Semaphore permits;
    private final Drain drain = new Drain();
    private final Javalin app;
    /** A test hook run inside every decision, after its permit is taken: lets a test hold a decision in flight. */
    private volatile Runnable inFlightHook = () -> { };

    private record Candidate(ExportDecisionService service, Path dir) {
    }

    /**
     * @param config the limits and the admin token
     * @param loader builds the service (without the ledger); called once, in the background, after start
     * @param ledger the annual ledger, or null: then requests are decided with the totals they carry
     */
    public DecisionServer(ServerConfig config, Supplier<ExportDecisionService> loader, ExportLedger ledger) {
        this.config = config;
        this.ledger = ledger;
        this.permits = new Semaphore(config.maxConcurrent());
        this.app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.http.maxRequestSize = config.maxRequestBytes();
            // Jetty's graceful stop (its StatisticsHandler) lets responses already being written finish.
            c.jetty.modifyServer(server -> server.setStopTimeout(30_000));
            c.staticFiles.add(sf -> {
                sf.hostedPath = "/";
                sf.directory = WEB;
                sf.location = Location.CLASSPATH;
                sf.headers = Map.of("Cache-Control", "no-cache", "X-Content-Type-Options", "nosniff",
                        "Content-Security-Policy", "default-src 'self'; object-src 'none'; frame-ancestors 'none'");
            });
        });
        routes();
        Thread t = new Thread(() -> load(loader), "ftz-rules-loader");
        t.setDaemon(true);
        this.loaderThread = t;
    }

    private final Thread loaderThread;

    /** Binds the port and loads the rules in the background: /health/ready says when they are in. */
    public DecisionServer start() {
        app.start(config.host(), config.port());
        loaderThread.start();
        LOG.info("decision service listening on {}:{}", config.host(), app.port());
        return this;
    }

    /** Waits until the rules are loaded or failed to load (for the command line and tests). */
    public boolean awaitLoaded(Duration timeout) throws InterruptedException {
        loaderThread.join(timeout.toMillis());
        return base.get() != null;
    }

    public int port() {
        return app.port();
    }

    public ServiceMetrics metrics() {
        return metrics;
    }

    /** True once {@link #stop} has begun: new work is refused. */
    boolean stopping() {
        return drain.draining();
    }

    void setInFlightHook(Runnable hook) {
        this.inFlightHook = hook;
    }

    private void load(Supplier<ExportDecisionService> loader) {
        try {
            ExportDecisionService s = loader.get();
            // Every FTZ's rule base now, not at its first request: one that cannot be built keeps the service
            // unready with its problems, and no request waits for a build.
            s.ruleSet().buildAll();
            metrics.ruleset(s.ruleset());
            base.set(s);
            LOG.info("rule set {} ({}) loaded; ready", s.ruleset().version(), s.ruleset().digest());
        } catch (RuleSetException e) {
            // Kept as problems, so a list file's problem reads in Chinese too (lists/ListProblems_zh).
            loadProblems.set(e.asProblems());
            LOG.error("rules or lists failed to load ({} problems); the service stays unready", e.problems().size());
        } catch (RuntimeException e) {
            loadProblems.set(List.of(RuleSetException.problem(e.getClass().getName())));
            LOG.error("rules failed to load: {}", e.getClass().getName());
        }
    }

    /**
     * Graceful stop: refuses new work (503), waits up to {@code grace} for the decisions in flight to be answered,
     * then stops the HTTP server.
     */
    public void stop(Duration grace) {
        drain.begin();
        boolean drained = drain.await(grace);
        if (!drained) {
            LOG.warn("stopping with decisions still in flight after {}", grace);
        }
        app.stop();
        Candidate c = candidate.getAndSet(null);
        if (c != null) {
            Uploads.delete(c.dir());
        }
        LOG.info("decision service stopped");
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }

    // ---------------------------------------------------------------- routes

    private void routes() {
        app.get("/health/live", ctx -> send(ctx, 200, Map.of("status", "live")));
        app.get("/health/ready", ctx -> {
            ExportDecisionService s = base.get();
            if (s == null || drain.draining()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("status", drain.draining() ? "stopping" : "not-ready");
                List<Problem> problems = loadProblems.get();
                if (!problems.isEmpty()) {
                    m.put("problems", problems.stream().map(Problem::message).toList());
                }
                // The status and problems stay as they are for probes; a Chinese reader (?lang=zh or
                // Accept-Language) also gets why in Chinese, each problem introduced by the kind of file that failed.
                if (chinese(ctx)) {
                    m.put("messageZh", ServerText.text(Locale.SIMPLIFIED_CHINESE, drain.draining() ? "stopping"
                            : problems.isEmpty() ? "rules.loading" : "rules.failed"));
                    if (!problems.isEmpty()) {
                        m.put("problemsZh", problems.stream().map(p -> p.message(Locale.SIMPLIFIED_CHINESE)).toList());
                    }
                }
                send(ctx, 503, m);
            } else {
                send(ctx, 200, Map.of("status", "ready", "ruleset", s.ruleset()));
            }
        });
        app.get("/metrics", ctx -> {
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8");
            ctx.result(metrics.scrape());
        });
        app.get("/openapi.json", ctx -> {
            ctx.contentType(JSON);
            ctx.result(OpenApi.document());
        });
        app.get("/schemas/{name}", ctx -> {
            String body = OpenApi.schema(ctx.pathParam("name"));
            if (body == null) {
                error(ctx, 404, "not-found", Msg.of("schema.notFound"), List.of());
            } else {
                ctx.contentType("application/schema+json; charset=utf-8");
                ctx.result(body);
            }
        });
        app.get("/v1/ruleset", ctx -> withService(ctx, s -> {
            send(ctx, 200, s.ruleset());
            return null;
        }));
        app.post("/v1/decisions", ctx -> decision(ctx));
        app.post("/v1/decisions/batch", ctx -> batch(ctx));
        app.post("/v1/replay", ctx -> replay(ctx));
        app.post("/v1/explain", ctx -> explain(ctx));

        app.post("/v1/ledger/{decisionId}/commit", ctx -> ledgerCall(ctx, "commit", l -> l.commit(ctx.pathParam("decisionId"))));
        app.post("/v1/ledger/{decisionId}/cancel", ctx -> ledgerCall(ctx, "cancel", l -> l.cancel(ctx.pathParam("decisionId"))));
        app.get("/v1/ledger/totals/{creditCode}/{year}", ctx -> totals(ctx));

        app.post("/v1/admin/reload", ctx -> admin(ctx, () -> reload(ctx)));
        app.post("/v1/admin/candidate", ctx -> admin(ctx, () -> uploadCandidate(ctx)));
        app.delete("/v1/admin/candidate", ctx -> admin(ctx, () -> dropCandidate(ctx)));
        app.post("/v1/admin/candidate/decisions", ctx -> admin(ctx, () -> candidateDecision(ctx)));

        app.error(404, ctx -> {
            // Our own 404s are JSON already; Javalin's "Endpoint ... not found" text is replaced by the JSON shape.
            String type = ctx.res().getContentType();
            if (type == null || !type.startsWith("application/json")) {
                error(ctx, 404, "not-found", Msg.of("endpoint.notFound", ctx.method(), ctx.path()), List.of());
            }
        });
        app.error(405, ctx -> error(ctx, 405, "method-not-allowed", Msg.of("method.notAllowed", ctx.method()), List.of()));
        app.exception(Exception.class, (e, ctx) -> internalError(ctx, e));
    }

    // ---------------------------------------------------------------- decisions

    private void decision(Context ctx) {
        String detail = ctx.queryParam("detail");
        if (detail != null && !detail.equals("lean") && !detail.equals("full")) {
            error(ctx, 400, "invalid-input", Msg.of("detail.invalid"),
                    List.of(Issue.of("?detail", "detail.problem")));
            return;
        }
        boolean withRequest = "true".equals(ctx.queryParam("withRequest"));
        guarded(ctx, s -> {
            byte[] body = body(ctx);
            if (body == null) {
                return null;
            }
            long start = System.nanoTime();
            ExportDecision d = s.evaluate(RequestReader.read(body), withRequest);
            metrics.decided(d, System.nanoTime() - start);
            // Lean unless the full record is asked for (issue 14): the ledger keeps the full record either way.
            send(ctx, 200, DecisionRecord.of(d, "full".equals(detail) ? DecisionRecord.Detail.FULL
                    : DecisionRecord.Detail.LEAN));
            return null;
        });
    }

    private void batch(Context ctx) {
        String detail = ctx.queryParam("detail");
        if (detail != null && !detail.equals("lean") && !detail.equals("full")) {
            error(ctx, 400, "invalid-input", Msg.of("detail.invalid"),
                    List.of(Issue.of("?detail", "detail.problem")));
            return;
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared > config.maxBatchBytes()) {
            error(ctx, 413, "too-large", Msg.of("batch.tooLarge", config.maxBatchBytes()), List.of());
            return;
        }
        guarded(ctx, s -> {
            // Lean unless asked for full, as POST /v1/decisions and evaluate-batch (issue 14).
            DecisionRecord.Detail level = "full".equals(detail) ? DecisionRecord.Detail.FULL : DecisionRecord.Detail.LEAN;
            Function<ExportDecision, Object> shape = d -> DecisionRecord.of(d, level);
            Function<ExportDecision, Object> counted = d -> {
                metrics.decidedInBatch(d);
                return shape.apply(d);
            };
            ctx.status(200);
            ctx.contentType("application/x-ndjson; charset=utf-8");
            // Bytes that are not UTF-8 become U+0000, which JSON refuses: that line alone fails (as in the CLI).
            BufferedReader in = new BufferedReader(new InputStreamReader(
                    new Capped(ctx.req().getInputStream(), config.maxBatchBytes()), StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .replaceWith("\u0000")));
            BufferedWriter out = new BufferedWriter(new OutputStreamWriter(ctx.res().getOutputStream(),
                    StandardCharsets.UTF_8));
            // A bad line's problems in Chinese too when the caller asks for it, as in every other error response.
            new BatchEvaluator(s, config.batchThreads(), false, counted,
                    chinese(ctx) ? Locale.SIMPLIFIED_CHINESE : Locale.ROOT).run(in, out, (lines, nanos) -> { });
            out.flush();
            return null;
        });
    }

    private void replay(Context ctx) {
        guarded(ctx, s -> {
            byte[] body = body(ctx);
            if (body == null) {
                return null;
            }
            ExportDecision archived;
            try {
                archived = Records.read(new String(body, StandardCharsets.UTF_8));
            } catch (IOException | IllegalArgumentException e) {
                error(ctx, 400, "invalid-input", Msg.of("replay.notRecord"),
                        List.of(Issue.of("$", "replay.notRecord.problem")));
                return null;
            }
            if (archived.request() == null) {
                error(ctx, 400, "invalid-input", Msg.of("replay.noRequest"),
                        List.of(Issue.of("$.request", "replay.noRequest.problem")));
                return null;
            }
            Replay.Outcome o = Replay.replay(s, archived);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("changed", o.changed());
            m.putAll(o.report());
            m.put("decision", o.now());
            send(ctx, 200, m);
            return null;
        });
    }

    private void explain(Context ctx) {
        String lang = ctx.queryParamAsClass("lang", String.class).getOrDefault("en").toUpperCase(Locale.ROOT);
        Explainer.Lang l;
        try {
            l = Explainer.Lang.valueOf(lang);
        } catch (IllegalArgumentException e) {
            error(ctx, 400, "invalid-input", Msg.of("lang.invalid"), List.of(Issue.of("?lang", "lang.problem")));
            return;
        }
        guarded(ctx, s -> {
            byte[] body = body(ctx);
            if (body == null) {
                return null;
            }
            String json = new String(body, StandardCharsets.UTF_8);
            ExportDecision d;
            boolean isDecision;
            try {
                isDecision = Records.isDecision(json);
            } catch (IOException e) {
                isDecision = false; // the request reader names the JSON problem
            }
            if (isDecision) {
                try {
                    d = Records.read(json);
                } catch (IOException e) {
                    error(ctx, 400, "invalid-input", Msg.of("replay.notRecord"),
                            List.of(Issue.of("$", "replay.notRecord.problem")));
                    return null;
                }
            } else {
                // Explaining a request decides it without the ledger: an explanation reserves nothing.
                d = s.evaluate(RequestReader.read(body));
            }
            ctx.status(200);
            ctx.contentType("text/plain; charset=utf-8");
            // A lean record with its request is explained in full when this service runs its rule set.
            ctx.result(isDecision ? Explainer.explainRecord(d, s, l) : Explainer.explain(d, l));
            return null;
        }, false);
    }

    // ---------------------------------------------------------------- ledger

    private void ledgerCall(Context ctx, String operation, Function<ExportLedger, Object> call) {
        if (ledger == null) {
            error(ctx, 404, "ledger-not-configured", Msg.of("ledger.notConfigured"), List.of());
            return;
        }
        try {
            send(ctx, 200, call.apply(ledger));
        } catch (UnknownDecisionException e) {
            error(ctx, 404, "unknown-decision", Msg.of("ledger.unknownDecision", e.decisionId()), List.of());
        } catch (ReservationStateException e) {
            // English as the ledger words it; Chinese names the stored state and the operation refused.
            Object state = e.record() != null ? e.record().status() : "?";
            error(ctx, 409, "reservation-state", new Msg(e.getMessage(), ServerText.text(Locale.SIMPLIFIED_CHINESE,
                    "ledger.reservationState", e.getMessage(), state,
                    ServerText.text(Locale.SIMPLIFIED_CHINESE, "ledger.op." + operation))), List.of());
        } catch (LedgerException e) {
            LOG.warn("ledger call failed: {}", e.getClass().getName());
            error(ctx, 503, "ledger-failed", Msg.of("ledger.failed"), List.of());
        }
    }

    private void totals(Context ctx) {
        String code = ctx.pathParam("creditCode");
        Problem problem = CreditCode.check("creditCode", code);
        List<Issue> problems = new ArrayList<>();
        if (problem != null) {
            problems.add(Issue.of(problem));
        }
        int year = 0;
        try {
            year = Integer.parseInt(ctx.pathParam("year"));
            if (year < 1900 || year > 9999) {
                problems.add(Issue.of("year", "totals.year"));
            }
        } catch (NumberFormatException e) {
            problems.add(Issue.of("year", "totals.year"));
        }
        if (ledger != null && !problems.isEmpty()) {
            error(ctx, 400, "invalid-input", Msg.of("totals.invalid"), problems);
            return;
        }
        int y = year;
        ledgerCall(ctx, "totals", l -> l.totals(code, y));
    }

    // ---------------------------------------------------------------- admin

    private interface Action {
        void run() throws Exception;
    }

    private void admin(Context ctx, Action action) throws Exception {
        if (!config.adminEnabled()) {
            // Without a token the admin endpoints do not exist.
            error(ctx, 404, "not-found", Msg.of("admin.disabled"), List.of());
            return;
        }
        String auth = ctx.header("Authorization");
        String given = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).strip() : "";
        if (!tokenMatches(given, config.adminToken())) {
            ctx.header("WWW-Authenticate", "Bearer");
            error(ctx, 401, "unauthorized", Msg.of("admin.unauthorized"), List.of());
            return;
        }
        if (base.get() == null) {
            notLoaded(ctx);
            return;
        }
        action.run();
    }

    /** Constant time in the token's content and length: both sides are hashed first, then compared. */
    static boolean tokenMatches(String given, String expected) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] a = sha.digest(given.getBytes(StandardCharsets.UTF_8));
            byte[] b = MessageDigest.getInstance("SHA-256").digest(expected.getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(a, b) & !given.isEmpty();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Uploads.Loaded upload(Context ctx) throws IOException {
        byte[] zip = Uploads.read(ctx.req().getInputStream(), config.maxUploadBytes());
        if (zip == null) {
            error(ctx, 413, "too-large", Msg.of("upload.tooLarge", config.maxUploadBytes()), List.of());
            return null;
        }
        boolean bundled = !"false".equals(ctx.queryParam("bundledLists"));
        try {
            return Uploads.unpack(zip, config.workDir(), config.maxUploadBytes() * 4, bundled);
        } catch (IOException e) {
            error(ctx, 400, "invalid-input", Msg.of("upload.unusable", e.getMessage()),
                    List.of(new Issue("$", new Msg(e.getMessage(), ServerText.text(Locale.SIMPLIFIED_CHINESE,
                            "upload.unusable.problem", e.getMessage())))));
            return null;
        }
    }

    private void reload(Context ctx) throws IOException {
        Uploads.Loaded up = upload(ctx);
        if (up == null) {
            return;
        }
        List<Path> scenarios = new ArrayList<>(config.reloadScenarios());
        if (up.unpacked().scenarios() != null) {
            scenarios.add(up.unpacked().scenarios());
        }
        try {
            if (scenarios.isEmpty()) {
                // Fail closed: a candidate no scenario has checked never goes live.
                error(ctx, 422, "reload-refused", Msg.of("reload.noScenarios"), List.of());
                return;
            }
            ExportDecisionService.ReloadResult r = base.get().reload(up.builder(), scenarios);
            if (r.reloaded()) {
                metrics.ruleset(r.serving());
                LOG.info("admin reload: rule set {} ({}) now serving", r.serving().version(), r.serving().digest());
            } else {
                LOG.warn("admin reload refused: {} problems", r.errors().size());
            }
            if (!r.reloaded() && chinese(ctx)) {
                // The same shape, with each error's Chinese wording beside it (errorsZh, in the same order).
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("reloaded", false);
                m.put("errors", r.errors());
                m.put("errorsZh", r.errors().stream().map(ServerText::ruleProblemZh).toList());
                m.put("serving", r.serving());
                send(ctx, 422, m);
            } else {
                send(ctx, r.reloaded() ? 200 : 422, r);
            }
        } finally {
            Uploads.delete(up.unpacked().root());
        }
    }

    private void uploadCandidate(Context ctx) throws IOException {
        Uploads.Loaded up = upload(ctx);
        if (up == null) {
            return;
        }
        ExportDecisionService s;
        try {
            // A candidate answers only an admin's trial decisions (never the live endpoints, never the ledger):
            // it is what is being checked, so it is built without the scenario gate that /v1/admin/reload keeps.
            s = up.builder().allowUnvalidatedRules().build();
            // Its three FTZ rule bases too: one that cannot be built refuses the candidate here (422), as a reload.
            s.ruleSet().buildAll();
        } catch (RuleSetException e) {
            Uploads.delete(up.unpacked().root());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("error", "rules-failed");
            Msg msg = Msg.of("candidate.rulesFailed");
            m.put("message", msg.en());
            boolean zh = chinese(ctx);
            if (zh) {
                m.put("messageZh", msg.zh());
            }
            m.put("problems", e.asProblems().stream().map(p -> problemJson(Issue.of(p), zh)).toList());
            send(ctx, 422, m);
            return;
        }
        Candidate old = candidate.getAndSet(new Candidate(s, up.unpacked().root()));
        if (old != null) {
            Uploads.delete(old.dir());
        }
        send(ctx, 200, Map.of("candidate", s.ruleset(), "serving", base.get().ruleset()));
    }

    private void dropCandidate(Context ctx) {
        Candidate old = candidate.getAndSet(null);
        if (old != null) {
            Uploads.delete(old.dir());
        }
        send(ctx, 200, Map.of("dropped", old != null));
    }

    private void candidateDecision(Context ctx) throws Exception {
        Candidate c = candidate.get();
        if (c == null) {
            error(ctx, 404, "no-candidate", Msg.of("candidate.none"), List.of());
            return;
        }
        guarded(ctx, s -> {
            byte[] body = body(ctx);
            if (body == null) {
                return null;
            }
            // Both without the ledger: a trial decides with the totals the request carries and reserves nothing.
            var request = RequestReader.read(body);
            ExportDecision now = s.evaluate(request);
            ExportDecision trial = c.service().evaluate(request);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("changes", Replay.differences(now, trial));
            m.put("serving", now);
            m.put("candidate", trial);
            send(ctx, 200, m);
            return null;
        }, false);
    }

    // ---------------------------------------------------------------- plumbing

    private interface Work {
        Object apply(ExportDecisionService service) throws Exception;
    }

    private void withService(Context ctx, Work work) throws Exception {
        ExportDecisionService s = base.get();
        if (s == null) {
            notLoaded(ctx);
            return;
        }
        work.apply(ledger != null ? s.withLedger(ledger) : s);
    }

    private void guarded(Context ctx, Work work) {
        guarded(ctx, work, true);
    }

    /**
     * Runs decision work under the limits: 503 while stopping or before the rules are loaded, 429 beyond the
     * concurrency limit; the library's errors mapped to the CLI's error shape.
     */
    private void guarded(Context ctx, Work work, boolean viaLedger) {
        if (!drain.enter()) {
            ctx.header("Retry-After", "5");
            error(ctx, 503, "stopping", Msg.of("stopping"), List.of());
            return;
        }
        try {
            ExportDecisionService s = base.get();
            if (s == null) {
                notLoaded(ctx);
                return;
            }
            if (!permits.tryAcquire()) {
                metrics.rejected();
                ctx.header("Retry-After", "1");
                error(ctx, 429, "too-many-requests", Msg.of("tooManyRequests", config.maxConcurrent()), List.of());
                return;
            }
            try {
                inFlightHook.run();
                work.apply(viaLedger && ledger != null ? s.withLedger(ledger) : s);
            } catch (InvalidRequestException e) {
                metrics.invalid();
                error(ctx, 400, "invalid-input", Msg.of("invalidInput"), ServerText.issues(e.problems()));
            } catch (EvaluationException e) {
                String id = correlationId();
                LOG.error("evaluation failed [{}]: {}", id, e.getClass().getName());
                error(ctx, 500, "failure", Msg.of("evaluation.failed"), List.of(), id);
            } catch (UnknownDecisionException e) {
                error(ctx, 404, "unknown-decision", Msg.of("ledger.unknownDecision", e.decisionId()), List.of());
            } catch (LedgerException e) {
                String id = correlationId();
                LOG.error("ledger failed [{}]: {}", id, e.getClass().getName());
                error(ctx, 503, "ledger-failed", Msg.of("ledger.unavailable"), List.of(), id);
            } catch (Exception e) {
                internalError(ctx, e);
            } finally {
                permits.release();
            }
        } finally {
            drain.exit();
        }
    }

    /** The body, or null after answering 413 when it exceeds the limit. */
    private byte[] body(Context ctx) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > config.maxRequestBytes()) {
            error(ctx, 413, "too-large", Msg.of("request.tooLarge", config.maxRequestBytes()),
                    List.of(Issue.of("$", "request.tooLarge.problem", config.maxRequestBytes())));
            return null;
        }
        byte[] body = ctx.req().getInputStream().readNBytes(config.maxRequestBytes() + 1);
        if (body.length > config.maxRequestBytes()) {
            error(ctx, 413, "too-large", Msg.of("request.tooLarge", config.maxRequestBytes()),
                    List.of(Issue.of("$", "request.tooLarge.problem", config.maxRequestBytes())));
            return null;
        }
        return body;
    }

    private void notLoaded(Context ctx) {
        ctx.header("Retry-After", "5");
        List<Issue> problems = ServerText.issues(loadProblems.get());
        error(ctx, 503, "rules-not-loaded", Msg.of(problems.isEmpty() ? "rules.loading" : "rules.failed"), problems);
    }

    private void internalError(Context ctx, Exception e) {
        String id = correlationId();
        // The type and where it was thrown, never the message: messages may quote the request.
        StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
        LOG.error("internal error [{}] on {} {}: {} at {}", id, ctx.method(), ctx.path(), e.getClass().getName(), at);
        error(ctx, 500, "internal-error", Msg.of("internal"), List.of(), id);
    }

    private static String correlationId() {
        return UUID.randomUUID().toString();
    }

    static void send(Context ctx, int status, Object body) {
        ctx.status(status);
        ctx.contentType(JSON);
        ctx.result(DecisionJson.toJson(body, false));
    }

    static void error(Context ctx, int status, String kind, Msg message, List<Issue> problems) {
        error(ctx, status, kind, message, problems, null);
    }

    /**
     * The error shape: {@code error} (a code for machines), {@code message} in English, and for a caller who asked
     * for Chinese ({@link #chinese}) {@code messageZh} beside it; each problem likewise has its path, its English
     * {@code message} and, for Chinese, its {@code messageZh}. English stays so existing clients keep working.
     */
    static void error(Context ctx, int status, String kind, Msg message, List<Issue> problems,
                      String correlationId) {
        boolean zh = chinese(ctx);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", kind);
        m.put("message", message.en());
        if (zh) {
            m.put("messageZh", message.zh());
        }
        if (!problems.isEmpty()) {
            m.put("problems", problems.stream().map(p -> problemJson(p, zh)).toList());
        }
        if (correlationId != null) {
            m.put("correlationId", correlationId);
            ctx.header("X-Correlation-Id", correlationId);
        }
        send(ctx, status, m);
    }

    /**
     * Whether the caller asked for Chinese: {@code ?lang=zh…}, else an {@code Accept-Language} whose most preferred
     * language is Chinese (zh, zh-CN, zh-Hans…); a ?lang other than en or zh is ignored here. Only the language of
     * texts changes; codes, paths and English stay.
     */
    static boolean chinese(Context ctx) {
        String lang = ctx.queryParam("lang");
        String l = lang == null ? "" : lang.toLowerCase(Locale.ROOT);
        if (l.startsWith("zh") || l.startsWith("en")) {
            return l.startsWith("zh");
        }
        // No ?lang, or one the service does not speak (its 400 is then worded by Accept-Language).
        String accept = ctx.header("Accept-Language");
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            // parse() orders the ranges by weight, most preferred first.
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(accept);
            return !ranges.isEmpty() && ranges.get(0).getWeight() > 0
                    && ranges.get(0).getRange().toLowerCase(Locale.ROOT).startsWith("zh");
        } catch (IllegalArgumentException e) {
            return false; // a malformed header is no request for Chinese
        }
    }

    /** A problem as written: the path and English message as they are, and messageZh beside for a Chinese caller. */
    private static Map<String, String> problemJson(Issue p, boolean zh) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("path", p.path());
        m.put("message", p.msg().en());
        if (zh) {
            m.put("messageZh", p.msg().zh());
        }
        return m;
    }

    /** An input stream that fails once more than {@code max} bytes are read: the batch size limit. */
    private static final class Capped extends FilterInputStream {
        private final long max;
        private long read;

        Capped(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++read > max) {
                throw new IOException("batch larger than " + max + " bytes");
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0 && (read += n) > max) {
                throw new IOException("batch larger than " + max + " bytes");
            }
            return n;
        }
    }

    /** Counts work in flight; once draining, refuses new work and lets {@link #await} wait for the rest. */
    private static final class Drain {
        private int inFlight;
        private boolean draining;

        synchronized boolean enter() {
            if (draining) {
                return false;
            }
            inFlight++;
            return true;
        }

        synchronized void exit() {
            if (--inFlight == 0) {
                notifyAll();
            }
        }

        synchronized boolean draining() {
            return draining;
        }

        synchronized void begin() {
            draining = true;
        }

        synchronized boolean await(Duration grace) {
            long deadline = System.nanoTime() + grace.toNanos();
            while (inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }
}
