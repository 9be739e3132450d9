package vn.childprotection.casetracker.platform.input;

import org.springframework.beans.factory.config.BeanExpressionContext;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.expression.StandardBeanExpressionResolver;

/**
 * Lets a value without an expression ({@code #{...}}) through the bean factory's expression resolver untouched,
 * without a look-up.
 * <p>
 * Spring MVC passes the name of every {@code @PathVariable}, {@code @RequestParam} and {@code @RequestHeader}
 * argument, on every request, through {@link StandardBeanExpressionResolver#evaluate}, which looks the name and the
 * resolver's context up in two {@code ConcurrentHashMap}s with {@code computeIfAbsent}. The contexts of the different
 * argument resolvers have equal hash codes (that of the bean factory), so all but one of them are found only under the
 * lock of their shared bin: every request's arguments queued on one lock (seen BLOCKED in thread dumps under 32
 * concurrent readers). A value with no expression in it evaluates to itself anyway (a literal template), so it is
 * answered at once; a value with an expression is evaluated as before.
 */
@Configuration(proxyBeanMethods = false)
public class LiteralExpressionShortcut {

    /**
     * Replaces the expression resolver the application context set up ({@code prepareBeanFactory}) before any bean is
     * created; where expressions are switched off ({@code spring.spel.ignore}, no resolver) nothing changes.
     */
    @Bean
    public static BeanFactoryPostProcessor literalFirstExpressionResolver() {
        return beanFactory -> {
            if (beanFactory.getBeanExpressionResolver() instanceof StandardBeanExpressionResolver) {
                beanFactory.setBeanExpressionResolver(new LiteralFirstResolver(beanFactory.getBeanClassLoader()));
            }
        };
    }

    /**
     * {@link StandardBeanExpressionResolver} with its default {@code #{} prefix, answering values without it at once.
     */
    static final class LiteralFirstResolver extends StandardBeanExpressionResolver {

        LiteralFirstResolver(ClassLoader classLoader) {
            super(classLoader);
        }

        @Override
        public Object evaluate(String value, BeanExpressionContext context) {
            if (value == null || !value.contains(DEFAULT_EXPRESSION_PREFIX)) {
                return value;
            }
            return super.evaluate(value, context);
        }
    }
}
