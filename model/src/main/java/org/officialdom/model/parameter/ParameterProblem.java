package org.officialdom.model.parameter;

/**
 * Parameters that each pass their own range but do not fit together (a responsibility weight per
 * rank where the pyramid has another number of ranks, shares that add up to nothing). A parameter
 * record's constructor throws it naming the field, relative to that record, so that the scenario
 * loader can point at the file's line for it.
 */
public final class ParameterProblem extends IllegalArgumentException {

    private final String field;
    private final String expected;
    private final String found;

    /**
     * @param field    the dotted snake_case path of the field at fault, relative to the record that throws
     * @param expected what the field should have been, in words
     * @param found    what it was
     */
    public ParameterProblem(String field, String expected, String found) {
        super(field + ": expected " + expected + ", found " + found);
        this.field = field;
        this.expected = expected;
        this.found = found;
    }

    public String field() {
        return field;
    }

    public String expected() {
        return expected;
    }

    public String found() {
        return found;
    }
}
