package io.livecomplaints.support.basis;

import io.livecomplaints.schemas.rules.DecisionBasis;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The basis rule (处理依据) as one bean for every service that decides or tells a result (resolution refuses a decision
 * without a basis, notification phrases one): reasons that say nothing by themselves are
 * {@code complaints.basis.bare-phrases} (env {@code COMPLAINTS_BASIS_BAREPHRASES_0=…}), by default
 * {@link DecisionBasis#DEFAULT_BARE_PHRASES}. Set it for both services alike.
 */
@AutoConfiguration
public class DecisionBasisAutoConfiguration {

    public static final String BARE_PHRASES = "complaints.basis.bare-phrases";

    @Bean
    @ConditionalOnMissingBean
    DecisionBasis decisionBasis(Environment environment) {
        List<String> phrases = Binder.get(environment).bind(BARE_PHRASES, Bindable.listOf(String.class))
                .orElse(DecisionBasis.DEFAULT_BARE_PHRASES);
        return new DecisionBasis(phrases);
    }
}
