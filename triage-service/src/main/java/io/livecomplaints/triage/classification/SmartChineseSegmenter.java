package io.livecomplaints.triage.classification;

import io.livecomplaints.triage.classification.model.Segmenter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Word segmentation with Lucene's smartcn (hidden Markov model over a Chinese word dictionary): 快递丢件了 →
 * 快递 / 丢 / 件 / 了. Latin-script words are lower-cased and Porter-stemmed (charged → charg). Thread-safe.
 */
public final class SmartChineseSegmenter implements Segmenter {

    private final Analyzer analyzer = new SmartChineseAnalyzer(true);

    @Override
    public List<String> words(String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot segment text", e);
        }
        return words;
    }
}
