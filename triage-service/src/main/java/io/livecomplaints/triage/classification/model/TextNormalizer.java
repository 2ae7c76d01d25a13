package io.livecomplaints.triage.classification.model;

import java.text.Normalizer;
import java.util.Locale;

/** Full-width forms to half-width (ＡＢＣ！→ ABC!), lower case: the form every rule and feature is matched on. */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    public static String normalize(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
