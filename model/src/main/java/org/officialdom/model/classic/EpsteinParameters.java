package org.officialdom.model.classic;

import org.officialdom.model.parameter.Param;
import org.officialdom.model.parameter.ParameterProblem;

/**
 * Parameters of Epstein's civil violence model (Model I). Defaults are the paper's Run 1 with the
 * paper's rules; every known departure of well-known reimplementations (NetLogo's Rebellion,
 * Mesa's example) is a named switch, so that each variant can be run and compared.
 */
public record EpsteinParameters(
        @Param(value = "Width of the torus.", unit = "cells", min = 3, max = 100_000)
        int width,
        @Param(value = "Height of the torus.", unit = "cells", min = 3, max = 100_000)
        int height,
        @Param(value = "Initial citizen density: citizens per cell.", unit = "share of cells", min = 0, max = 1)
        double citizenDensity,
        @Param(value = "Cop density: cops per cell.", unit = "share of cells", min = 0, max = 1, lever = true)
        double copDensity,
        @Param(value = "Citizens' vision radius v.", unit = "cells", min = 0, max = 50, lever = true)
        double citizenVision,
        @Param(value = "Cops' vision radius v*.", unit = "cells", min = 0, max = 50, lever = true)
        double copVision,
        @Param(value = "Legitimacy L of the central authority (global; the calendar may change it).", unit = "share", min = 0, max = 1, lever = true)
        double legitimacy,
        @Param(value = "Activation threshold T: active iff G - N > T.", min = 0, max = 1)
        double threshold,
        @Param(value = "Constant k in the estimated arrest probability P = 1 - exp(-k (C/A)).", min = 0)
        double arrestConstant,
        @Param(value = "Maximum jail term J_max.", unit = "periods", min = 0, lever = true)
        double maxJailTerm,
        @Param("Jailed citizens are never released (the paper's J_max = infinity, runs 3 to 5).")
        boolean jailForLife,
        @Param("Whether citizens and cops move to a random empty site within their vision each period.")
        boolean movement,
        @Param("Ratio C/A in P: literal (the paper), floor (NetLogo Rebellion) or round_half_even (Mesa's example).")
        Ratio ratio,
        @Param("How the citizen counts itself in A: once (the paper, Mesa: A = 1 + active neighbours) or twice_if_active (NetLogo: once more when already active).")
        SelfCount selfCount,
        @Param("Shape of vision: euclidean (the paper's radius, NetLogo's disc: sites whose centres lie within it; 1.7 gives the 8 Moore neighbours, 7 gives 148 besides one's own site), euclidean_any_part (MASON's radial neighbourhood: sites any part of which lies within it; 20 at 1.7, 184 at 7), von_neumann (Mesa's diamond) or moore (a square).")
        Vision vision,
        @Param("Order within an activation: move_then_act (the paper, NetLogo) or act_then_move (Mesa).")
        Order order,
        @Param("Jail term distribution: uniform (the paper: U(0, J_max)), below_max (NetLogo: integer 0..J_max-1) or up_to_max (Mesa: integer 0..J_max).")
        JailTerm jailTerm,
        @Param("Where jailed citizens are: off_lattice (the paper: removed, released onto a random empty site), on_site_empty (NetLogo: keep their site, which counts as empty; back to it on release if still empty) or blocking (Mesa: stay, blocking the cell).")
        Jailed jailed,
        @Param(value = "Active citizens above which an outburst is counted.", unit = "citizens", min = 0)
        int outburstLevel) {

    public static final EpsteinParameters DEFAULTS = new EpsteinParameters(
            40, 40, 0.7, 0.04, 1.7, 1.7, 0.89, 0.1, 2.3, 15, false, false,
            Ratio.LITERAL, SelfCount.ONCE, Vision.EUCLIDEAN, Order.MOVE_THEN_ACT, JailTerm.UNIFORM,
            Jailed.OFF_LATTICE, 50);

    /** Ratio C/A as it enters the arrest probability. */
    public enum Ratio { LITERAL, FLOOR, ROUND_HALF_EVEN }

    /** How a citizen counts itself among the actives in its vision. */
    public enum SelfCount { ONCE, TWICE_IF_ACTIVE }

    /** Which cells are within vision. */
    public enum Vision { EUCLIDEAN, EUCLIDEAN_ANY_PART, VON_NEUMANN, MOORE }

    /** Whether an agent moves before or after it acts. */
    public enum Order { MOVE_THEN_ACT, ACT_THEN_MOVE }

    /** How jail terms are drawn. */
    public enum JailTerm { UNIFORM, BELOW_MAX, UP_TO_MAX }

    /** Where jailed citizens stay. */
    public enum Jailed { OFF_LATTICE, ON_SITE_EMPTY, BLOCKING }

    public EpsteinParameters {
        if (citizenDensity + copDensity > 1) {
            throw new ParameterProblem("cop_density", "at most 1 - citizen_density: citizens and cops together at most one per cell",
                    copDensity + " with citizen_density " + citizenDensity);
        }
        int reach = 2 * Epstein.reach(Math.max(citizenVision, copVision), vision) + 1;
        if (width < reach || height < reach) {
            throw new ParameterProblem(width < reach ? "width" : "height", "at least " + reach
                    + " cells for vision " + Math.max(citizenVision, copVision), width + " x " + height);
        }
    }

    /** Number of citizens created. */
    public int citizens() {
        return (int) Math.round(citizenDensity * width * height);
    }

    /** Number of cops created. */
    public int cops() {
        return (int) Math.round(copDensity * width * height);
    }
}
