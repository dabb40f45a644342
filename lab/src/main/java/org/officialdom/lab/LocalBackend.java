package org.officialdom.lab;

import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs specs on this machine: {@code workers} runs at a time, each on {@code threadsPerRun} engine
 * threads. Outcomes reach the sink on the caller's thread as runs finish.
 */
public final class LocalBackend implements Backend {

    private final int workers;
    private final int threadsPerRun;
    private final ExecutorService pool;

    public LocalBackend(int workers, int threadsPerRun) {
        if (workers < 1 || threadsPerRun < 1) {
            throw new IllegalArgumentException("workers and threads per run must be at least 1");
        }
        this.workers = workers;
        this.threadsPerRun = threadsPerRun;
        this.pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "officialdom-run");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void run(List<RunSpec> specs, Consumer<RunOutcome> sink) {
        CompletionService<RunOutcome> done = new ExecutorCompletionService<>(pool);
        List<Future<RunOutcome>> futures = specs.stream()
                .map(s -> done.submit(() -> RunTask.execute(s, threadsPerRun))).toList();
        try {
            for (int i = 0; i < specs.size(); i++) {
                sink.accept(done.take().get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            futures.forEach(f -> f.cancel(true));
        }
    }

    @Override
    public int parallelism() {
        return workers;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
