package org.officialdom.model.bureaucracy;

import org.officialdom.model.parameter.Param;
import org.officialdom.model.parameter.ParameterProblem;
import org.officialdom.model.parameter.ParameterPaths;

/**
 * All parameters of the bureaucracy model, one record per mechanism. In a scenario file each group
 * is a mapping ({@code study: {study_hours: 6}}) and the calendar changes them by dotted path
 * ({@code study.study_hours: 6}).
 */
public record BureaucracyParameters(
        @Param(value = "Months per step (1: monthly; 12: yearly, as in Pluchino et al.).", unit = "months", min = 1, max = 120)
        int monthsPerStep,
        @Param(value = "Track every k-th official by id for biographies (0: none).", unit = "officials", min = 0)
        int trackEvery,
        @Param(value = "Months run before the start with the starting levers and not recorded, so that a run starts from the model's own steady state (0: from the drawn population).", unit = "months", min = 0, max = 1200)
        int spinUpMonths,
        @Param("The organisation's shape.") Organisation.Parameters organisation,
        @Param("Recruitment and the traits of entrants (mechanism 12).") Recruitment.Parameters recruitment,
        @Param("Political study (mechanism 1).") PoliticalStudy.Parameters study,
        @Param("Surveillance and the security regime (mechanism 2).") Surveillance.Parameters surveillance,
        @Param("Pay (mechanism 3).") Pay.Parameters pay,
        @Param("Tasks and quotas (mechanism 4).") Quotas.Parameters quotas,
        @Param("The gift circle (mechanism 5).") Circle.Parameters circle,
        @Param("The promotion tournament (mechanism 6).") Tournament.Parameters tournament,
        @Param("Anti-corruption enforcement (mechanism 7).") Investigation.Parameters investigation,
        @Param("Voice and retaliation (mechanism 8).") Voice.Parameters voice,
        @Param("Morale and stress (mechanism 9).") Morale.Parameters morale,
        @Param("The EVLN choice (mechanism 10).") EvlnChoice.Parameters evln,
        @Param("Exit routes (mechanism 11).") Exits.Parameters exits,
        @Param("Careers and transfers (mechanism 13).") Careers.Parameters careers,
        @Param("Preference falsification and public party exit (mechanism 14).") PartyExit.Parameters partyExit,
        @Param("Public-service output (mechanism 15).") ServiceOutput.Parameters output) {

    public static final BureaucracyParameters DEFAULTS = new BureaucracyParameters(1, 500, 360,
            Organisation.Parameters.DEFAULTS, Recruitment.Parameters.DEFAULTS, PoliticalStudy.Parameters.DEFAULTS,
            Surveillance.Parameters.DEFAULTS, Pay.Parameters.DEFAULTS, Quotas.Parameters.DEFAULTS,
            Circle.Parameters.DEFAULTS, Tournament.Parameters.DEFAULTS, Investigation.Parameters.DEFAULTS,
            Voice.Parameters.DEFAULTS, Morale.Parameters.DEFAULTS, EvlnChoice.Parameters.DEFAULTS,
            Exits.Parameters.DEFAULTS, Careers.Parameters.DEFAULTS, PartyExit.Parameters.DEFAULTS,
            ServiceOutput.Parameters.DEFAULTS);

    public BureaucracyParameters {
        int ranks = organisation.customPosts().isEmpty() ? Rank.values().length : organisation.customPosts().size();
        if (!tournament.responsibility().isEmpty() && tournament.responsibility().size() != ranks) {
            throw new ParameterProblem("tournament.responsibility", "no weights or one per rank (" + ranks + ")",
                    "a list of " + tournament.responsibility().size());
        }
    }

    /** Copy with the parameter at a dotted path set: {@code p.with("evln.reconsider", 0)} ({@link ParameterPaths#with}). */
    public BureaucracyParameters with(String path, Object value) {
        return ParameterPaths.with(this, path, value);
    }

    public BureaucracyParameters withTiming(int months, int track) {
        return new BureaucracyParameters(months, track, spinUpMonths, organisation, recruitment, study, surveillance, pay, quotas,
                circle, tournament, investigation, voice, morale, evln, exits, careers, partyExit, output);
    }
}
