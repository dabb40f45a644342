package org.officialdom.lab.analysis;

/** A statistic of one factor: its name, the estimate and a confidence interval. */
public record Estimate(String factor, String measure, double estimate, double ciLow, double ciHigh) {
}
