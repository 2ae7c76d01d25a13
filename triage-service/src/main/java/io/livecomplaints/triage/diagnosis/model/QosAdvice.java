package io.livecomplaints.triage.diagnosis.model;

/** The automatic reply to a viewer whose own connection is the likely cause, in Chinese and English. */
public record QosAdvice(String chinese, String english) {

    public String in(String language) {
        return language != null && language.startsWith("zh") ? chinese : english;
    }
}
