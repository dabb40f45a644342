package org.officialdom.cli;

import java.util.concurrent.Callable;
import org.officialdom.model.Models;
import org.officialdom.model.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.json.JsonMapper;

@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Prints the JSON Schema of scenario files for a model (for editors and validators).")
final class SchemaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "Model name, as in a scenario's 'model' field.")
    String model;

    @Override
    public Integer call() {
        var kind = Models.byName(model).orElseThrow(() -> new Officialdom.BadInput(
                "MODEL: expected one of " + Models.all().stream().map(k -> k.name()).toList() + ", found '" + model + "'"));
        var out = spec.commandLine().getOut();
        out.println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
                .writeValueAsString(ScenarioLoader.scenarioSchema(kind)));
        out.flush();
        return 0;
    }
}
