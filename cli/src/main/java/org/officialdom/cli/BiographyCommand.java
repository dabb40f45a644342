package org.officialdom.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.officialdom.engine.EventLog;
import org.officialdom.model.bureaucracy.Biography;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "biography", mixinStandardHelpOptions = true,
        description = "Prints the career of a tracked official of a finished run, event by event.")
final class BiographyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "Folder of a finished run (holds events.csv).")
    Path run;

    @Option(names = "--official", paramLabel = "ID", description = "Id of the official (without it: the tracked ids).")
    Integer official;

    @Override
    public Integer call() throws IOException {
        Path file = run.resolve("events.csv");
        if (!Files.exists(file)) {
            throw new Officialdom.BadInput("expected a run folder with events.csv, found none in " + run);
        }
        List<EventLog.Event> events = read(file);
        var w = spec.commandLine().getOut();
        if (official == null) {
            TreeSet<Integer> ids = new TreeSet<>();
            events.forEach(e -> ids.add(e.agent()));
            w.println("Tracked officials (" + ids.size() + "): " + ids);
            w.println("Run 'officialdom biography " + run + " --official ID' for one of them.");
            w.flush();
            return 0;
        }
        YearMonth start = startOf(run.resolve("scenario.yaml"));
        List<EventLog.Event> mine = events.stream().filter(e -> e.agent() == official).toList();
        Biography.tell(official, mine, step -> start == null ? "step " + step : start.plusMonths(step).toString()).forEach(w::println);
        w.flush();
        return mine.isEmpty() ? Officialdom.BAD_INPUT : 0;
    }

    /**
     * The scenario's first month, read from the run's scenario.yaml line {@code start: YYYY-MM} (the
     * file is not validated again: a run cut short by --steps may list calendar dates past its end).
     */
    static YearMonth startOf(Path scenario) throws IOException {
        if (!Files.exists(scenario)) {
            return null;
        }
        for (String line : Files.readAllLines(scenario)) {
            Matcher m = START.matcher(line);
            if (m.matches()) {
                return YearMonth.parse(m.group(1));
            }
        }
        return null;
    }

    private static final Pattern START = Pattern.compile("^start:\\s*\"?([0-9]{4}-[0-9]{2})\"?\\s*(#.*)?$");

    /** Reads {@code step,agent,kind,"detail"} rows (details quoted, quotes doubled). */
    static List<EventLog.Event> read(Path file) throws IOException {
        List<EventLog.Event> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] head = line.split(",", 4);
            String detail = head.length > 3 ? head[3] : "";
            if (detail.startsWith("\"") && detail.endsWith("\"") && detail.length() >= 2) {
                detail = detail.substring(1, detail.length() - 1).replace("\"\"", "\"");
            }
            out.add(new EventLog.Event(Long.parseLong(head[0]), Integer.parseInt(head[1]), head[2], detail));
        }
        return out;
    }
}
