package org.officialdom.model.bureaucracy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Numbers in the text of events, written as {@code String.format("%.Nf", v)} writes them on an
 * English-language machine, without {@link java.util.Formatter}.
 *
 * <p>Why: the events of tracked officials are formatted while a run steps. {@code String.format}
 * parses its pattern with regular expressions, looks up the locale's symbols and goes through
 * {@code Formatter}'s general machinery, all of which the JIT compiler then compiles on the same two
 * cores the passes use: in a run of 1e6 officials and 120 steps, its optimising compilation took
 * 4.1–5.5 s with tracking against 2.6–3.2 s with {@code track_every: 0}, the difference mostly
 * {@code Formatter}'s code and loops that had the text's building inlined (see
 * {@code Bureaucracy.entered}).
 *
 * <p>The same text: for a finite {@code v} other than −0.0, {@code Formatter}'s {@code %.Nf} takes
 * the decimal digits {@link Double#toString(double)} takes and rounds them half up to {@code N}
 * places ({@code FormattedFloatingDecimal}; so 1.005 gives "1.01", though the double is a little
 * below 1.005). {@link BigDecimal#valueOf(double)} starts from the same digits. Anything else
 * (NaN, infinities, −0.0) goes to {@code String.format} with {@link Locale#ROOT}. The decimal
 * separator is always a point, whatever the machine's locale.
 */
final class Decimals {

    private Decimals() {
    }

    /** {@code v} with {@code places} digits after the point, rounded half up from its shortest digits. */
    static String fixed(double v, int places) {
        if (Double.isNaN(v) || Double.isInfinite(v) || (v == 0 && 1 / v < 0)) {
            return String.format(Locale.ROOT, "%." + places + "f", v);
        }
        return BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_UP).toPlainString();
    }
}
