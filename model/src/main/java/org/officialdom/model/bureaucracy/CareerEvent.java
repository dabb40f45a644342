package org.officialdom.model.bureaucracy;

import java.util.Locale;

/**
 * What happens to a tracked official, as data: the passes record these, and {@link #detail} tells
 * each as a clause of the official's biography ({@link Biography.Narrator}), when the log is read.
 * Units and ranks are kept as numbers and named only when told.
 */
sealed interface CareerEvent {

    /** The event's kind, a column of {@code events.csv}: "entry", "promotion", "exit"... */
    String kind();

    /** The clause that tells it ("promoted to division level in county government bureau no. 812, on merit"). */
    String detail(Organisation org);

    /** At the start of the run. */
    record Started(int rank, int unit, int ageYears, int serviceYears, boolean member, boolean inCircle) implements CareerEvent {
        public String kind() {
            return "start";
        }

        public String detail(Organisation org) {
            return "serving as " + Rank.label(rank, org.ranks()) + " in " + org.describe(unit) + ", age " + ageYears + ", "
                    + serviceYears + " years of service, " + (member ? "party member" : "not a party member")
                    + (inCircle ? ", already in the gift circle" : "");
        }
    }

    /** Hired through the exam (mechanism 12). */
    record Entered(int unit, double percentile, double applicantsPerPost, int ageYears, boolean member) implements CareerEvent {
        public String kind() {
            return "entry";
        }

        public String detail(Organisation org) {
            return "passed the civil-service exam (percentile " + String.format(Locale.ROOT, "%.1f", 100 * percentile) + " of "
                    + String.format(Locale.ROOT, "%.0f", applicantsPerPost) + " applicants per post) and entered " + org.describe(unit) + " as "
                    + Rank.label(0, org.ranks()) + " at age " + ageYears + (member ? ", a party member" : "");
        }
    }

    /** The gift circle (mechanism 5): left it, gave gifts and entered it, or refused an invitation. */
    enum Circle implements CareerEvent {
        LEFT("circle-left", "stopped giving gifts and left the circle"),
        JOINED("gift", "gave gifts to superiors and entered the circle"),
        REFUSED("refused", "was invited into the gift circle and refused");

        private final String kind;
        private final String detail;

        Circle(String kind, String detail) {
            this.kind = kind;
            this.detail = detail;
        }

        public String kind() {
            return kind;
        }

        public String detail(Organisation org) {
            return detail;
        }
    }

    /** A new EVLN stance (mechanism 10), with the morale and stress that led to it. */
    record StanceTaken(Stance stance, double morale, double stress) implements CareerEvent {
        public String kind() {
            return "stance";
        }

        public String detail(Organisation org) {
            return String.format(Locale.ROOT, "became %s (morale %.2f, stress %.2f)", stance.label(), morale, stress);
        }
    }

    /** A reform action (mechanism 8) and what it drew. */
    record SpokeUp(boolean madeEnemy, Voice.Retaliation retaliation) implements CareerEvent {
        public String kind() {
            return "voice";
        }

        public String detail(Organisation org) {
            return "refused bribes and pressed against local corruption"
                    + (madeEnemy ? "; made an enemy" : "")
                    + switch (retaliation) {
                        case BLOCKED_PROMOTION -> "; the circle blocked the promotion";
                        case PUNITIVE_TRANSFER -> "; the circle moved to have the official transferred";
                        case FABRICATED_ACCUSATION -> "; rivals filed an accusation of bribery";
                        case NONE -> "";
                    };
        }
    }

    /** An investigation (mechanism 7) and its verdict. */
    record Investigated(Investigation.Verdict verdict) implements CareerEvent {
        public String kind() {
            return "investigation";
        }

        public String detail(Organisation org) {
            return switch (verdict) {
                case GUILTY -> "investigated by the discipline commission and found guilty of bribery";
                case FABRICATED -> "accused of bribery by enemies and convicted although innocent";
                case QUIT_DISMISSED -> "investigated after renouncing the party in public, and dismissed";
                default -> "investigated by the discipline commission and cleared";
            };
        }
    }

    /** Rotated to head another unit (mechanism 13). */
    record Rotated(int unit) implements CareerEvent {
        public String kind() {
            return "rotation";
        }

        public String detail(Organisation org) {
            return "rotated to head " + org.describe(unit);
        }
    }

    /** Sent to a sideline unit as a punishment (mechanisms 8 and 13). */
    record Transferred(int unit) implements CareerEvent {
        public String kind() {
            return "transfer";
        }

        public String detail(Organisation org) {
            return "transferred, as a punishment, to " + org.describe(unit);
        }
    }

    /** Promoted (mechanism 6), on merit or helped by gifts. */
    record Promoted(int rank, int unit, boolean byGift, int candidates) implements CareerEvent {
        public String kind() {
            return "promotion";
        }

        public String detail(Organisation org) {
            return "promoted to " + Rank.label(rank, org.ranks()) + " in " + org.describe(unit)
                    + (byGift ? ", helped by gifts to the right people" : ", on merit") + " (from " + candidates + " candidates)";
        }
    }

    /** Renounced party membership in public (mechanism 14), seeing this share of members gone. */
    record QuitParty(double observedShare) implements CareerEvent {
        public String kind() {
            return "party-exit";
        }

        public String detail(Organisation org) {
            return String.format(Locale.ROOT, "publicly renounced party membership, with %.1f%% of members already gone", 100 * observedShare);
        }
    }

    /** Left the organisation (mechanism 11). */
    record Left(ExitRoute route, int ageYears, int serviceYears, int rank) implements CareerEvent {
        public String kind() {
            return "exit";
        }

        public String detail(Organisation org) {
            return route.label() + " at age " + ageYears + " after " + serviceYears + " years of service, as " + Rank.label(rank, org.ranks());
        }
    }
}
