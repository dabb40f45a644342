package org.officialdom.model.scenario;

/**
 * A scenario (or experiment) file that cannot be used, with everything a person needs to fix it:
 * the file, the line, the field, what was expected and what was found.
 */
public final class ScenarioException extends RuntimeException {

    private final String file;
    private final int line;
    private final String field;
    private final String expected;
    private final String found;

    public ScenarioException(String file, int line, String field, String expected, String found) {
        super(format(file, line, field, expected, found));
        this.file = file;
        this.line = line;
        this.field = field;
        this.expected = expected;
        this.found = found;
    }

    private static String format(String file, int line, String field, String expected, String found) {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(", line ").append(line);
        }
        if (field != null && !field.isEmpty()) {
            sb.append(", field '").append(field).append('\'');
        }
        sb.append(": expected ").append(expected);
        if (found != null) {
            sb.append(", found ").append(found);
        }
        return sb.toString();
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
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
