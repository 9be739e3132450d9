package vn.childprotection.casetracker.platform.input;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.Size;

/**
 * {@code @Size} on a {@code String} counted in characters (Unicode code points), as {@link TextRule} counts them,
 * instead of UTF-16 units: a name of 200 characters is 200 whatever script or symbols it uses. Registered for
 * {@code String} by {@link CodePointSizeConfiguration}; collections keep the built-in validators.
 */
public class CodePointSizeValidator implements ConstraintValidator<Size, String> {

    private int min;
    private int max;

    @Override
    public void initialize(Size size) {
        this.min = size.min();
        this.max = size.max();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        int length = TextRule.length(value);
        return length >= min && length <= max;
    }
}
