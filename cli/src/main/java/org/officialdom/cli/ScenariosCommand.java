package org.officialdom.cli;

import java.util.concurrent.Callable;
import org.officialdom.model.scenario.BuiltInScenarios;
import org.officialdom.model.scenario.Scenario;
import org.officialdom.model.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "scenarios", mixinStandardHelpOptions = true, description = "Lists the built-in scenarios.")
final class ScenariosCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        for (String name : BuiltInScenarios.names()) {
            Scenario sc = ScenarioLoader.builtIn(name);
            out.printf("%-22s %-12s %s%n", name, sc.kind().name(), sc.title());
        }
        out.flush();
        return 0;
    }
}
