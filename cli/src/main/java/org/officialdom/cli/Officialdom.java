package org.officialdom.cli;

import java.io.PrintWriter;
import org.officialdom.lab.Version;
import org.officialdom.model.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code officialdom} command. Exit codes: 0 success, 1 a failure of the program, 2 bad input
 * (a bad option, a bad scenario file), with one clear message and no stack trace.
 */
@Command(name = "officialdom",
        mixinStandardHelpOptions = true,
        versionProvider = Officialdom.VersionInfo.class,
        description = "Simulates bureaucracies that wear their own people out.",
        subcommands = {RunCommand.class, ExperimentCommand.class, CompareCommand.class, LeversCommand.class, CalibrateCommand.class, ExplainCommand.class,
                ExportCommand.class, ReportCommand.class, BiographyCommand.class, ScenariosCommand.class,
                SchemaCommand.class, BenchCommand.class, ServeCommand.class, CommandLine.HelpCommand.class})
public final class Officialdom {

    public static final int BAD_INPUT = 2;
    public static final int FAILURE = 1;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (tests call this). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Officialdom());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> report(ex, cmd.getErr()));
        cl.setParameterExceptionHandler((ex, args1) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("officialdom: " + ex.getMessage());
            // picocli's own suggestions for a misspelt option or subcommand ("Did you mean: ...")
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            err.flush();
            return BAD_INPUT;
        });
        return cl.execute(args);
    }

    static int report(Exception ex, PrintWriter err) {
        if (ex instanceof ScenarioException se) {
            err.println("officialdom: " + se.getMessage());
            err.flush();
            return BAD_INPUT;
        }
        if (ex instanceof org.officialdom.engine.Checkpoint.Refused cr) {
            err.println("officialdom: --resume: " + cr.getMessage());
            err.flush();
            return BAD_INPUT;
        }
        if (ex instanceof BadInput bi) {
            err.println("officialdom: " + bi.getMessage());
            err.flush();
            return BAD_INPUT;
        }
        if (ex instanceof org.officialdom.lab.store.ResultStore.StoreException se) {
            err.println("officialdom: " + se.getMessage());
            err.flush();
            return FAILURE;
        }
        err.println("officialdom: failed: " + ex);
        if (System.getenv("OFFICIALDOM_DEBUG") != null) {
            ex.printStackTrace(err);
        } else {
            err.println("(set OFFICIALDOM_DEBUG=1 for the stack trace)");
        }
        err.flush();
        return FAILURE;
    }

    /** Input a person gave that cannot be used: exit 2 with the message. */
    static final class BadInput extends RuntimeException {
        BadInput(String message) {
            super(message);
        }
    }

    static final class VersionInfo implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"officialdom " + Version.get(), "Java " + System.getProperty("java.version")};
        }
    }
}
