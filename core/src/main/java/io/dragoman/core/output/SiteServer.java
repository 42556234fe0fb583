package io.dragoman.core.output;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.dragoman.core.store.RunStore;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves a run directory's reader site on the loopback address (127.0.0.1 only) with the JDK's HTTP server, and
 * renders it again when the store has changed ({@link #refreshIfChanged}), so a browser shows the articles a running
 * batch commits. Only files inside the site folder are served; every answer carries the site's Content-Security-Policy.
 */
public final class SiteServer implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png");
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " base-uri 'none'; form-action 'none'; object-src 'none'; frame-ancestors 'none'";

    private final Path runDir;
    private final Path site;
    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(4);
    private List<Object> seen = List.of(); // the store files' sizes and times at the last render

    /**
     * Renders the site once and starts serving it.
     *
     * @param port the port, 0 for any free one
     * @throws IOException when the port cannot be bound (taken, or not allowed)
     */
    public SiteServer(Path runDir, int port) throws IOException {
        this.runDir = Objects.requireNonNull(runDir, "runDir");
        this.site = runDir.resolve("site").toAbsolutePath().normalize();
        refreshIfChanged();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", this::handle);
        server.setExecutor(workers);
        server.start();
    }

    /** The port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The address of the index. */
    public URI address() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    /**
     * Renders the site again when the store's files changed since the last render (a run committed articles).
     *
     * @return true when it rendered
     */
    public synchronized boolean refreshIfChanged() {
        List<Object> now = stamp();
        if (now.equals(seen)) {
            return false;
        }
        try (RunStore store = RunStore.open(runDir.resolve("dragoman.db"))) {
            new SiteWriter(site).write(store);
        }
        seen = stamp(); // opening the store may itself touch its files
        return true;
    }

    private List<Object> stamp() {
        return List.of(fileStamp(runDir.resolve("dragoman.db")), fileStamp(runDir.resolve("dragoman.db-wal")));
    }

    private static String fileStamp(Path file) {
        try {
            FileTime time = Files.getLastModifiedTime(file);
            return Files.size(file) + "@" + time.toMillis();
        } catch (IOException e) {
            return "none";
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(exchange, 405, "text/plain; charset=utf-8", "Only GET and HEAD.".getBytes());
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/")) {
                path = path + "index.html";
            }
            Path file = site.resolve(path.substring(1)).normalize();
            String name = file.getFileName() == null ? "" : file.getFileName().toString();
            String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
            if (!file.startsWith(site) || type == null || !Files.isRegularFile(file)) {
                send(exchange, 404, "text/plain; charset=utf-8", "Not found.".getBytes());
                return;
            }
            byte[] body;
            try {
                body = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                send(exchange, 404, "text/plain; charset=utf-8", "Not found.".getBytes());
                return;
            }
            send(exchange, 200, type, method.equals("HEAD") ? null : body);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Content-Security-Policy", CSP);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        exchange.sendResponseHeaders(status, body == null ? -1 : body.length == 0 ? -1 : body.length);
        if (body != null && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Stops serving; waits for a render in progress to end, so no half-written site is left. */
    @Override
    public synchronized void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
