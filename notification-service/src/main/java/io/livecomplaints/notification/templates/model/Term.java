package io.livecomplaints.notification.templates.model;

/** A placeholder value that the templates may translate ({@code team.logistics: 物流团队}); shown as is otherwise. */
public record Term(String key, String fallback) {
}
