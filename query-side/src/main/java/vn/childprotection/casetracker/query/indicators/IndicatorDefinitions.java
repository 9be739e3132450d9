package vn.childprotection.casetracker.query.indicators;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.casetracker.values.CaseCategory;

/**
 * The indicator definitions (<i>danh mục chỉ tiêu</i>), read from a file so that an indicator can be added or
 * changed without code: {@code casetracker.indicators.definitions}, by default {@code indicators/definitions.json}.
 * Circular 13's full list is unconfirmed (domain.md section 6), which is why indicators are data. A definition that
 * names an unknown measure, dimension, category or group stops the service at start, with the reason.
 */
@Component
public class IndicatorDefinitions {

    private final List<IndicatorGroup> groups;
    private final List<IndicatorDefinition> indicators;

    public IndicatorDefinitions(@Value("${casetracker.indicators.definitions:classpath:indicators/definitions.json}")
                                Resource location, JsonMapper jsonMapper) throws IOException {
        DefinitionFile file;
        try (InputStream in = location.getInputStream()) {
            file = jsonMapper.readValue(in, DefinitionFile.class);
        }
        this.groups = List.copyOf(file.groups());
        Map<String, IndicatorGroup> byCode = groups.stream()
                .collect(Collectors.toMap(IndicatorGroup::code, Function.identity()));
        Set<String> codes = new HashSet<>();
        List<IndicatorDefinition> parsed = new ArrayList<>();
        for (FileIndicator raw : file.indicators()) {
            String where = "Indicator " + raw.code() + " in " + location.getDescription();
            if (raw.code() == null || !codes.add(raw.code())) {
                throw new IllegalStateException(where + ": missing or duplicate code");
            }
            if (!byCode.containsKey(raw.group())) {
                throw new IllegalStateException(where + ": unknown group " + raw.group());
            }
            if (raw.nameVi() == null || raw.nameEn() == null) {
                throw new IllegalStateException(where + ": nameVi and nameEn are required");
            }
            Set<CaseCategory> categories = EnumSet.noneOf(CaseCategory.class);
            for (String category : raw.categories() == null ? List.<String>of() : raw.categories()) {
                categories.add(parse(CaseCategory.class, category, where + ": unknown category"));
            }
            List<Dimension> breakdowns = new ArrayList<>();
            for (String key : raw.breakdowns() == null ? List.<String>of() : raw.breakdowns()) {
                breakdowns.add(Dimension.fromKey(key).orElseThrow(() ->
                        new IllegalStateException(where + ": unknown breakdown " + key)));
            }
            parsed.add(new IndicatorDefinition(raw.code(), raw.group(), raw.nameVi(), raw.nameEn(),
                    parse(CountingUnit.class, raw.unit(), where + ": unknown unit"),
                    parse(Measure.class, raw.measure(), where + ": unknown measure"), categories,
                    Boolean.TRUE.equals(raw.withSpecialCircumstanceGroups()), breakdowns));
        }
        this.indicators = List.copyOf(parsed);
    }

    public List<IndicatorGroup> groups() {
        return groups;
    }

    public List<IndicatorDefinition> indicators() {
        return indicators;
    }

    public Optional<IndicatorDefinition> find(String code) {
        return indicators.stream().filter(d -> d.code().equals(code)).findFirst();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String problem) {
        try {
            return Enum.valueOf(type, String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(problem + " " + value);
        }
    }

    record DefinitionFile(String source, List<IndicatorGroup> groups, List<FileIndicator> indicators) {
    }

    record FileIndicator(String code, String group, String nameVi, String nameEn, String unit, String measure,
                         List<String> categories, Boolean withSpecialCircumstanceGroups, List<String> breakdowns) {
    }
}
