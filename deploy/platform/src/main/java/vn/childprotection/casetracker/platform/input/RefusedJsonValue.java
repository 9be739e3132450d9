package vn.childprotection.casetracker.platform.input;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value refused by an input rule while a request body is read. Jackson adds the path of the field as the
 * exception travels up, so the 400 answer names the field ({@code child.ethnicity}) and {@link #problem()}.
 */
public class RefusedJsonValue extends MismatchedInputException {

    private final String problem;

    RefusedJsonValue(JsonParser parser, Class<?> targetType, String problem) {
        super(parser, problem, targetType);
        this.problem = problem;
    }

    /**
     * @return what is wrong with the value, never the value itself
     */
    public String problem() {
        return problem;
    }
}
