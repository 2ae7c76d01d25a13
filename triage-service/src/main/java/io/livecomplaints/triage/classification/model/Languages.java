package io.livecomplaints.triage.classification.model;

/** The language of a complaint: Chinese as soon as a fifth of its letters are Han characters, else English. */
public final class Languages {

    public static final String CHINESE = "zh-CN";
    public static final String ENGLISH = "en";

    private Languages() {
    }

    public static String detect(String text) {
        int letters = 0;
        int han = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isLetter(cp)) {
                letters++;
                if (isHan(cp)) {
                    han++;
                }
            }
            i += Character.charCount(cp);
        }
        // mixed text ("iPhone充电头坏了") is Chinese: a few Han characters carry more meaning than Latin letters
        return han > 0 && han * 5 >= letters ? CHINESE : ENGLISH;
    }

    public static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }
}
