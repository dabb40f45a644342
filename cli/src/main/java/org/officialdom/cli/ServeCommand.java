package org.officialdom.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.officialdom.web.Limits;
import org.officialdom.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Starts the page to watch and steer runs in a browser, on this machine only unless --host says otherwise.")
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port = 7070;

    @Option(names = "--host", paramLabel = "H", description = "Address to bind (default: ${DEFAULT-VALUE}, this machine only).")
    String host = WebServer.DEFAULT_HOST;

    @Option(names = "--allow-origin", paramLabel = "URL",
            description = "With --host: a page address allowed to drive the server, like http://lab.example:7070 (repeatable).")
    java.util.List<String> allowOrigins = new java.util.ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for saved runs and the result store (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("out");

    @Option(names = "--max-size", paramLabel = "N", description = "Largest population of a run (default: ${DEFAULT-VALUE}).")
    long maxSize = Limits.DEFAULTS.maxSize();

    @Option(names = "--max-runs", paramLabel = "N", description = "Runs open at the same time (default: ${DEFAULT-VALUE}).")
    int maxRuns = Limits.DEFAULTS.maxRuns();

    @Option(names = "--max-steps", paramLabel = "N", description = "Longest run in steps (default: ${DEFAULT-VALUE}).")
    int maxSteps = Limits.DEFAULTS.maxSteps();

    @Option(names = "--max-explain-runs", paramLabel = "N",
            description = "Most runs one explanation started from the page may make (default: ${DEFAULT-VALUE}); one at a time.")
    int maxExplainRuns = Limits.DEFAULTS.maxExplainRuns();

    /** Tests set this to false to get the server back instead of waiting for Ctrl-C. */
    boolean block = true;
    WebServer started;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new Officialdom.BadInput("--port: expected a port from 0 to 65535, found " + port);
        }
        if (maxSize < 1 || maxRuns < 1 || maxSteps < 1 || maxExplainRuns < 1) {
            throw new Officialdom.BadInput("--max-size, --max-runs, --max-steps, --max-explain-runs: expected numbers of at least 1");
        }
        for (String o : allowOrigins) {
            if (!o.matches("https?://[A-Za-z0-9.\\[\\]:-]+(:[0-9]{1,5})?/?")) {
                throw new Officialdom.BadInput("--allow-origin: expected a page address like http://lab.example:7070, found " + o);
            }
        }
        var err = spec.commandLine().getErr();
        if (!WebServer.isLoopback(host)) {
            err.println("officialdom: warning: binding " + host + " lets other machines start runs on this one;"
                    + " the page has no login. Use the default (" + WebServer.DEFAULT_HOST + ") unless you mean it."
                    + " Browsers may drive it only from http://" + host + ":PORT and the pages given with --allow-origin.");
            err.flush();
        }
        try {
            started = WebServer.start(host, port, out, new Limits(maxSize, maxRuns, maxSteps, Limits.DEFAULTS.maxWatchers(), maxExplainRuns),
                    allowOrigins);
        } catch (RuntimeException e) {
            throw new Officialdom.BadInput("--host/--port: cannot listen on " + host + ":" + port + " ("
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()) + ")");
        }
        var w = spec.commandLine().getOut();
        w.println("Officialdom is at " + started.uri() + " (open it in a browser; Ctrl-C stops the server)");
        w.println("Saved runs go to " + out.toAbsolutePath().normalize() + "/ and its results.duckdb");
        w.flush();
        if (block) {
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                stopped.countDown();
            }));
            stopped.await();
        }
        return 0;
    }
}
