package org.officialdom.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.officialdom.model.bureaucracy.Bureaucracy;
import org.officialdom.model.bureaucracy.BureaucracyParameters;
import org.officialdom.model.classic.Granovetter;
import org.officialdom.model.classic.Epstein;
import org.officialdom.model.classic.EpsteinParameters;
import org.officialdom.model.classic.GranovetterParameters;
import org.officialdom.model.classic.Kuran;
import org.officialdom.model.classic.KuranParameters;

/** Every model kind a scenario can name. */
public final class Models {

    private static final Map<String, ModelKind<?>> KINDS = new LinkedHashMap<>();

    static {
        register(new ModelKind<>("granovetter",
                "Granovetter's threshold model of collective behaviour (1978)",
                GranovetterParameters.class, Granovetter::new, (m, p) -> ((Granovetter) m).setParameters(p),
                Granovetter::footprint));
        register(new ModelKind<>("bureaucracy",
                "The bureaucracy model: officials, careers, the gift circle, pressures, EVLN, exits and party-exit cascades",
                BureaucracyParameters.class, Bureaucracy::new, (m, p) -> ((Bureaucracy) m).setParameters(p),
                Bureaucracy::footprint));
        register(new ModelKind<>("kuran",
                "Kuran's preference-falsification cascades (1989, 1991)",
                KuranParameters.class, Kuran::new, (m, p) -> ((Kuran) m).setParameters(p),
                Kuran::footprint));
        register(new ModelKind<>("epstein",
                "Epstein's civil violence model I (2002)",
                EpsteinParameters.class, Epstein::new, (m, p) -> ((Epstein) m).setParameters(p),
                Epstein::footprint));
    }

    private Models() {
    }

    private static void register(ModelKind<?> kind) {
        KINDS.put(kind.name(), kind);
    }

    public static List<ModelKind<?>> all() {
        return List.copyOf(KINDS.values());
    }

    public static Optional<ModelKind<?>> byName(String name) {
        return Optional.ofNullable(KINDS.get(name));
    }
}
